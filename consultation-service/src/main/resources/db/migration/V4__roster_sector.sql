-- the roster keeps each member's sector (界别), as members-service announces it
alter table member_roster add column sector varchar(50);
