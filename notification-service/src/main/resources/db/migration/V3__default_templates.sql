-- Default templates (Qute syntax: {name} inserts a value of the event's data). Lookup order for a message:
-- its channel in the reader's locale, in zh-CN, in en; then the INBOX template the same way.
insert into template (category, channel, locale, title, body, updated_at) values
('proposal.review', 'INBOX', 'zh-CN', '新提案待审查', '{authorName} 提交了提案《{title}》，请及时审查。', now()),
('proposal.review', 'INBOX', 'en', 'New proposal to review', '{authorName} submitted the proposal "{title}". Please review it.', now()),
('proposal.receipt', 'INBOX', 'zh-CN', '提案已提交', '您的提案《{title}》已提交，等待提案委员会审查。', now()),
('proposal.receipt', 'INBOX', 'en', 'Proposal submitted', 'Your proposal "{title}" was submitted and awaits review by the proposals committee.', now()),
('consultation.scheduled', 'INBOX', 'zh-CN', '协商活动通知', '《{title}》将于 {when} 在{location}举行。', now()),
('consultation.scheduled', 'INBOX', 'en', 'Consultation scheduled', '"{title}" takes place on {when} at {location}.', now()),
('consultation.reminder', 'INBOX', 'zh-CN', '协商活动提醒', '《{title}》将于明天 {when} 在{location}举行，请准时参加。', now()),
('consultation.reminder', 'INBOX', 'en', 'Consultation tomorrow', '"{title}" takes place tomorrow, {when}, at {location}.', now()),
('consultation.cancelled', 'INBOX', 'zh-CN', '协商活动取消', '《{title}》已取消：{reason}', now()),
('consultation.cancelled', 'INBOX', 'en', 'Consultation cancelled', '"{title}" is cancelled: {reason}', now()),
('announcement', 'INBOX', 'zh-CN', '{title}', '{body}', now()),
('announcement', 'INBOX', 'en', '{title}', '{body}', now()),
('consultation.reminder', 'SMS', 'zh-CN', '', '【政协】《{title}》将于明天 {when} 在{location}举行，请准时参加。', now()),
('consultation.cancelled', 'SMS', 'zh-CN', '', '【政协】《{title}》已取消：{reason}', now()),
('digest', 'EMAIL', 'zh-CN', '今日政协消息（{count} 条）', '{#for item in items}· {item.title}：{item.body}
{/for}', now()),
('digest', 'EMAIL', 'en', 'Your CPPCC digest ({count})', '{#for item in items}- {item.title}: {item.body}
{/for}', now());

insert into template (category, channel, locale, title, body, updated_at) values
('unit.registered', 'INBOX', 'zh-CN', '已登记为承办单位', '{name} 已登记为承办单位，今后交办的提案将在此通知。', now()),
('unit.registered', 'INBOX', 'en', 'Registered as a handling unit', '{name} is registered as a handling unit; assigned proposals will be announced here.', now());
