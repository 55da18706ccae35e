-- Wage warnings and rules (issue 14, "Warnings and rules"): the daily watch's wage kinds, the rule they rest on
-- (WAGES, 工资支付: 《保障农民工工资支付条例》 arts. 54-57), R3's monthly variant that counts the month's payroll as
-- employed, and what compliance reads of payroll to judge them (payroll's read models, PayrollReadModel).

-- ---------------------------------------------------------------------------------------------------------------
-- compliance: the new warning kinds and the rule of orders issued from them

alter table warning drop constraint warning_kind_check;
alter table warning add constraint warning_kind_check
    check (kind in ('NO_DEVICE', 'DEVICE_OFFLINE', 'KEY_MANAGER_UNREACHABLE', 'UNREGISTERED_AT_GATE', 'LOW_ATTENDANCE',
                    'NO_WAGE_ACCOUNT', 'NO_WAGE_GUARANTEE', 'NO_ALLOCATION', 'WAGE_ARREARS', 'PAY_WITHOUT_ATTENDANCE',
                    'PAYMENT_FAILED', 'TABLE_UNCONFIRMED'));

alter table rectification_order drop constraint rectification_order_rule_check;
alter table rectification_order add constraint rectification_order_rule_check
    check (rule in ('R1', 'R2', 'R3', 'DEVICE_TEST', 'OTHER', 'WAGES'));

-- R3's monthly variant (DOMAIN.md R3): "actually employed" also counts the workers on the month's payroll.
alter table rule_set add column r3_counts_payroll boolean not null default false;
comment on column rule_set.r3_counts_payroll is
    'R3 monthly: count the workers on the month''s payroll (payroll_workers) as employed, beside those engaged';

-- Every rule set gains the legal basis and measures of WAGES (a defined rule set copies its base's).
update rule_set set basis = basis || jsonb_build_object('WAGES', jsonb_build_object(
    'basis', '《保障农民工工资支付条例》第二十六条、第二十九条、第三十二条、第五十四条、第五十五条、第五十六条、第五十七条；人社部发〔2021〕53号（农民工工资专用账户）、65号（工资保证金）',
    'measures', '由人力资源社会保障行政部门、相关行业工程建设主管部门按照职责责令限期改正；逾期不改正的，责令项目停工，并处5万元以上10万元以下的罚款（第五十五条），并记入诚信不良行为记录'));

-- A person's name as evidence shows it: the first character, the rest masked (王建国 → 王**). Owned by compliance.
create function masked_name(p_name text) returns text
    language sql immutable as
$$
select case when p_name is null or p_name = '' then '' else left(p_name, 1) || repeat('*', greatest(char_length(p_name) - 1, 1)) end
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- payroll (io.siteroll.payroll.PayrollReadModel): what others may read of the wage account, the money and the
-- ledger. Scalar or single-select SQL functions, so the planner inlines them into the caller's statement.

-- The project holds a wage account on the day: opened by then and not closed.
create function wage_account_held(p_project bigint, p_day date) returns boolean
    language sql stable as
$$
select exists (select 1 from wage_account a
               where a.project_id = p_project and a.opened_on <= p_day and (a.closed_on is null or a.closed_on > p_day))
$$;
comment on function wage_account_held(bigint, date) is
    'Owned by payroll (PayrollReadModel.WAGE_ACCOUNT_HELD): the project has an open wage account on the day';

-- A wage guarantee of the project in force on the day (a deposit or letter provided by then, not expired).
create function wage_guarantee_held(p_project bigint, p_day date) returns boolean
    language sql stable as
$$
select exists (select 1 from wage_guarantee g
               where g.project_id = p_project and g.provided_on <= p_day and (g.valid_until is null or g.valid_until >= p_day))
$$;
comment on function wage_guarantee_held(bigint, date) is
    'Owned by payroll (PayrollReadModel.WAGE_GUARANTEE_HELD): a wage guarantee of the project in force on the day';

-- The labour-cost allocations received into the project's wage account from p_from to p_to (both included).
create function wage_allocated(p_project bigint, p_from date, p_to date)
    returns table (allocations bigint, total numeric)
    language sql stable as
$$
select count(al.id), coalesce(sum(al.amount), 0)
from wage_account a join wage_allocation al on al.account_id = a.id
where a.project_id = p_project and al.received_on between p_from and p_to
$$;
comment on function wage_allocated(bigint, date, date) is
    'Owned by payroll (PayrollReadModel.ALLOCATED): allocations received into the project''s wage account in a period';

-- The wage lines of approved (or paid) tables, and any paid line, for a worker with no valid attendance day in the
-- table's month at the project: pay for days with no attendance.
create function paid_without_attendance()
    returns table (project_id bigint, month date, person_id bigint, net_pay numeric)
    language sql stable as
$$
select t.project_id, t.month, l.person_id, l.net_pay
from wage_table t join wage_line l on l.table_id = t.id
where l.allowed and l.person_id is not null
  and (t.state in ('APPROVED', 'PAID') or l.payment = 'PAID')
  and not exists (select 1 from valid_attendance_day v
                  where v.project_id = t.project_id and v.person_id = l.person_id
                    and v.day >= t.month and v.day < (t.month + interval '1 month')::date)
$$;
comment on function paid_without_attendance() is
    'Owned by payroll (PayrollReadModel.PAID_WITHOUT_ATTENDANCE): approved or paid lines of workers without a valid day';

-- Lines the bank reported failed or returned and not paid since (a re-paid line is marked paid by the next result).
create function payment_failed()
    returns table (project_id bigint, month date, person_id bigint, payment text, net_pay numeric)
    language sql stable as
$$
select t.project_id, t.month, l.person_id, l.payment, l.net_pay
from wage_table t join wage_line l on l.table_id = t.id
where l.payment in ('FAILED', 'RETURNED')
$$;
comment on function payment_failed() is
    'Owned by payroll (PayrollReadModel.PAYMENT_FAILED): lines failed or returned by the bank and not re-paid';

-- Allowed lines of approved or paid tables the worker has not confirmed (工人确认).
create function wage_lines_unconfirmed()
    returns table (project_id bigint, table_id bigint, month date, unit_id bigint, lines bigint, person_id bigint)
    language sql stable as
$$
select t.project_id, t.id, t.month, t.unit_id, c.lines, l.person_id
from wage_table t
     cross join lateral (select count(*) as lines from wage_line a where a.table_id = t.id and a.allowed) c
     join wage_line l on l.table_id = t.id
where t.state in ('APPROVED', 'PAID') and l.allowed and l.confirmed_at is null
$$;
comment on function wage_lines_unconfirmed() is
    'Owned by payroll (PayrollReadModel.UNCONFIRMED_LINES): allowed lines of approved or paid tables not confirmed';

-- The workers on a month's payroll: allowed lines of the month's approved or paid tables, per project.
create function payroll_workers(p_month date)
    returns table (project_id bigint, person_id bigint)
    language sql stable as
$$
select distinct t.project_id, l.person_id
from wage_table t join wage_line l on l.table_id = t.id
where t.month = p_month and t.state in ('APPROVED', 'PAID') and l.allowed and l.person_id is not null
$$;
comment on function payroll_workers(date) is
    'Owned by payroll (PayrollReadModel.PAYROLL_WORKERS): the workers on the projects'' payroll of a month';

create index wage_table_month_idx on wage_table (month);
-- the watch's reads of payroll: lines failed or returned, lines awaiting the worker's confirmation
create index wage_line_payment_failed_idx on wage_line (table_id) where payment in ('FAILED', 'RETURNED');
create index wage_line_unconfirmed_idx on wage_line (table_id) where allowed and confirmed_at is null;
