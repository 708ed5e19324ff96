insert into template (category, channel, locale, title, body, updated_at) values
('cosign.invited', 'INBOX', 'zh-CN', '联名邀请', '{authorName} 邀请您联名提案《{title}》，请于 {deadline} 前答复。', now()),
('cosign.invited', 'INBOX', 'en', 'Invitation to co-sign', '{authorName} invites you to co-sign "{title}" (answer by {deadline}).', now()),
('cosign.invited', 'SMS', 'zh-CN', '', '【政协】{authorName} 邀请您联名提案《{title}》，请登录APP答复。', now()),
('cosign.answered', 'INBOX', 'zh-CN', '联名答复', '{name}{answer}提案《{title}》。', now()),
('cosign.answered', 'INBOX', 'en', 'Co-signing answered', '{name} answered your invitation to co-sign "{title}".', now()),
('assignment.return-requested', 'INBOX', 'zh-CN', '承办单位申请退回', '{unitName}申请退回提案《{title}》：{reason}', now()),
('assignment.return-requested', 'INBOX', 'en', 'A unit asks to return a proposal', '{unitName} asks to return "{title}": {reason}', now());
