-- The bare SQL a submission must do, as the service does it: name the connection's committee (the row policy's
-- setting; here also the search path to the scratch schema), read the author's sector, write the proposal (about
-- 1.5 KB; its triggers write the search vectors and the figure delta), its first transition and its event in the
-- outbox (about 1 KB), commit synchronously; then the relay marks the event sent in a transaction of its own.
-- pgbench's rate for it is the limit the submission endpoint is measured against. It writes into the schema "bench"
-- (bench/sql/setup.sql), so no committee's data is touched.
\set n random(1, 1000000000)
select set_config('search_path', 'bench, public', false), set_config('cppcc.committee', '440112', false);
begin;
select sector from public.member_roster where committee = '440112' and user_id = 'bench-' || :n;
insert into bench.proposal (id, committee, title, body, kind, status, author_user_id, author_name, publish_consent, submitted_at,
                            term, session, tags)
values (gen_random_uuid(), '440112', '关于加快推进老旧小区加装电梯工作的提案 ' || :n,
        repeat('老旧小区加装电梯是民生实事，建议简化审批、完善补贴、加强协调。', 12), 'INDIVIDUAL', 'SUBMITTED',
        'bench-' || :n, '委员', true, now(), 1, 1, '{}') returning id as proposal \gset
insert into bench.proposal_transition (id, committee, proposal_id, action, from_status, to_status, actor_id, actor_name, actor_role, at)
values (gen_random_uuid(), '440112', ':proposal'::uuid, 'SUBMIT', null, 'SUBMITTED', 'bench-' || :n, '委员', 'member', now());
insert into bench.outbox_event (id, topic, message_key, type, committee, payload, created_at)
values (gen_random_uuid(), 'proposals.events', ':proposal'::uuid, 'org.cppcc.proposals.ProposalSubmitted.v1', '440112',
        repeat('{"proposalId":"x","title":"关于加快推进老旧小区加装电梯工作的提案"}', 12), now()) returning id as event \gset
commit;
update bench.outbox_event set published_at = now() where id = ':event'::uuid;
select set_config('cppcc.committee', '', false);
