-- 订单式提案: members hear of a new clue; its unit of each member who takes it and of each proposal written on it;
-- those who took it of its closing.
insert into template (category, channel, locale, title, body, updated_at) values
('clue.posted', 'INBOX', 'zh-CN', '新的提案线索', '{unit}发布提案线索《{title}》，{until}前可认领。', now()),
('clue.posted', 'INBOX', 'en', 'A new proposal clue', '{unit} posted the clue "{title}"; take it by {until}.', now()),
('clue.activity', 'INBOX', 'zh-CN', '提案线索动态', '线索《{title}》：{what}。', now()),
('clue.activity', 'INBOX', 'en', 'Clue update', 'Clue "{title}": {what}.', now());
