-- What each form needs of its own: 对口协商 the matching department; 提案办理协商 the proposal (in proposals-service)
-- and the units handling it; 界别协商 the sectors; 委员议事厅 its episode number (第N期, per committee).
alter table activity add column department varchar(100);
alter table activity add column proposal_ref uuid;
alter table activity add column handling_units varchar(500);
alter table activity add column sectors varchar(500);
alter table activity add column episode integer;
create unique index activity_episode on activity (committee, episode) where episode is not null;
