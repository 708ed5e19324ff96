-- 四级联动: the parent's office hears of a recommendation; the recommending office and the original author of the decision.
insert into template (category, channel, locale, title, body, updated_at) values
('cultivation.recommended', 'INBOX', 'zh-CN', '下级政协推荐培育', '{fromName}推荐《{title}》，请研究是否采纳。', now()),
('cultivation.recommended', 'INBOX', 'en', 'Recommended from below', '{fromName} recommends "{title}" to your committee.', now()),
('cultivation.decision', 'INBOX', 'zh-CN', '推荐培育结果', '推荐至{toName}的《{title}》{result}。', now()),
('cultivation.decision', 'INBOX', 'en', 'Cultivation decided', '"{title}", recommended to {toName}: {result}.', now());
