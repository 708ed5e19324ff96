-- Contact details, carried to notification-service in MemberJoined.
alter table member add column email varchar(200);
alter table member add column mobile varchar(30);
