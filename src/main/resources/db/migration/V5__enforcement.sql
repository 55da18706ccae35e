-- Enforcement: rectification orders (责令限期整改), penalties (行政处罚), credit records (诚信不良行为记录)
-- and typical cases (典型案例). Nothing is deleted; every transition is kept.

create table rectification_order (
    id                      bigserial primary key,
    project_id              bigint not null references project (id),
    finding_id              bigint references finding (id),
    rule                    text not null check (rule in ('R1', 'R2', 'R3', 'DEVICE_TEST', 'OTHER')),
    post                    text,
    subject_person_id       bigint references person (id),
    addressee               text not null check (addressee in ('CONSTRUCTION_ENTERPRISE', 'PROJECT_MANAGER',
                                                               'SUPERVISION_COMPANY')),
    addressee_enterprise_id bigint not null references enterprise (id),
    addressee_person_id     bigint references person (id),
    items                   text not null,
    legal_basis             text not null,
    issued_on               date not null,
    deadline                date not null,
    status                  text not null check (status in ('ISSUED', 'ANSWERED', 'RECTIFIED', 'OVERDUE', 'ESCALATED')),
    answer                  text,
    answered_by             text,
    answered_at             timestamptz,
    recheck                 jsonb,
    issued_by               text not null,
    created_at              timestamptz not null default now(),
    check (deadline >= issued_on)
);
create index rectification_order_project on rectification_order (project_id);
create index rectification_order_due on rectification_order (deadline) where status in ('ISSUED', 'ANSWERED');
create unique index rectification_order_one_per_finding on rectification_order (finding_id) where finding_id is not null;

create table order_transition (
    id         bigserial primary key,
    order_id   bigint not null references rectification_order (id),
    from_state text,
    to_state   text not null,
    actor      text not null,
    at         timestamptz not null default now(),
    note       text
);
create index order_transition_order on order_transition (order_id, id);

create table penalty (
    id               bigserial primary key,
    project_id       bigint not null references project (id),
    order_id         bigint references rectification_order (id),
    finding_id       bigint references finding (id),
    party            text not null check (party in ('CONSTRUCTION_ENTERPRISE', 'PROJECT_MANAGER')),
    enterprise_id    bigint references enterprise (id),
    person_id        bigint references person (id),
    legal_basis      text not null,
    measures         text[] not null,
    fine_yuan        numeric(12, 2),
    stoppage_id      bigint references project_stoppage (id),
    status           text not null check (status in ('DECIDED', 'LIFTED')),
    decision_maker   text not null,
    decided_on       date not null,
    document_number  text not null unique,
    recorded_by      text not null,
    recorded_at      timestamptz not null default now(),
    lifted_on        date,
    lifted_by        text
);
create index penalty_project on penalty (project_id);

create table credit_record (
    id            bigserial primary key,
    project_id    bigint not null references project (id),
    order_id      bigint references rectification_order (id),
    penalty_id    bigint references penalty (id),
    finding_id    bigint references finding (id),
    role          text not null check (role in ('CONSTRUCTION_ENTERPRISE', 'PROJECT_MANAGER', 'CHIEF_SUPERVISOR',
                                                'SUPERVISION_COMPANY')),
    enterprise_id bigint references enterprise (id),
    person_id     bigint references person (id),
    reason        text not null,
    legal_basis   text not null,
    valid_from    date not null,
    valid_until   date not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    check (enterprise_id is not null or person_id is not null)
);
create index credit_record_enterprise on credit_record (enterprise_id);
create index credit_record_person on credit_record (person_id);

create table typical_case (
    id           bigserial primary key,
    penalty_id   bigint not null unique references penalty (id),
    title        text not null,
    summary      text not null,
    published_by text not null,
    published_at timestamptz not null default now()
);

-- 监督检查: an officer's on-site inspection with the action plan's checklist items.
create table inspection (
    id                bigserial primary key,
    project_id        bigint not null references project (id),
    day               date not null,
    inspectors        text not null,
    devices_equipped  boolean not null,
    devices_connected boolean not null,
    managers_present  text[] not null,
    headcount         int not null check (headcount >= 0),
    workers_with_valid_day int not null,
    shortfall         int not null,
    shortfall_measure text not null,
    notes             text,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now()
);
create index inspection_project on inspection (project_id, day);

-- Photos and documents of an inspection (may show faces: stored encrypted).
create table inspection_attachment (
    id            bigserial primary key,
    inspection_id bigint not null references inspection (id),
    file_name     text not null,
    content_type  text not null,
    size_bytes    int not null,
    sha256        bytea not null,
    cipher        bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now()
);

-- 现场功能测试: each attack tried on each device (GB/T 41772 attack classes).
create table device_function_test (
    id            bigserial primary key,
    inspection_id bigint not null references inspection (id),
    device_id     bigint not null references device (id),
    attack        text not null check (attack in ('PRINTED_PHOTO', 'SCREEN_PHOTO', 'REPLAYED_VIDEO', 'MASK')),
    passed        boolean not null,
    evidence      text,
    unique (inspection_id, device_id, attack)
);

alter table rectification_order add column inspection_id bigint references inspection (id);

-- An officer's review of a warning: confirmed (it becomes a case to act on) or dismissed, with a reason.
alter table warning add column review text check (review in ('CONFIRMED', 'DISMISSED'));
alter table warning add column review_reason text;
alter table warning add column reviewed_by text;
alter table warning add column reviewed_at timestamptz;

-- Attachments of the addressee's rectification report (stored encrypted).
create table order_attachment (
    id           bigserial primary key,
    order_id     bigint not null references rectification_order (id),
    file_name    text not null,
    content_type text not null,
    size_bytes   int not null,
    sha256       bytea not null,
    cipher       bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now()
);

alter table rectification_order add column warning_id bigint references warning (id);
create unique index rectification_order_one_per_warning on rectification_order (warning_id) where warning_id is not null;
create unique index rectification_order_one_per_inspection_r3 on rectification_order (inspection_id) where rule = 'R3';
