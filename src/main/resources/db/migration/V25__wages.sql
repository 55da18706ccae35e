-- 工资专户 (payroll module): the project's wage account, the money into it, the wage guarantee, the monthly wage
-- tables with their lines checked against registration, and the bank's result per line (the wage ledger).

-- 农民工工资专用账户: one per project, opened by the general contractor. The account number is personal-grade
-- data: encrypted (SM4-GCM, purpose wage_account.number) and kept masked beside it.
create table wage_account (
    id                   bigserial primary key,
    project_id           bigint not null unique references project (id),
    bank_name            text not null,
    bank_code            text not null,
    number_cipher        bytea not null,
    number_masked        text not null,
    agreement_file_name  text not null,
    agreement_type       text not null,
    agreement            bytea not null,
    state                text not null check (state in ('OPENED', 'IN_USE', 'CLOSING', 'CLOSED')),
    opened_on            date not null,
    closing_noticed_on   date,
    closed_on            date,
    opened_by            text not null,
    opened_at            timestamptz not null default now()
);

-- 人工费用拨付: received_on is what the caller claims; recorded_at is when the platform was told.
create table wage_allocation (
    id           bigserial primary key,
    account_id   bigint not null references wage_account (id),
    amount       numeric(14, 2) not null check (amount > 0),
    received_on  date not null,
    source       text not null check (source in ('ENTERED', 'STATEMENT')),
    reference    text,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index wage_allocation_account_idx on wage_allocation (account_id, received_on);

-- 工资保证金: a cash deposit or a bank guarantee letter.
create table wage_guarantee (
    id              bigserial primary key,
    project_id      bigint not null references project (id),
    kind            text not null check (kind in ('CASH_DEPOSIT', 'BANK_GUARANTEE')),
    amount          numeric(14, 2) not null check (amount >= 0),
    contract_value  numeric(16, 2) not null check (contract_value > 0),
    provided_on     date not null,
    valid_until     date,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    check (valid_until is null or valid_until >= provided_on)
);
create index wage_guarantee_project_idx on wage_guarantee (project_id);

-- 工资表: one per month (its first day) and participating unit.
create table wage_table (
    id           bigserial primary key,
    project_id   bigint not null references project (id),
    unit_id      bigint not null references participating_unit (id),
    month        date not null check (extract(day from month) = 1),
    state        text not null check (state in ('DRAFT', 'CHECKED', 'APPROVED', 'PAID')),
    source       text not null check (source in ('UPLOAD', 'ATTENDANCE')),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    checked_at   timestamptz,
    approved_by  text,
    approved_at  timestamptz,
    paid_at      timestamptz,
    unique (project_id, unit_id, month)
);

-- A worker's line. The ID number is kept encrypted (purpose wage_line.id_number; the ledger needs it, art. 15) and
-- masked; refusals are LineRule's reasons, comma-separated; the card as cipher
-- (purpose wage_line.bank_card), blind index (same purpose) and masked. days_worked comes from attendance.
create table wage_line (
    id                bigserial primary key,
    table_id          bigint not null references wage_table (id),
    line_no           int not null,
    person_id         bigint references person (id),
    person_name       text not null,
    id_number_cipher  bytea,
    id_number_masked  text not null,
    card_cipher       bytea not null,
    card_index        bytea not null,
    card_masked       text not null,
    bank_code         text,
    days_worked       int not null default 0,
    basic_pay         numeric(12, 2) not null,
    other_pay         numeric(12, 2) not null default 0,
    deductions        numeric(12, 2) not null default 0,
    net_pay           numeric(12, 2) not null,
    allowed           boolean,
    refusals          text not null default '',
    confirmed_at      timestamptz,
    confirmed_by      text,
    payment           text check (payment in ('PAID', 'FAILED', 'RETURNED')),
    payment_note      text,
    payment_at        timestamptz,
    unique (table_id, line_no)
);
create index wage_line_person_idx on wage_line (person_id);

-- 代发文件 produced from an approved table (the file itself is never stored: it holds card numbers in clear).
create table wage_payment_file (
    id           bigserial primary key,
    table_id     bigint not null references wage_table (id),
    format       text not null,
    lines        int not null,
    total        numeric(16, 2) not null,
    produced_by  text not null,
    produced_at  timestamptz not null default now()
);

-- What payroll reads of personnel to check a line's card: each engagement's wage card (cipher, purpose
-- worker_engagement.bank_card) and whether the person leads a team of the project. To move under personnel as
-- PersonnelReadModel.WAGE_CARD (payroll uses it through its name only).
create view wage_card_on_file as
select w.project_id, w.person_id, w.entry_date, w.exit_date, w.bank_card_cipher,
       exists (select 1 from team t where t.project_id = w.project_id and t.leader_person_id = w.person_id) as team_leader
from worker_engagement w
where w.bank_card_cipher is not null;
comment on view wage_card_on_file is 'Read by payroll: wage cards on file per engagement, and team leaders';

-- 欠薪: the workers of a project with valid attendance days in a month (its first day) and no paid line in any wage
-- table of that project and month. Owned by payroll (PayrollReadModel.UNPAID_WORKERS): the arrears warning is this
-- set once the month's pay date has passed.
create function unpaid_workers(p_project bigint, p_month date)
    returns table (person_id bigint, valid_days bigint)
    language sql stable as
$$
select v.person_id, count(*)
from valid_attendance_day v
where v.project_id = p_project
  and v.day >= p_month
  and v.day < (p_month + interval '1 month')::date
  and not exists (select 1
                  from wage_line l
                           join wage_table t on t.id = l.table_id
                  where t.project_id = p_project
                    and t.month = p_month
                    and l.person_id = v.person_id
                    and l.payment = 'PAID')
group by v.person_id
$$;
comment on function unpaid_workers(bigint, date) is
    'Owned by payroll (PayrollReadModel.UNPAID_WORKERS): workers with valid days in a month and no paid wage line';
