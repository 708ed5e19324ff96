-- The consultation cycle: the year's plan to the members; answers and 批示 to the consultation office; what became of an
-- opinion to the one who gave it.
insert into template (category, channel, locale, title, body, updated_at) values
('consultation.invited', 'INBOX', 'zh-CN', '协商活动邀请', '诚邀您参加“{title}”，请在活动页确认参加或请假。', now()),
('consultation.invited', 'INBOX', 'en', 'Invitation', 'You are invited to "{title}": accept or ask for leave on its page.', now()),
('consultation.invited', 'SMS', 'zh-CN', '', '【政协】诚邀您参加“{title}”，请登录确认参加或请假。', now()),
('consultation.plan', 'INBOX', 'zh-CN', '年度协商计划发布', '{year}年协商计划《{title}》已发布，共{topics}个议题。', now()),
('consultation.plan', 'INBOX', 'en', 'Consultation plan published', 'The {year} consultation plan "{title}" is out: {topics} topics.', now()),
('consultation.answer', 'INBOX', 'zh-CN', '参会回复', '{name}：{answer}（{title}）', now()),
('consultation.answer', 'INBOX', 'en', 'Invitation answered', '{name}: {answer} ("{title}")', now()),
('consultation.opinion', 'INBOX', 'zh-CN', '协商意见办理情况', '您在“{title}”中提出的意见{opinion}{what}。', now()),
('consultation.opinion', 'INBOX', 'en', 'Your consultation opinion', 'Your opinion in "{title}" {opinion}: {what}.', now()),
('consultation.instruction', 'INBOX', 'zh-CN', '协商报告获批示', '《{title}》获{by}批示：{instruction}', now()),
('consultation.instruction', 'INBOX', 'en', 'Report instructed', '"{title}" was instructed by {by}: {instruction}', now());
