insert into template (category, channel, locale, title, body, updated_at) values
('performance.inactive', 'INBOX', 'zh-CN', '履职提醒', '{name}委员：您已有{days}天没有履职记录，请及时参加会议活动、提交提案或社情民意信息，并在APP中记录履职情况。', now()),
('performance.inactive', 'INBOX', 'en', 'Duty-performance reminder', '{name}: nothing has been recorded for your duty performance for {days} days.', now());
insert into template (category, channel, locale, title, body, updated_at) values
('opinion.submitted', 'INBOX', 'zh-CN', '新社情民意信息', '收到社情民意信息《{title}》，请编辑审核。', now()),
('opinion.submitted', 'INBOX', 'en', 'New public-opinion report', 'Public-opinion report "{title}" is waiting for review.', now()),
('opinion.decision', 'INBOX', 'zh-CN', '社情民意信息', '您报送的社情民意信息《{title}》{result}。', now()),
('opinion.decision', 'INBOX', 'en', 'Your public-opinion report', 'Your public-opinion report "{title}": {result}.', now());
