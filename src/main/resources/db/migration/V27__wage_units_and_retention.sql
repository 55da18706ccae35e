-- Payroll, second part: which participating unit a worker's engagement belongs to (a wage table's line is checked
-- against the table's unit), and the wage ledger kept at least three years from the payment (条例 art. 15).

-- What payroll reads of personnel to check a line against the table's unit: each engagement with the participating
-- unit of its team. Like wage_card_on_file (V25), to move under personnel's read model; payroll uses it through
-- its name only.
create view wage_engagement_unit as
select w.project_id, w.person_id, w.entry_date, w.exit_date, t.participating_unit_id as unit_id
from worker_engagement w
         join team t on t.id = w.team_id;
comment on view wage_engagement_unit is 'Read by payroll: engagements with the participating unit of their team';

-- 工资支付台账 kept ≥ 3 years (条例 art. 15). No endpoint deletes from the payroll tables; this guard stands below
-- every path (a repository, a clean-up job, a hand-typed statement). A row may go only
--   * a wage line of a table never approved and never paid: a draft's lines replaced by a new upload;
--   * a wage table, its lines and its payment files: three years after the table was paid (paid_at);
--   * the wage account, its allocations and the project's wage guarantee: three years after the account closed.
-- The database's own clock decides (the guard has no platform clock below the application); it errs on keeping.
create function wage_ledger_kept() returns trigger
    language plpgsql as
$$
declare
    kept_until timestamptz;
begin
    if tg_op = 'TRUNCATE' then
        raise exception 'wage ledger: % is kept at least three years from the payment; truncate refused', tg_table_name
            using errcode = 'P0001', hint = 'siteroll.wage-ledger-retention';
    end if;
    if tg_table_name = 'wage_line' then
        if old.payment is null
            and exists (select 1 from wage_table t where t.id = old.table_id and t.state in ('DRAFT', 'CHECKED')) then
            return old;
        end if;
        select t.paid_at + interval '3 years' into kept_until from wage_table t where t.id = old.table_id;
    elsif tg_table_name = 'wage_table' then
        kept_until := old.paid_at + interval '3 years';
    elsif tg_table_name = 'wage_payment_file' then
        select t.paid_at + interval '3 years' into kept_until from wage_table t where t.id = old.table_id;
    elsif tg_table_name = 'wage_account' then
        kept_until := old.closed_on + interval '3 years';
    elsif tg_table_name = 'wage_allocation' then
        select a.closed_on + interval '3 years' into kept_until from wage_account a where a.id = old.account_id;
    elsif tg_table_name = 'wage_guarantee' then
        select a.closed_on + interval '3 years' into kept_until from wage_account a where a.project_id = old.project_id;
    end if;
    if kept_until is null or kept_until > now() then
        raise exception 'wage ledger: a row of % is kept until three years after the payment (%)', tg_table_name,
            coalesce(kept_until::date::text, 'not yet paid')
            using errcode = 'P0001', hint = 'siteroll.wage-ledger-retention';
    end if;
    return old;
end
$$;
comment on function wage_ledger_kept() is
    'Owned by payroll: the wage ledger is kept at least three years from the payment (条例 art. 15)';

create trigger wage_line_kept before delete on wage_line for each row execute function wage_ledger_kept();
create trigger wage_table_kept before delete on wage_table for each row execute function wage_ledger_kept();
create trigger wage_payment_file_kept before delete on wage_payment_file for each row execute function wage_ledger_kept();
create trigger wage_account_kept before delete on wage_account for each row execute function wage_ledger_kept();
create trigger wage_allocation_kept before delete on wage_allocation for each row execute function wage_ledger_kept();
create trigger wage_guarantee_kept before delete on wage_guarantee for each row execute function wage_ledger_kept();

create trigger wage_line_not_truncated before truncate on wage_line execute function wage_ledger_kept();
create trigger wage_table_not_truncated before truncate on wage_table execute function wage_ledger_kept();
create trigger wage_payment_file_not_truncated before truncate on wage_payment_file execute function wage_ledger_kept();
create trigger wage_account_not_truncated before truncate on wage_account execute function wage_ledger_kept();
create trigger wage_allocation_not_truncated before truncate on wage_allocation execute function wage_ledger_kept();
create trigger wage_guarantee_not_truncated before truncate on wage_guarantee execute function wage_ledger_kept();
