-- Month presence (attendance, AttendanceReadModel.PRESENT_IN_MONTH): per project, calendar month and person, how many
-- valid attendance days the person has there that month, kept up to date by the same statement that writes
-- daily_presence (statement-level triggers below). R3 asks "who had at least one valid day at the project this
-- month": a province's month is 300,000 such rows, where daily_presence holds 9 million (a hash aggregate of those
-- was most of the evaluation's time). A counter, not a flag, so that a day that stops being valid (a correction, a
-- valid-day rule changed) takes the person out exactly when it was the last one; rows at 0 stay and do not count.
--
-- Concurrency: the counters are added to, never set, so concurrent writers of the same project add up. Inserts and
-- updates of days (the ingestion) upsert their counters in key order, so concurrent uploads never wait for each other
-- in a cycle; deletes (corrections, rare) take theirs off in no set order.

create table presence_month (
    month      date   not null,
    project_id bigint not null,
    person_id  bigint not null,
    valid_days int    not null check (valid_days >= 0),
    primary key (month, project_id, person_id)
);
comment on table presence_month is
    'Owned by attendance (triggers on daily_presence): valid attendance days per month, project and person';

insert into presence_month (month, project_id, person_id, valid_days)
select date_trunc('month', day)::date, project_id, person_id, count(*)
from daily_presence
where valid
group by 1, 2, 3;

-- Adds each (month, project, person)'s change of valid days, taken from the statement's transition tables.
create function presence_month_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into presence_month as m (month, project_id, person_id, valid_days)
        select date_trunc('month', day)::date, project_id, person_id, count(*)
        from new_rows where valid
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (month, project_id, person_id) do update set valid_days = m.valid_days + excluded.valid_days;
    elsif tg_op = 'DELETE' then
        update presence_month m set valid_days = m.valid_days - o.n
        from (select date_trunc('month', day)::date as month, project_id, person_id, count(*) as n
              from old_rows where valid group by 1, 2, 3 order by 1, 2, 3) o
        where m.month = o.month and m.project_id = o.project_id and m.person_id = o.person_id;
    else
        -- only the days whose validity changed: days gained are added (upsert), days lost taken off (an insert with
        -- a negative count would break the check before its conflict is seen)
        with change as (
            select month, project_id, person_id, sum(n) as n
            from (select date_trunc('month', day)::date as month, project_id, person_id, 1 as n from new_rows where valid
                  union all
                  select date_trunc('month', day)::date, project_id, person_id, -1 from old_rows where valid) c
            group by 1, 2, 3
            having sum(n) <> 0),
        lost as (
            update presence_month m set valid_days = m.valid_days + c.n
            from change c
            where c.n < 0 and m.month = c.month and m.project_id = c.project_id and m.person_id = c.person_id)
        insert into presence_month as m (month, project_id, person_id, valid_days)
        select month, project_id, person_id, n from change where n > 0
        order by 1, 2, 3
        on conflict (month, project_id, person_id) do update set valid_days = m.valid_days + excluded.valid_days;
    end if;
    return null;
end
$$;
create trigger presence_month_inserted after insert on daily_presence
    referencing new table as new_rows for each statement execute function presence_month_written();
create trigger presence_month_updated after update on daily_presence
    referencing old table as old_rows new table as new_rows for each statement execute function presence_month_written();
create trigger presence_month_deleted after delete on daily_presence
    referencing old table as old_rows for each statement execute function presence_month_written();

-- 当月有效考勤: the people with at least one valid attendance day at a project in a calendar month (month = its first
-- day). Owned by attendance.
create view present_in_month as
select m.month, m.project_id, m.person_id, m.valid_days
from presence_month m
where m.valid_days > 0;
comment on view present_in_month is
    'Owned by attendance (AttendanceReadModel.PRESENT_IN_MONTH): people with a valid day at a project in a month';

-- R1 reads each project's device assignments (observed and declared): one index lookup per project, not a scan
-- of every assignment for each of a province's projects.
create index device_assignment_project on device_assignment (project_id);
