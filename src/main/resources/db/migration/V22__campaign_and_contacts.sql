-- 专项提升行动: a campaign of the province (its phases, its targets, the day by which every department names its
-- contact) and each department's responsible contact (明确1名同志负责实名制管理工作), with every change kept.

create table campaign (
    id               bigserial primary key,
    name             text not null,
    -- 文号 of the plan that launched it (吉建管〔2021〕6号), when there is one
    document         text,
    -- the day by which each department names its contact (于5月30日前将人员名单联系方式等信息发送)
    contact_deadline date not null,
    defined_by       text not null,
    defined_at       timestamptz not null default now()
);

-- A campaign's phases: each kind at most once, in the order of the kinds, none overlapping another.
create table campaign_phase (
    campaign_id bigint not null references campaign (id) on delete cascade,
    kind        text not null check (kind in ('SELF_CHECK', 'FULL_IMPLEMENTATION', 'SUMMARY')),
    starts_on   date not null,
    ends_on     date not null,
    primary key (campaign_id, kind),
    check (ends_on >= starts_on)
);

-- A campaign's targets, each a percentage.
create table campaign_target (
    campaign_id bigint not null references campaign (id) on delete cascade,
    kind        text not null check (kind in ('COVERAGE', 'WORKER_ATTENDANCE', 'KEY_MANAGER_DUTY')),
    percent     int not null check (percent between 1 and 100),
    primary key (campaign_id, kind)
);

-- Every contact a department has named; the one not yet replaced is the current one. A change never updates a
-- row's details: it closes the current row and adds the new one, so the history says who named whom and when.
create table department_contact (
    id          bigserial primary key,
    region_code char(6) not null references region (code),
    name        text not null,
    post        text not null,
    phone       text not null,
    email       text not null,
    named_by    text not null,
    named_at    timestamptz not null,
    replaced_at timestamptz,
    check (replaced_at is null or replaced_at >= named_at)
);

create unique index department_contact_current_idx on department_contact (region_code) where replaced_at is null;
create index department_contact_history_idx on department_contact (region_code, named_at desc);

-- The seed's campaign: 吉林省房屋建筑和市政公用工程施工现场人员实名制管理水平专项提升行动 (吉建管〔2021〕6号 of
-- 2021-05-20): 宣传自查自纠 6-01…6-30, 全面实施 7-01…8-31, 总结 "9月上旬" (read as 9-01…9-10); contacts by 5-30.
-- Targets: 全覆盖 (100 % of started projects equipped and connected), 人员考勤率达到80%以上; the plan sets no rate for
-- key managers beyond the 80 % of construction days each key post must attend, which is its own rule set's key-post
-- percentage, so the on-duty target is taken from that rule set rather than written a second time.
insert into campaign (name, document, contact_deadline, defined_by)
values ('吉林省房屋建筑和市政公用工程施工现场人员实名制管理水平专项提升行动', '吉建管〔2021〕6号', date '2021-05-30', 'system');

insert into campaign_phase (campaign_id, kind, starts_on, ends_on)
select c.id, p.kind, p.starts_on, p.ends_on
from campaign c,
     (values ('SELF_CHECK', date '2021-06-01', date '2021-06-30'),
             ('FULL_IMPLEMENTATION', date '2021-07-01', date '2021-08-31'),
             ('SUMMARY', date '2021-09-01', date '2021-09-10')) p (kind, starts_on, ends_on)
where c.document = '吉建管〔2021〕6号';

insert into campaign_target (campaign_id, kind, percent)
select c.id, t.kind, t.percent
from campaign c,
     (values ('COVERAGE', 100), ('WORKER_ATTENDANCE', 80)) t (kind, percent)
where c.document = '吉建管〔2021〕6号'
union all
select c.id, 'KEY_MANAGER_DUTY', r.key_post_percent
from campaign c join rule_set r on r.code = c.document
where c.document = '吉建管〔2021〕6号';
