-- 督办 and 延期: a key proposal's supervising leader hears of its progress and of overdue items; the office of
-- extension requests; a unit of the decision, of 督办 actions and of letters forwarded to it.
insert into template (category, channel, locale, title, body, updated_at) values
('proposal.key-progress', 'INBOX', 'zh-CN', '督办提案进展', '您督办的重点提案《{title}》：{what}。', now()),
('proposal.key-progress', 'INBOX', 'en', 'Supervised proposal update', 'The key proposal "{title}" you supervise: {what}.', now()),
('proposal.supervised', 'INBOX', 'zh-CN', '重点提案督办', '{by}督办提案《{title}》（{action}）：{note}', now()),
('proposal.supervised', 'INBOX', 'en', 'Key proposal supervised', '{by} supervised "{title}" ({action}): {note}', now()),
('assignment.extension-requested', 'INBOX', 'zh-CN', '延期申请', '{unitName}申请将提案《{title}》的办理时限由{from}延至{to}：{reason}', now()),
('assignment.extension-requested', 'INBOX', 'en', 'Extension requested', '{unitName} asks to move the deadline of "{title}" from {from} to {to}: {reason}', now()),
('assignment.extension-decided', 'INBOX', 'zh-CN', '延期申请结果', '提案《{title}》的延期申请{outcome}。', now()),
('assignment.extension-decided', 'INBOX', 'en', 'Extension decided', 'The extension request for "{title}" was {outcomeEn}.', now()),
('letter.forwarded', 'INBOX', 'zh-CN', '转来信', '提案办公室转来《{title}》，请研处并答复。', now()),
('letter.forwarded', 'INBOX', 'en', 'Letter forwarded', 'The proposal office forwarded "{title}" for your answer.', now());

-- A key proposal's supervising leader, from ProposalMarkedKey (progress goes to them).
create table key_proposal (
    proposal_id     varchar(64)  primary key,
    committee       varchar(6)   not null,
    leader_user_id  varchar(64)  not null
);

-- A handling unit's own contact: messages to the unit (deadlines, overdue items) go to this e-mail and mobile too,
-- on the channels the unit chose (its choices are kept as the preferences of the person 'unit:<id>').
create table unit_contact (
    unit_id    varchar(64)  primary key,
    committee  varchar(6)   not null,
    name       varchar(100) not null,
    email      varchar(200),
    mobile     varchar(30),
    updated_at timestamptz  not null
);

insert into template (category, channel, locale, title, body, updated_at) values
('assignment.overdue', 'SMS', 'zh-CN', '', '【政协】{unitName}承办的提案《{title}》已超过{deadline}的办理期限。', now()),
('assignment.extension-decided', 'SMS', 'zh-CN', '', '【政协】提案《{title}》的延期申请{outcome}。', now());

-- the units known before this table: those with officers (read across committees: a migration is no request)
select set_config('cppcc.committee', '*', true);
insert into unit_contact (unit_id, committee, name, updated_at)
select distinct on (unit_id) unit_id, committee, unit_name, now() from unit_officer order by unit_id
on conflict do nothing;
