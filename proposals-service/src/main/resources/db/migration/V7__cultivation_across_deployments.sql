-- 四级联动 across deployments (ADR 0012): a hop whose other end is in another deployment keeps that end's name
-- (this registry may not hold the committee) and the deployment it was received from (the MirrorMaker 2 alias).
alter table cultivation add column committee_name varchar(200);
alter table cultivation add column target_name varchar(200);
alter table cultivation add column origin varchar(40);
