-- A person's memberships across committees (their own pages, the account checks): by user id alone.
create index member_by_user on member (user_id);
