-- Attendance tallies (compliance, io.siteroll.compliance.internal.AttendanceTally): per project and day what the
-- attendance rate, the key managers' on-duty rate and the dashboard add up, so that a province's month is a sum
-- over 150,000 rows instead of a join of 300,000 engagements with 6 million presence days (13 s before).
--
-- Maintained as a cache of the live definition (construction_days(), worker_engagement_period,
-- valid_attendance_day, manager_tenure, key_post() of the rule set in force), never as a second definition: every
-- write to a table those read marks the project's affected days stale (statement-level triggers below, one row
-- per statement and project), and the reader recomputes the stale days with the live statement before it sums.
-- So a pass ingested now counts in the next answer; a materialized view refreshed on a schedule would either be
-- stale or recompute the province on every read. The tally covers the days someone asked for (the span), grown
-- on demand and ahead of time by the nightly job.

create table attendance_tally (
    project_id         bigint  not null references project (id) on delete cascade,
    day                date    not null,
    construction       boolean not null,
    workers_engaged    int     not null,
    workers_attended   int     not null,
    key_posts_due      int     not null,
    key_posts_attended int     not null,
    primary key (project_id, day)
);
create index attendance_tally_day on attendance_tally (day, project_id);
comment on table attendance_tally is
    'Owned by compliance (AttendanceTally): per started project and day, from its start (or the span) to its completion: '
        'construction day?, workers engaged, with a valid day, key posts held, whose holder had a valid day';

-- The same per project and calendar month (construction days only), recomputed with the days it sums: a month's or
-- a half-year's trend reads 5,000 rows a month instead of 150,000. Read only for whole months inside the span.
create table attendance_tally_month (
    project_id         bigint not null references project (id) on delete cascade,
    month              date   not null,
    workers_engaged    bigint not null,
    workers_attended   bigint not null,
    key_posts_due      bigint not null,
    key_posts_attended bigint not null,
    primary key (project_id, month)
);
create index attendance_tally_month_month on attendance_tally_month (month, project_id);

-- The days the tally covers (one row; null before the first question).
create table attendance_tally_span (
    only_row     boolean primary key default true check (only_row),
    from_day     date,
    to_day       date,
    refreshed_at timestamptz
);
insert into attendance_tally_span (only_row) values (true);

-- Days to recompute: a project's days from..to (project 0: every project). Taken by the next refresh.
create table attendance_tally_stale (
    project_id bigint not null,
    from_day   date   not null,
    to_day     date   not null,
    marked_at  timestamptz not null default now()
);
create index attendance_tally_stale_project on attendance_tally_stale (project_id);

-- daily_presence (attendance): a valid day appears, disappears or changes its validity.
create function attendance_tally_presence_inserted() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select project_id, min(day), max(day) from new_rows where valid group by project_id;
    return null;
end
$$;
create function attendance_tally_presence_updated() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select n.project_id, min(n.day), max(n.day)
    from new_rows n join old_rows o on o.project_id = n.project_id and o.day = n.day and o.person_id = n.person_id
    where o.valid is distinct from n.valid
    group by n.project_id;
    return null;
end
$$;
create function attendance_tally_presence_deleted() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select project_id, min(day), max(day) from old_rows where valid group by project_id;
    return null;
end
$$;
create trigger attendance_tally_presence_inserted after insert on daily_presence
    referencing new table as new_rows for each statement execute function attendance_tally_presence_inserted();
create trigger attendance_tally_presence_updated after update on daily_presence
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_presence_updated();
create trigger attendance_tally_presence_deleted after delete on daily_presence
    referencing old table as old_rows for each statement execute function attendance_tally_presence_deleted();

-- Periods (engagements, tenures, stoppages): the days of the old and the new period of every row written.
create function attendance_tally_period_written() returns trigger language plpgsql as
$$
declare
    from_column text := tg_argv[0];
    to_column   text := tg_argv[1];
begin
    if tg_op in ('INSERT', 'UPDATE') then
        execute format('insert into attendance_tally_stale (project_id, from_day, to_day)
                        select project_id, min(%1$I), max(coalesce(%2$I, ''infinity''::date)) from new_rows group by project_id',
                       from_column, to_column);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        execute format('insert into attendance_tally_stale (project_id, from_day, to_day)
                        select project_id, min(%1$I), max(coalesce(%2$I, ''infinity''::date)) from old_rows group by project_id',
                       from_column, to_column);
    end if;
    return null;
end
$$;
create trigger attendance_tally_engagement_inserted after insert on worker_engagement
    referencing new table as new_rows for each statement execute function attendance_tally_period_written('entry_date', 'exit_date');
create trigger attendance_tally_engagement_updated after update on worker_engagement
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_period_written('entry_date', 'exit_date');
create trigger attendance_tally_engagement_deleted after delete on worker_engagement
    referencing old table as old_rows for each statement execute function attendance_tally_period_written('entry_date', 'exit_date');
create trigger attendance_tally_tenure_inserted after insert on manager_post
    referencing new table as new_rows for each statement execute function attendance_tally_period_written('tenure_from', 'tenure_to');
create trigger attendance_tally_tenure_updated after update on manager_post
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_period_written('tenure_from', 'tenure_to');
create trigger attendance_tally_tenure_deleted after delete on manager_post
    referencing old table as old_rows for each statement execute function attendance_tally_period_written('tenure_from', 'tenure_to');
create trigger attendance_tally_stoppage_inserted after insert on project_stoppage
    referencing new table as new_rows for each statement execute function attendance_tally_period_written('first_day', 'last_day');
create trigger attendance_tally_stoppage_updated after update on project_stoppage
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_period_written('first_day', 'last_day');
create trigger attendance_tally_stoppage_deleted after delete on project_stoppage
    referencing old table as old_rows for each statement execute function attendance_tally_period_written('first_day', 'last_day');

-- project: a start or completion date set or moved makes all of the project's days stale.
create function attendance_tally_project_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select id, '-infinity'::date, 'infinity'::date from new_rows where start_date is not null;
    else
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select n.id, '-infinity'::date, 'infinity'::date
        from new_rows n join old_rows o on o.id = n.id
        where o.start_date is distinct from n.start_date or o.completion_date is distinct from n.completion_date;
    end if;
    return null;
end
$$;
create trigger attendance_tally_project_inserted after insert on project
    referencing new table as new_rows for each statement execute function attendance_tally_project_written();
create trigger attendance_tally_project_updated after update on project
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_project_written();

-- rule_set_adoption: another rule set's key posts from a month on: every project, from that month.
create function attendance_tally_adoption_written() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day) values (0, '-infinity'::date, 'infinity'::date);
    return null;
end
$$;
create trigger attendance_tally_adoption_written after insert or update or delete on rule_set_adoption
    for each statement execute function attendance_tally_adoption_written();
