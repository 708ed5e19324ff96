-- A scratch copy of the tables a submission writes, with the same columns, defaults and indexes, and the same
-- triggers (the search vectors of ADR 0013, the figure deltas of ADR 0016), for pgbench to write into. The trigger
-- functions name their tables unqualified: with search_path "bench, public" (set by submission.sql, as the service
-- sets its committee on each connection) they write into these copies.
drop schema if exists bench cascade;
create schema bench;
create table bench.proposal (like public.proposal including all);
create table bench.proposal_text (like public.proposal_text including all);
create table bench.proposal_figure (like public.proposal_figure including all);
create table bench.proposal_transition (like public.proposal_transition including all);
create table bench.outbox_event (like public.outbox_event including all);
create trigger proposal_search after insert or update of title, body on bench.proposal
    for each row execute function public.cppcc_proposal_search_trigger();
create trigger proposal_figures after insert or update or delete on bench.proposal
    for each row execute function public.proposal_figure_delta();
