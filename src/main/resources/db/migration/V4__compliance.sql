-- Compliance: rule sets as data, their adoption by date, monthly evaluations, findings with their
-- evidence and their history.

-- 规则集: the parameters of rules R1, R2, R3 and the legal basis and measures of each.
create table rule_set (
    id                     bigserial primary key,
    code                   text not null,
    name                   text not null,
    key_post_percent       int not null check (key_post_percent between 1 and 100),
    other_post_percent     int not null check (other_post_percent between 1 and 100),
    key_posts              text[] not null,
    shortfall_penalty_from int not null check (shortfall_penalty_from >= 2),
    valid_day_rule         text not null check (valid_day_rule in ('ANY_PASS', 'TWO_PASSES_4H')),
    offline_tolerance_days int not null check (offline_tolerance_days >= 1),
    rectification_days     int not null check (rectification_days >= 1),
    basis                  jsonb not null,
    defined_by             text not null,
    defined_at             timestamptz not null default now()
);

-- Which rule set is in force from which month (always the first day of a month).
create table rule_set_adoption (
    effective_from date primary key check (extract(day from effective_from) = 1),
    rule_set_id    bigint not null references rule_set (id),
    adopted_by     text not null,
    adopted_at     timestamptz not null default now()
);

insert into rule_set (code, name, key_post_percent, other_post_percent, key_posts, shortfall_penalty_from, valid_day_rule,
                      offline_tolerance_days, rectification_days, basis, defined_by)
values
('吉建管〔2021〕6号', '吉林省建筑工人实名制管理专项行动方案', 80, 70, '{PROJECT_MANAGER,CHIEF_SUPERVISOR}', 16, 'ANY_PASS', 1, 7,
 '{"R1": {"basis": "吉建管〔2021〕6号 检查内容1：开工项目须配备考勤设备，最迟配备时间不得晚于开工时间，并与平台联网对接；《保障农民工工资支付条例》第二十八条、第五十五条",
          "measures": "责令施工企业限期整改；逾期未整改或拒不整改的，依《保障农民工工资支付条例》对施工企业、依《注册建造师管理规定》对项目经理实施行政处罚，并记入诚信不良行为记录"},
   "R2": {"basis": "吉建管〔2021〕6号 检查内容2：项目经理、项目总监考勤天数不低于施工天数的80%，其他管理人员不低于70%；《注册建造师管理规定》",
          "measures": "责令限期整改；整改期满后首个完整月仍不达标的：项目经理行政处罚并记入不良行为记录；项目总监及监理企业记入不良行为记录；其他管理人员对项目经理行政处罚并记入不良行为记录"},
   "R3": {"basis": "吉建管〔2021〕6号 检查内容3：施工现场作业人员实名制登记及考勤；《保障农民工工资支付条例》第五十五条",
          "measures": "缺少考勤人数1至15人的，责令施工企业限期整改；15人（不含15人）以上的，对项目经理实施行政处罚并记入诚信不良行为记录"}}',
 'system'),
('吉建规〔2023〕11号', '吉林省房屋市政工程施工现场人员实名制管理办法', 80, 70,
 '{PROJECT_MANAGER,SAFETY_OFFICER,CHIEF_SUPERVISOR,SAFETY_SUPERVISOR}', 16, 'TWO_PASSES_4H', 1, 7,
 '{"R1": {"basis": "吉建规〔2023〕11号：施工现场采用人脸识别记录人员进出场，考勤设备与吉林省建筑工人实名制管理平台联网；《保障农民工工资支付条例》第二十八条、第五十五条",
          "measures": "责令施工企业限期整改；逾期未整改的，对施工企业、项目经理实施行政处罚，并记入诚信不良行为记录"},
   "R2": {"basis": "吉建规〔2023〕11号：项目负责人、专职安全员、总监理工程师、安全监理工程师月度到岗率（有效考勤天数÷实际施工天数）不低于80%；有效考勤日须打卡2次以上且首末次间隔不少于4小时",
          "measures": "平台自动预警，责令限期整改；整改期满后首个完整月仍不达标的，实施行政处罚并记入不良行为记录"},
   "R3": {"basis": "吉建规〔2023〕11号、吉建管〔2021〕6号 检查内容3；《保障农民工工资支付条例》第五十五条",
          "measures": "缺少考勤人数1至15人的，责令施工企业限期整改；15人（不含15人）以上的，对项目经理实施行政处罚并记入诚信不良行为记录"}}',
 'system');

insert into rule_set_adoption (effective_from, rule_set_id, adopted_by)
select date '2000-01-01', id, 'system' from rule_set where code = '吉建管〔2021〕6号';

-- One run of the monthly evaluation.
create table evaluation (
    id           bigserial primary key,
    month        date not null,
    rule_set_id  bigint not null references rule_set (id),
    triggered_by text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    projects     int,
    raised       int,
    updated      int,
    withdrawn    int,
    unchanged    int
);
create index evaluation_month on evaluation (month, id);

-- 检查发现: one broken rule for one project (and one post, for R2) in one month. Re-running a month
-- never duplicates it; a corrected input updates or withdraws it, and every change is a revision.
create table finding (
    id                        bigserial primary key,
    month                     date not null,
    rule                      text not null check (rule in ('R1', 'R2', 'R3')),
    project_id                bigint not null references project (id),
    subject                   text not null,
    status                    text not null check (status in ('OPEN', 'WITHDRAWN')),
    measure                   text not null check (measure in ('RECTIFICATION_ORDER', 'PENALTY')),
    responsible               text not null,
    responsible_enterprise_id bigint references enterprise (id),
    responsible_person_id     bigint references person (id),
    person_id                 bigint references person (id),
    post                      text,
    rule_set_id               bigint not null references rule_set (id),
    legal_basis               text not null,
    measures_text             text not null,
    evidence                  jsonb not null,
    first_found_at            timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    unique (month, rule, project_id, subject)
);
create index finding_project on finding (project_id, month);

create table finding_revision (
    id            bigserial primary key,
    finding_id    bigint not null references finding (id),
    evaluation_id bigint not null references evaluation (id),
    change        text not null check (change in ('RAISED', 'UPDATED', 'WITHDRAWN', 'REINSTATED')),
    measure       text not null,
    evidence      jsonb not null,
    at            timestamptz not null default now()
);
create index finding_revision_finding on finding_revision (finding_id, id);

-- 预警: raised and cleared by the platform every day, each with its evidence. One open warning per
-- kind, project and subject; a cleared warning stays for the record.
create table warning (
    id          bigserial primary key,
    kind        text not null check (kind in ('NO_DEVICE', 'DEVICE_OFFLINE', 'KEY_MANAGER_UNREACHABLE',
                                              'UNREGISTERED_AT_GATE', 'LOW_ATTENDANCE')),
    project_id  bigint not null references project (id),
    subject     text not null,
    status      text not null check (status in ('OPEN', 'CLEARED')),
    raised_on   date not null,
    cleared_on  date,
    person_id   bigint references person (id),
    device_id   bigint references device (id),
    evidence    jsonb not null,
    updated_at  timestamptz not null default now()
);
create unique index warning_open on warning (kind, project_id, subject) where status = 'OPEN';
create index warning_project on warning (project_id, raised_on);
