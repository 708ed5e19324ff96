-- 提案库 search (ADR 0013): Chinese has no spaces between words, so a proposal is indexed by the character bigrams
-- of its text — a phrase is the chain of its bigrams, adjacent — in GIN-indexed tsvectors: one of the title (title
-- hits come first), one of the title, text and replies. A tsvector is built from its literal form, so neither the
-- database's locale nor PostgreSQL's text-search parser (which finds no words in CJK text under lc_ctype C)
-- decides what is found.

-- What separates words for search: white space, ASCII punctuation and the common Chinese punctuation marks
-- (so a lexeme never holds a quote or a backslash, and needs no escaping in a tsvector or tsquery literal).
create or replace function cppcc_search_separators() returns text language sql immutable parallel safe as $$
    select '[[:space:]!-/:-@[-`{-~，。、；：？！“”‘’（）《》【】〈〉「」『』—…·　]+'
$$;

-- Character bigrams of a text: '养老服务' → '养老':1 '老服':2 '服务':3; a one-character word is kept whole; a gap
-- after each separator, so that no phrase spans one.
create or replace function cppcc_bigrams(t text) returns tsvector
language plpgsql immutable parallel safe as $$
declare
    seg text;
    n int;
    pos int := 0;
    lexemes text[] := '{}';
begin
    if t is null then
        return ''::tsvector;
    end if;
    foreach seg in array regexp_split_to_array(lower(t), cppcc_search_separators()) loop
        n := char_length(seg);
        if n = 1 then
            pos := pos + 1;
            lexemes := lexemes || ('''' || seg || ''':' || least(pos, 16383));
        elsif n > 1 then
            for i in 1 .. n - 1 loop
                pos := pos + 1;
                lexemes := lexemes || ('''' || substr(seg, i, 2) || ''':' || least(pos, 16383));
            end loop;
        end if;
        pos := pos + 1;
    end loop;
    return array_to_string(lexemes, ' ')::tsvector;
end $$;

-- A search query as a tsquery: each phrase (text between separators) is its chain of bigrams, adjacent (<->);
-- a one-character phrase matches the bigrams it begins (prefix); phrases are all required (&). Null when the
-- query has nothing to search for.
create or replace function cppcc_bigram_query(q text) returns tsquery
language plpgsql immutable parallel safe as $$
declare
    seg text;
    n int;
    parts text[] := '{}';
    chain text[];
begin
    foreach seg in array regexp_split_to_array(lower(coalesce(q, '')), cppcc_search_separators()) loop
        n := char_length(seg);
        if n = 1 then
            parts := parts || ('''' || seg || ''':*');
        elsif n > 1 then
            chain := '{}';
            for i in 1 .. n - 1 loop
                chain := chain || ('''' || substr(seg, i, 2) || '''');
            end loop;
            parts := parts || ('(' || array_to_string(chain, ' <-> ') || ')');
        end if;
    end loop;
    if cardinality(parts) = 0 then
        return null;
    end if;
    return array_to_string(parts, ' & ')::tsquery;
end $$;

-- The vectors live in a table of their own, without row-level security: under the policy of `proposal` PostgreSQL
-- may not use an index for `@@` (not a leakproof operator, so it must run after the policy's check), and a rare
-- phrase became a scan of every proposal of the committee (1.1 s at 100,000, measured). The search finds candidate
-- ids through this table's indexes, then reads them through `proposal`, whose policy decides what is returned: the
-- vectors never leave the database, and no row of another committee is shown. (The column is `tenant`, not
-- `committee`, so that afterMigrate.sql leaves the table without the policy.)
create table proposal_text (
    proposal_id   uuid        primary key references proposal (id),
    tenant        varchar(6)  not null,
    search_title  tsvector    not null,
    search        tsvector    not null
);

-- a proposal's replies, read for its vector on every reply (without this index, each a scan of every reply)
create index reply_by_proposal on reply (proposal_id);

-- kept by the database on every write, whichever code writes: the title and text from the proposal, the replies from theirs
create or replace function cppcc_proposal_search(p_title text, p_body text, p_id uuid) returns tsvector
language sql stable as $$
    select cppcc_bigrams(p_title) || cppcc_bigrams(p_body)
        || cppcc_bigrams((select string_agg(r.body, E'\n' order by r.replied_at) from reply r where r.proposal_id = p_id))
$$;

create or replace function cppcc_proposal_search_trigger() returns trigger language plpgsql as $$
begin
    insert into proposal_text (proposal_id, tenant, search_title, search)
    values (new.id, new.committee, cppcc_bigrams(new.title), cppcc_proposal_search(new.title, new.body, new.id))
    on conflict (proposal_id) do update set search_title = excluded.search_title, search = excluded.search;
    return null;
end $$;
create trigger proposal_search after insert or update of title, body on proposal
    for each row execute function cppcc_proposal_search_trigger();

create or replace function cppcc_reply_search_trigger() returns trigger language plpgsql as $$
begin
    update proposal_text t set search = cppcc_proposal_search(p.title, p.body, p.id) from proposal p
    where p.id = new.proposal_id and t.proposal_id = p.id;
    return null;
end $$;
create trigger reply_search after insert or update of body on reply
    for each row execute function cppcc_reply_search_trigger();

-- the proposals already filed, of every committee (a migration is not one committee's work)
select set_config('cppcc.committee', '*', true);
insert into proposal_text (proposal_id, tenant, search_title, search)
select id, committee, cppcc_bigrams(title), cppcc_proposal_search(title, body, id) from proposal;

create index proposal_text_title on proposal_text using gin (search_title);
create index proposal_text_search on proposal_text using gin (search);
create index proposal_text_newest on proposal_text (tenant, proposal_id desc);
