-- A national session's proposals for measuring the office's tools (statistics, 提案库 search) at scale: 100,000
-- proposals of one committee and session, with 60 handling units, assignments, replies, the proposers' ratings and
-- the authors' sectors, in the proposals database of a running platform. Run as a superuser (row-level security
-- does not apply to it), e.g. against the launcher's embedded PostgreSQL:
--
--   psql -h localhost -p 15432 -U postgres -d proposals -v committee=100000 -v term=9 -v session=1 \
--        -v proposals=100000 -f bench/data/national-session.sql
--
-- Texts are drawn from a vocabulary of proposal words with a skewed (Zipf-like) frequency, so that common words
-- (服务, 建设) are in most proposals and rare ones in few, as in real texts. Takes a few minutes (the search
-- triggers index every text). A second run adds another 100,000 under new numbers only if given another session.
\set ON_ERROR_STOP on
\timing on

create temporary table vocab (i int primary key, w text not null);
insert into vocab
select row_number() over () - 1, w from unnest(string_to_array(
'服务 建设 发展 推进 完善 加强 提升 机制 体系 保障 社区 城市 农村 企业 政策 管理 治理 教育 医疗 养老 就业 住房 交通 '
'环境 生态 文化 科技 创新 人才 产业 经济 安全 公共 资源 基层 改革 数字 智慧 乡村 振兴 民生 群众 老年 儿童 青年 妇女 '
'残疾人 卫生 健康 药品 医保 社保 托育 学前 义务 职业 高等 学位 教师 课后 垃圾 分类 污水 河涌 空气 噪声 停车 公交 地铁 '
'轨道 物流 港口 口岸 通关 贸易 跨境 金融 融资 税收 减免 营商 市场 监管 食品 消费者 知识产权 数据 要素 平台 网络 信息 '
'应急 防灾 减灾 消防 水利 能源 新能源 充电 电梯 加装 老旧 小区 改造 街区 历史 非遗 传承 旅游 夜间 体育 设施 菜市场 '
'背街 小巷 整治 调解 纠纷 法治 普法 志愿 慈善 社会组织 网格 物业 业主 租赁 保障房 公积金 农业 种业 耕地 粮食 农民 增收 '
'合作社 冷链 电商 直播 制造 升级 转型 园区 孵化 专精特新 中小 民营 外资 开放 协同 区域 湾区 走廊 一体化 标准 质量 品牌',
' ')) w;

-- 60 handling units of the committee
insert into handling_unit (id, committee, name, created_at)
select gen_random_uuid(), :'committee', '测试承办单位' || lpad(g::text, 2, '0'), now() from generate_series(1, 60) g
on conflict (committee, name) do nothing;

create temporary table gen_units as
select row_number() over (order by name) - 1 as i, id from handling_unit where committee = :'committee' and name like '测试承办单位%';

-- words with a skewed frequency: index floor(n * r^3) favours the first (common) words
create temporary table vocab_array as select array_agg(w order by i) as v, count(*)::int as n from vocab;
create or replace function pg_temp.text_of(words int) returns text language sql volatile as $$
    select string_agg(va.v[1 + floor(va.n * r * r * r)::int], case when random() < 0.12 then '。' else '' end)
    from vocab_array va, (select random() as r from generate_series(1, words)) g
$$;

-- proposals: states in the proportions of a session some months on
insert into proposal (id, committee, title, body, kind, status, author_user_id, author_name, publish_consent, submitted_at, term,
                      session, number, registered_at, handling_round, author_sector, key_proposal)
select gen_random_uuid(), :'committee',
       '关于' || pg_temp.text_of(3) || '的提案',
       pg_temp.text_of(200 + (random() * 300)::int),
       case when g % 20 = 0 then 'JOINT' when g % 50 = 0 then 'COLLECTIVE' else 'INDIVIDUAL' end,
       s.status,
       'bench-member-' || (g % 2000), '测试委员' || (g % 2000), random() < 0.8,
       now() - interval '120 days' + (g % 72) * interval '1 hour',
       :term, :session,
       case when s.status not in ('SUBMITTED', 'NOT_REGISTERED') then 'BENCH-' || lpad(g::text, 6, '0') end,
       case when s.status not in ('SUBMITTED', 'NOT_REGISTERED') then now() - interval '110 days' end,
       case when s.status in ('HANDLING', 'REPLIED', 'COMPLETED') then 1 else 0 end,
       (array['中共', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '无党派人士', '经济界', '科技界', '教育界',
              '医药卫生界', '文化艺术界', '农业界'])[1 + g % 15],
       g % 97 = 0
from generate_series(1, :proposals) g
cross join lateral (select case when g % 100 < 5 then 'SUBMITTED' when g % 100 < 10 then 'NOT_REGISTERED' when g % 100 < 15 then 'REGISTERED'
                                when g % 100 < 40 then 'HANDLING' when g % 100 < 55 then 'REPLIED' else 'COMPLETED' end as status) s;

-- 交办: one lead unit per assigned proposal, a co-handler for every third; replies and ratings where the state says so
insert into assignment (id, committee, proposal_id, unit_id, role, handling_round, deadline, status, assigned_at)
select gen_random_uuid(), p.committee, p.id, u.id, 'LEAD', 1, (now() - interval '100 days' + interval '90 days')::date
       + (case when random() < 0.1 then -5 else 0 end),
       case when p.status = 'HANDLING' then 'OPEN' else 'REPLIED' end, now() - interval '100 days'
from proposal p join gen_units u on u.i = abs(hashtext(p.id::text)) % 60
where p.committee = :'committee' and p.term = :term and p.session = :session and p.status in ('HANDLING', 'REPLIED', 'COMPLETED');
insert into assignment (id, committee, proposal_id, unit_id, role, handling_round, deadline, status, assigned_at)
select gen_random_uuid(), p.committee, p.id, u.id, 'CO', 1, (now() - interval '10 days')::date, 'CLOSED', now() - interval '100 days'
from proposal p join gen_units u on u.i = (abs(hashtext(p.id::text)) + 7) % 60
where p.committee = :'committee' and p.term = :term and p.session = :session and p.status in ('HANDLING', 'REPLIED', 'COMPLETED')
  and abs(hashtext(p.id::text)) % 3 = 0;
insert into reply (id, committee, proposal_id, assignment_id, classification, body, replied_by, replied_at)
select gen_random_uuid(), a.committee, a.proposal_id, a.id, (array['A', 'A', 'B', 'C'])[1 + abs(hashtext(a.id::text)) % 4],
       '答复：' || pg_temp.text_of(120), 'bench-unit', a.assigned_at + (60 + abs(hashtext(a.id::text)) % 40) * interval '1 day'
from assignment a join proposal p on p.id = a.proposal_id
where a.committee = :'committee' and p.term = :term and p.session = :session and a.role = 'LEAD' and a.status = 'REPLIED';
insert into feedback (id, committee, proposal_id, handling_round, user_id, reply_rating, contact_rating, given_at)
select gen_random_uuid(), p.committee, p.id, 1, p.author_user_id,
       (array['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'])[1 + abs(hashtext(p.id::text)) % 5],
       'SATISFIED', now() - interval '5 days'
from proposal p where p.committee = :'committee' and p.term = :term and p.session = :session and p.status = 'COMPLETED';

-- what the steps write on each assignment for the session's figures (交办, 答复, 反馈: V13), and some subject tags
update assignment a set term = p.term, session = p.session from proposal p
 where p.id = a.proposal_id and p.committee = :'committee' and p.term = :term and p.session = :session;
update assignment a set replied_at = r.replied_at, classification = r.classification from reply r, proposal p
 where r.assignment_id = a.id and p.id = a.proposal_id and p.committee = :'committee' and p.term = :term and p.session = :session;
update assignment a set reply_rating = f.reply_rating from proposal p, feedback f
 where a.role = 'LEAD' and p.id = a.proposal_id and p.committee = :'committee' and p.term = :term and p.session = :session
   and f.proposal_id = a.proposal_id and f.handling_round = a.handling_round and f.user_id = p.author_user_id;
update proposal set tags = array[(array['教育', '养老', '医疗', '就业', '住房', '交通', '生态环境', '营商环境', '乡村振兴', '科技创新'])[1 + abs(hashtext(id::text)) % 10]]
 where committee = :'committee' and term = :term and session = :session and abs(hashtext(id::text)) % 4 <> 0;

analyze proposal;
analyze assignment;
analyze reply;
analyze feedback;
select status, count(*) from proposal where committee = :'committee' and term = :term and session = :session group by status order by 1;
