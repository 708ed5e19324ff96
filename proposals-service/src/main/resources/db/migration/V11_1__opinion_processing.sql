-- 社情民意 processing: the office edits a report (the member's original kept), compiles reports into a numbered
-- issue (信息专报, e.g. 2026年第12期) sent to named leaders, forwards a report to a department and records its
-- answer; a report keeps its author's sector at submission, for the year's figures per sector.
alter table opinion_report add column original_title varchar(200);
alter table opinion_report add column original_body text;
alter table opinion_report add column edited_by varchar(64);
alter table opinion_report add column edited_at timestamptz;
alter table opinion_report add column author_sector varchar(50);
alter table opinion_report add column issue_id uuid;
alter table opinion_report add column forwarded_to varchar(200);
alter table opinion_report add column forwarded_at timestamptz;
alter table opinion_report add column department_answer varchar(4000);
alter table opinion_report add column answered_at timestamptz;
create index opinion_report_by_year on opinion_report (committee, submitted_at);

create table opinion_issue (
    id           uuid          primary key,
    committee    varchar(6)    not null,
    year         integer       not null,
    number       integer       not null,
    title        varchar(200)  not null,
    recipients   varchar(2000) not null,   -- the leaders it is sent to, '、'-separated
    compiled_by  varchar(64)   not null,
    compiled_at  timestamptz   not null,
    unique (committee, year, number)
);
alter table opinion_report add constraint opinion_report_issue foreign key (issue_id) references opinion_issue (id);
