alter table activity add column status varchar(20) not null default 'SCHEDULED';
alter table activity add column cancel_reason varchar(500);
