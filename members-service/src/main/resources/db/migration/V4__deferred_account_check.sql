-- A member added while Keycloak could not say whether the username is taken: the account ownership rule
-- (ADR 0007) is applied by the sync before it links anything; an account that belongs elsewhere is not
-- touched and the member's account is REJECTED until a platform administrator links it.
alter table member add column account_check_deferred boolean not null default false;
