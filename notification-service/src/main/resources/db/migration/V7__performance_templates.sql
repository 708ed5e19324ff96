insert into template (category, channel, locale, title, body, updated_at) values
('performance.inactive', 'INBOX', 'zh-CN', '履职提醒', '{name}委员：您已有{days}天没有履职记录，请及时参加会议活动、提交提案或社情民意信息，并在APP中记录履职情况。', now()),
('performance.inactive', 'INBOX', 'en', 'Duty-performance reminder', '{name}: nothing has been recorded for your duty performance for {days} days.', now());
