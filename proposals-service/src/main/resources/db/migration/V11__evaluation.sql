-- 考评: the session's 优秀提案 (nominated by the office, awarded or not), the committee's weights for ranking its
-- handling units, and the 优秀承办单位 it selects.
alter table proposal add column excellent boolean not null default false;

create table excellence_nomination (
    id            uuid          primary key,
    committee     varchar(6)    not null,
    proposal_id   uuid          not null unique references proposal (id),
    term          integer       not null,
    session       integer       not null,
    reason        varchar(2000) not null,
    status        varchar(20)   not null,   -- NOMINATED | AWARDED | NOT_AWARDED
    nominated_by  varchar(64)   not null,
    nominated_at  timestamptz   not null,
    decided_by    varchar(64),
    decided_at    timestamptz,
    version       bigint        not null default 0
);
create index excellence_by_session on excellence_nomination (committee, term, session, id desc);

create table evaluation_weights (
    committee     varchar(6)    primary key,
    reply_rate    numeric(5, 4) not null,
    on_time_rate  numeric(5, 4) not null,
    satisfaction  numeric(5, 4) not null,
    a_share       numeric(5, 4) not null,
    updated_at    timestamptz   not null
);

create table excellent_unit (
    committee     varchar(6)    not null,
    term          integer       not null,
    session       integer       not null,
    unit_id       uuid          not null references handling_unit (id),
    selected_by   varchar(64)   not null,
    selected_at   timestamptz   not null,
    primary key (committee, term, session, unit_id)
);
