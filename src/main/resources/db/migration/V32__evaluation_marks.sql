-- What changed since a month was evaluated (compliance, MonthlyEvaluator): a mark per project and month, written by
-- the same transaction as the change, so that the next evaluation of the month judges only the marked projects.
--
-- A month is tracked once an evaluation of it has begun (evaluated_month, registered before the evaluation's own
-- transaction); a month never evaluated is judged whole the first time, so no mark is needed for it, and the day's
-- ingestion (the current month) writes none. Only corrections of evaluated months (a late backlog upload, a stoppage
-- declared afterwards, a manager's tenure ended, a worker's exit) leave marks, one row per statement, project and
-- month, appended without a unique key (concurrent writers never wait for each other; duplicates are harmless).
-- The evaluation takes the month's marks (delete) at its start in its own transaction: a mark committed later stays
-- for the next run, whose statements will then see the change.
--
-- The facts the evaluation reads, and how a change reaches the months:
--   daily_presence (valid days)              the months of the days whose validity appeared, changed or went
--   worker_engagement, manager_post,         the months the old and the new period overlap (R3's engaged workers,
--   project_stoppage                         R2's tenure and the project manager, the construction days)
--   device_day (heard days)                  the months of the days heard or no longer heard (R1 disconnected days)
--   device_assignment, device (registration, every month of the project: R1's first day equipped and declared
--     first heard, project), project (start,   installation are over the project's whole history, the construction
--     completion, contractor), participating_ days over its start and completion, the responsible enterprise
--     unit (enterprise)
--   wage_table, wage_line                    the table's month (R3 counting the payroll)
-- The rule set in force is not marked: an evaluation under another rule set than the month's previous one judges
-- every project.

create table evaluated_month (
    month date primary key
);
comment on table evaluated_month is
    'Owned by compliance (MonthlyEvaluator): months whose evaluation has begun; changes to them leave marks';
-- Months evaluated before V32 are not registered: their first evaluation after it judges every project (changes
-- made before V32 left no marks), then registers the month.

create table evaluation_dirty (
    month      date        not null,
    project_id bigint      not null,
    marked_at  timestamptz not null default now()
);
create index evaluation_dirty_month on evaluation_dirty (month, project_id);
comment on table evaluation_dirty is
    'Owned by compliance (MonthlyEvaluator): projects whose facts of an evaluated month changed since it was evaluated';

-- daily_presence: a valid day appeared, went, or its validity changed.
create function evaluation_presence_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, n.project_id
        from new_rows n join evaluated_month m on m.month = date_trunc('month', n.day)::date
        where n.valid;
    elsif tg_op = 'DELETE' then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, o.project_id
        from old_rows o join evaluated_month m on m.month = date_trunc('month', o.day)::date
        where o.valid;
    else
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, x.project_id
        from ((select project_id, day, person_id from new_rows where valid
               except select project_id, day, person_id from old_rows where valid)
              union all
              (select project_id, day, person_id from old_rows where valid
               except select project_id, day, person_id from new_rows where valid)) x
             join evaluated_month m on m.month = date_trunc('month', x.day)::date;
    end if;
    return null;
end
$$;
create trigger evaluation_presence_inserted after insert on daily_presence
    referencing new table as new_rows for each statement execute function evaluation_presence_written();
create trigger evaluation_presence_updated after update on daily_presence
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_presence_written();
create trigger evaluation_presence_deleted after delete on daily_presence
    referencing old table as old_rows for each statement execute function evaluation_presence_written();

-- Periods: the evaluated months the old and the new rows' period overlaps, from column argv[0] to column argv[1]
-- (null: open-ended); argv[0] = '*': every evaluated month of the row's project (column argv[2], else project_id).
create function evaluation_period_written() returns trigger language plpgsql as
$$
declare
    project_column text := coalesce(tg_argv[2], 'project_id');
    range_sql      text;
begin
    if not exists (select 1 from evaluated_month) then
        return null;
    end if;
    if tg_argv[0] = '*' then
        range_sql := format('select %1$I as project_id, ''-infinity''::date as from_day, ''infinity''::date as to_day from %%1$s',
                            project_column);
    else
        range_sql := format('select %1$I as project_id, %2$I as from_day, coalesce(%3$I, ''infinity''::date) as to_day from %%1$s',
                            project_column, tg_argv[0], tg_argv[1]);
    end if;
    range_sql := format(range_sql, 'new_rows') || case tg_op when 'UPDATE' then ' union ' || format(range_sql, 'old_rows') else '' end;
    if tg_op = 'DELETE' then
        range_sql := replace(range_sql, 'new_rows', 'old_rows');
    end if;
    execute format('insert into evaluation_dirty (month, project_id)
                    select distinct m.month, r.project_id
                    from (%s) r join evaluated_month m on m.month between date_trunc(''month'', r.from_day) and r.to_day',
                   range_sql);
    return null;
end
$$;

create trigger evaluation_engagement_inserted after insert on worker_engagement
    referencing new table as new_rows for each statement execute function evaluation_period_written('entry_date', 'exit_date');
create trigger evaluation_engagement_updated after update on worker_engagement
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_period_written('entry_date', 'exit_date');
create trigger evaluation_engagement_deleted after delete on worker_engagement
    referencing old table as old_rows for each statement execute function evaluation_period_written('entry_date', 'exit_date');
create trigger evaluation_tenure_inserted after insert on manager_post
    referencing new table as new_rows for each statement execute function evaluation_period_written('tenure_from', 'tenure_to');
create trigger evaluation_tenure_updated after update on manager_post
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_period_written('tenure_from', 'tenure_to');
create trigger evaluation_tenure_deleted after delete on manager_post
    referencing old table as old_rows for each statement execute function evaluation_period_written('tenure_from', 'tenure_to');
create trigger evaluation_stoppage_inserted after insert on project_stoppage
    referencing new table as new_rows for each statement execute function evaluation_period_written('first_day', 'last_day');
create trigger evaluation_stoppage_updated after update on project_stoppage
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_period_written('first_day', 'last_day');
create trigger evaluation_stoppage_deleted after delete on project_stoppage
    referencing old table as old_rows for each statement execute function evaluation_period_written('first_day', 'last_day');
create trigger evaluation_assignment_inserted after insert on device_assignment
    referencing new table as new_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_assignment_updated after update on device_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_assignment_deleted after delete on device_assignment
    referencing old table as old_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_unit_inserted after insert on participating_unit
    referencing new table as new_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_unit_updated after update on participating_unit
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_unit_deleted after delete on participating_unit
    referencing old table as old_rows for each statement execute function evaluation_period_written('*', '*');
create trigger evaluation_project_inserted after insert on project
    referencing new table as new_rows for each statement execute function evaluation_period_written('*', '*', 'id');

-- device_day: a device heard on a day of an evaluated month, or no longer (a later contact the same day: no mark).
create function evaluation_heard_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, n.project_id
        from new_rows n join evaluated_month m on m.month = date_trunc('month', n.day)::date;
    elsif tg_op = 'DELETE' then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, o.project_id
        from old_rows o join evaluated_month m on m.month = date_trunc('month', o.day)::date;
    else
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, x.project_id
        from ((select project_id, day from new_rows except select project_id, day from old_rows)
              union all
              (select project_id, day from old_rows except select project_id, day from new_rows)) x
             join evaluated_month m on m.month = date_trunc('month', x.day)::date;
    end if;
    return null;
end
$$;
create trigger evaluation_heard_inserted after insert on device_day
    referencing new table as new_rows for each statement execute function evaluation_heard_written();
create trigger evaluation_heard_updated after update on device_day
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_heard_written();
create trigger evaluation_heard_deleted after delete on device_day
    referencing old table as old_rows for each statement execute function evaluation_heard_written();

-- project: start, completion or contractor set or changed: every evaluated month of the project.
create function evaluation_project_updated() returns trigger language plpgsql as
$$
begin
    insert into evaluation_dirty (month, project_id)
    select m.month, n.id
    from new_rows n join old_rows o on o.id = n.id cross join evaluated_month m
    where o.start_date is distinct from n.start_date or o.completion_date is distinct from n.completion_date
       or o.contractor_id is distinct from n.contractor_id;
    return null;
end
$$;
create trigger evaluation_project_updated after update on project
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_project_updated();

-- device: its declared installation, registration day, first contact or project changed (a row trigger on these
-- columns only: the frequent last-contact updates never fire it): every evaluated month of the projects it is or
-- was assigned to.
create function evaluation_device_updated() returns trigger language plpgsql as
$$
begin
    insert into evaluation_dirty (month, project_id)
    select m.month, p.project_id
    from (select a.project_id from device_assignment a where a.device_id = new.id
          union select new.project_id union select old.project_id) p
         cross join evaluated_month m;
    return null;
end
$$;
create trigger evaluation_device_updated after update of registered_on, registered_day, first_heard_day, project_id on device
    for each row
    when (old.registered_on is distinct from new.registered_on or old.registered_day is distinct from new.registered_day
          or old.first_heard_day is distinct from new.first_heard_day or old.project_id is distinct from new.project_id)
    execute function evaluation_device_updated();

-- wage_table, wage_line: the workers on a month's payroll (R3 with the rule set's r3CountsPayroll).
create function evaluation_wage_table_written() returns trigger language plpgsql as
$$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, n.project_id from new_rows n join evaluated_month m on m.month = n.month;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, o.project_id from old_rows o join evaluated_month m on m.month = o.month;
    end if;
    return null;
end
$$;
create trigger evaluation_wage_table_inserted after insert on wage_table
    referencing new table as new_rows for each statement execute function evaluation_wage_table_written();
create trigger evaluation_wage_table_updated after update on wage_table
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_wage_table_written();
create trigger evaluation_wage_table_deleted after delete on wage_table
    referencing old table as old_rows for each statement execute function evaluation_wage_table_written();

create function evaluation_wage_line_written() returns trigger language plpgsql as
$$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, t.project_id
        from (select distinct table_id from new_rows) n join wage_table t on t.id = n.table_id
             join evaluated_month m on m.month = t.month;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, t.project_id
        from (select distinct table_id from old_rows) o join wage_table t on t.id = o.table_id
             join evaluated_month m on m.month = t.month;
    end if;
    return null;
end
$$;
create trigger evaluation_wage_line_inserted after insert on wage_line
    referencing new table as new_rows for each statement execute function evaluation_wage_line_written();
create trigger evaluation_wage_line_updated after update on wage_line
    referencing old table as old_rows new table as new_rows for each statement execute function evaluation_wage_line_written();
create trigger evaluation_wage_line_deleted after delete on wage_line
    referencing old table as old_rows for each statement execute function evaluation_wage_line_written();

-- Whether an evaluation judged every project of the month or only those marked since the previous one.
alter table evaluation add column full_evaluation boolean not null default true;
