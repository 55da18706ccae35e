-- SiteRoll registry schema (实名登记). Personal data (ID numbers, bank cards, faces) is stored only
-- as SM4-GCM ciphertext, with an HMAC-SM3 blind index for look-up and a masked form for display.

-- National and provincial code dictionaries (证件类型, 参建单位类型, 工种, 项目分类, 建设性质 …).
create table code_dictionary (
    kind       text not null,
    code       text not null,
    name_zh    text not null,
    name_en    text not null,
    primary key (kind, code)
);

-- GB/T 2260 administrative divisions of Jilin plus the supervisory regions; path gives the subtree.
create table region (
    code        char(6) primary key,
    name        text not null,
    level       text not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'SUPERVISORY')),
    parent_code char(6) references region (code),
    path        text not null unique
);

create table enterprise (
    id                   bigserial primary key,
    credit_code          char(18) not null unique,
    name                 text not null,
    registration_region  char(6) not null references region (code),
    legal_representative text not null,
    address              text,
    contact_person       text not null,
    contact_phone        text not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create sequence project_code_seq;

create table project (
    id                      bigserial primary key,
    code                    text not null unique,
    name                    text not null,
    region_code             char(6) not null references region (code),
    address                 text not null,
    longitude               numeric(9, 6),
    latitude                numeric(8, 6),
    category                text not null,
    construction_nature     text not null,
    contractor_id           bigint not null references enterprise (id),
    start_date              date,
    planned_completion_date date,
    completion_date         date,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (completion_date is null or start_date is not null and completion_date >= start_date),
    check (planned_completion_date is null or start_date is null or planned_completion_date >= start_date)
);
create index project_region_idx on project (region_code);
create index project_name_idx on project using btree (lower(name) text_pattern_ops);

-- 参建单位: an enterprise taking part in a project in one role (national 参建单位类型).
create table participating_unit (
    id            bigserial primary key,
    project_id    bigint not null references project (id),
    enterprise_id bigint not null references enterprise (id),
    unit_type     text not null,
    entry_date    date not null,
    exit_date     date,
    unique (project_id, enterprise_id, unit_type),
    check (exit_date is null or exit_date >= entry_date)
);
create index participating_unit_enterprise_idx on participating_unit (enterprise_id);

-- 停工: declared stoppages (and later stop-work orders). last_day null = not resumed yet.
create table project_stoppage (
    id          bigserial primary key,
    project_id  bigint not null references project (id),
    first_day   date not null,
    last_day    date,
    reason      text not null,
    kind        text not null default 'DECLARED' check (kind in ('DECLARED', 'ORDERED')),
    declared_by text not null,
    declared_at timestamptz not null default now(),
    resumed_by  text,
    resumed_at  timestamptz,
    check (last_day is null or last_day >= first_day)
);
create index project_stoppage_project_idx on project_stoppage (project_id);

-- 施工日: the one definition of construction days, used by every rule. A day is a construction day
-- of a project when the project has started (start date), is not completed before it (the
-- completion day itself is still a construction day) and no stoppage covers it.
create function construction_days(p_project bigint, p_from date, p_to date)
    returns setof date
    language sql stable as
$$
select d::date
from project p
         cross join lateral generate_series(greatest(p_from, p.start_date),
                                            least(p_to, coalesce(p.completion_date, p_to)),
                                            interval '1 day') d
where p.id = p_project
  and p.start_date is not null
  and not exists (select 1
                  from project_stoppage s
                  where s.project_id = p.id
                    and d::date >= s.first_day
                    and (s.last_day is null or d::date <= s.last_day))
$$;

-- 一数一源: one record per identity, keyed by the blind index of (ID type, ID number).
create table person (
    id               bigserial primary key,
    id_type          text not null,
    id_number_cipher bytea not null,
    id_number_index  bytea not null unique,
    id_number_masked text not null,
    name             text not null,
    sex              char(1) check (sex in ('0', '1')),
    birth_date       date,
    ethnicity        text,
    address          text,
    phone            text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table person_face (
    person_id    bigint primary key references person (id),
    content_type text not null,
    size_bytes   int not null,
    cipher       bytea not null,
    uploaded_at  timestamptz not null default now()
);

-- 管理人员岗位 with tenure. tenure_to null = in post.
create table manager_post (
    id                     bigserial primary key,
    project_id             bigint not null references project (id),
    person_id              bigint not null references person (id),
    post                   text not null,
    participating_unit_id  bigint not null references participating_unit (id),
    tenure_from            date not null,
    tenure_to              date,
    created_at             timestamptz not null default now(),
    check (tenure_to is null or tenure_to >= tenure_from - 1)
);
create unique index manager_post_one_key_manager on manager_post (project_id, post)
    where tenure_to is null and post in ('PROJECT_MANAGER', 'CHIEF_SUPERVISOR');
create index manager_post_person_idx on manager_post (person_id);
create index manager_post_project_idx on manager_post (project_id);

-- Replacing the project manager or chief supervisor needs the approval of the supervising department.
create table manager_change_request (
    id                    bigserial primary key,
    project_id            bigint not null references project (id),
    post                  text not null,
    outgoing_post_id      bigint references manager_post (id),
    incoming_person_id    bigint not null references person (id),
    incoming_unit_id      bigint not null references participating_unit (id),
    effective_date        date not null,
    reason                text not null,
    status                text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by          text not null,
    requested_at          timestamptz not null default now(),
    decided_by            text,
    decided_at            timestamptz,
    decision_note         text
);
create unique index manager_change_request_one_pending on manager_change_request (project_id, post) where status = 'PENDING';

-- 班组
create table team (
    id                    bigserial primary key,
    project_id            bigint not null references project (id),
    participating_unit_id bigint not null references participating_unit (id),
    name                  text not null,
    leader_person_id      bigint references person (id),
    entry_date            date not null,
    exit_date             date,
    created_at            timestamptz not null default now(),
    unique (project_id, name)
);

-- 进场登记: a worker engaged on a project, with labour contract (先签合同后进场) and wage card.
create table worker_engagement (
    id                    bigserial primary key,
    project_id            bigint not null references project (id),
    person_id             bigint not null references person (id),
    team_id               bigint not null references team (id),
    work_type             text not null,
    contract_period_type  char(1) not null check (contract_period_type in ('0', '1')),
    contract_start        date not null,
    contract_end          date,
    bank_card_cipher      bytea,
    bank_card_masked      text,
    bank_code             text,
    bank_name             text,
    entry_date            date not null,
    exit_date             date,
    concurrent_allowed    boolean not null default false,
    created_at            timestamptz not null default now(),
    check (contract_end is null or contract_end >= contract_start),
    check (entry_date >= contract_start),
    check (exit_date is null or exit_date >= entry_date)
);
create unique index worker_engagement_one_active on worker_engagement (project_id, person_id) where exit_date is null;
create index worker_engagement_person_idx on worker_engagement (person_id) where exit_date is null;
create index worker_engagement_project_idx on worker_engagement (project_id);
create index worker_engagement_team_idx on worker_engagement (team_id);

-- Every entry (进场) and exit (退场) as history.
create table engagement_movement (
    id            bigserial primary key,
    engagement_id bigint not null references worker_engagement (id),
    kind          text not null check (kind in ('ENTRY', 'EXIT')),
    on_date       date not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);
create index engagement_movement_engagement_idx on engagement_movement (engagement_id);

-- Accounts and their scope.
create table account (
    id                       bigserial primary key,
    username                 text not null unique,
    password_hash            text not null,
    display_name             text not null,
    role                     text not null check (role in ('PROVINCE_OFFICER', 'CITY_OFFICER', 'COUNTY_OFFICER',
                                                          'ENTERPRISE_ADMIN', 'LABOUR_CLERK')),
    region_code              char(6) references region (code),
    enterprise_id            bigint references enterprise (id),
    project_id               bigint references project (id),
    may_reveal_personal_data boolean not null default false,
    enabled                  boolean not null default true,
    created_at               timestamptz not null default now(),
    check (role not in ('PROVINCE_OFFICER', 'CITY_OFFICER', 'COUNTY_OFFICER') or region_code is not null),
    check (role <> 'ENTERPRISE_ADMIN' or enterprise_id is not null),
    check (role <> 'LABOUR_CLERK' or project_id is not null)
);

-- Append-only, hash-chained audit trail. No clear personal data is ever written here.
create table audit_entry (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    action       text not null,
    subject_type text not null,
    subject_id   text not null,
    before_state json,
    after_state  json,
    prev_hash    bytea not null,
    hash         bytea not null unique
);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Roster imports (花名册导入): every attempt, with its masked error report when rejected.
create table roster_import (
    id           bigserial primary key,
    project_id   bigint not null references project (id),
    team_id      bigint not null references team (id),
    file_name    text,
    imported_by  text not null,
    imported_at  timestamptz not null default now(),
    status       text not null check (status in ('IMPORTED', 'REJECTED')),
    row_count    int not null,
    error_count  int not null,
    new_persons  int not null default 0,
    error_report bytea
);
create index roster_import_project_idx on roster_import (project_id);
