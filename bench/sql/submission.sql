-- The bare SQL transaction a submission must do: the proposal row (about 1.5 KB) and its event in the outbox (about
-- 1 KB), committed synchronously. pgbench's rate for it is the limit the submission endpoint is measured against.
-- It writes into the schema "bench" (tables shaped like the service's, with their indexes: bench/sql/setup.sql), so
-- no committee's data is touched.
\set n random(1, 1000000000)
begin;
insert into bench.proposal (id, committee, title, body, kind, status, author_user_id, author_name, publish_consent, submitted_at)
values (gen_random_uuid(), '440112', '关于加快推进老旧小区加装电梯工作的提案 ' || :n,
        repeat('老旧小区加装电梯是民生实事，建议简化审批、完善补贴、加强协调。', 12), 'INDIVIDUAL', 'SUBMITTED',
        'bench-' || :n, '委员', true, now());
insert into bench.outbox_event (id, topic, message_key, type, committee, payload, created_at)
values (gen_random_uuid(), 'proposals.events', 'bench-' || :n, 'org.cppcc.proposals.ProposalSubmitted.v1', '440112',
        repeat('{"proposalId":"x","title":"关于加快推进老旧小区加装电梯工作的提案"}', 12), now());
commit;
