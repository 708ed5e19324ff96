-- One batch of a broadcast's fan-out as notification-service writes it (Notifications.createForEach): :batch inbox
-- rows, one per member, in one insert with the conflict check on (event_id, audience_kind, audience), committed.
-- pgbench's rate × :batch is the most inbox rows a second this PostgreSQL takes in that shape.
\set b random(1, 1000000000)
insert into bench.notification (id, committee, audience_kind, audience, category, title, body, link, event_id, created_at, priority, data)
select gen_random_uuid(), '100000', 'USER', 'bcast-' || lpad(g::text, 7, '0'), 'announcement', '关于召开全体会议的通知',
       '定于12月10日召开全体会议，请全体委员准时出席。', '/committees/100000/broadcasts/bench', 'broadcast:bench-' || :b || '-' || :client_id,
       now(), 'NORMAL', '{"title":"关于召开全体会议的通知","body":"定于12月10日召开全体会议，请全体委员准时出席。"}'
from generate_series(1, :batch) g
on conflict (event_id, audience_kind, audience) do nothing;
