-- The attendance tally (V23) gains coverage and a per-region daily roll-up (compliance, AttendanceTally).
--
-- Coverage: per project and day, whether a device was assigned to it (device_assignment_period) and whether one was
-- heard from that day (device_heard_day), recomputed with the tally's other figures; device assignments and heard days
-- mark their project's days stale like the other facts. Coverage then reads flags instead of two `exists` per project.
--
-- Roll-up: per region (the project's own region, a county or a development zone) and day, the sums of the tally
-- over its projects: the construction-day figures, and the started, equipped and connected projects of the day.
-- Recomputed from the tally for every day a refresh recomputed (all regions of that day), in the same transaction;
-- a question whose caller sees every project of the region (an officer in their region) reads ~60 rows a day instead
-- of ~5,000.

alter table attendance_tally
    add column equipped  boolean not null default false,
    add column connected boolean not null default false;

create table attendance_tally_region_day (
    region_code        char(6) not null references region (code),
    day                date    not null,
    workers_engaged    bigint  not null,
    workers_attended   bigint  not null,
    key_posts_due      bigint  not null,
    key_posts_attended bigint  not null,
    started            int     not null,
    equipped           int     not null,
    connected          int     not null,
    primary key (day, region_code)
);
comment on table attendance_tally_region_day is
    'Owned by compliance (AttendanceTally): the tally summed per project region and day (construction days for the '
        'worker and key-post figures; every tallied day for started, equipped, connected projects)';

-- device_assignment (device): a device assigned, moved or its assignment closed: the old and the new period.
create trigger attendance_tally_assignment_inserted after insert on device_assignment
    referencing new table as new_rows for each statement execute function attendance_tally_period_written('from_day', 'to_day');
create trigger attendance_tally_assignment_updated after update on device_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_period_written('from_day', 'to_day');
create trigger attendance_tally_assignment_deleted after delete on device_assignment
    referencing old table as old_rows for each statement execute function attendance_tally_period_written('from_day', 'to_day');

-- device_day (device): a device heard on a new day (a later contact the same day only moves last_at: no mark).
create function attendance_tally_heard_inserted() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select project_id, min(day), max(day) from new_rows group by project_id;
    return null;
end
$$;
create function attendance_tally_heard_updated() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select x.project_id, min(x.day), max(x.day)
    from ((select project_id, day from new_rows except select project_id, day from old_rows)
          union all
          (select project_id, day from old_rows except select project_id, day from new_rows)) x
    group by x.project_id;
    return null;
end
$$;
create function attendance_tally_heard_deleted() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select project_id, min(day), max(day) from old_rows group by project_id;
    return null;
end
$$;
create trigger attendance_tally_heard_inserted after insert on device_day
    referencing new table as new_rows for each statement execute function attendance_tally_heard_inserted();
create trigger attendance_tally_heard_updated after update on device_day
    referencing old table as old_rows new table as new_rows for each statement execute function attendance_tally_heard_updated();
create trigger attendance_tally_heard_deleted after delete on device_day
    referencing old table as old_rows for each statement execute function attendance_tally_heard_deleted();

-- project: a project moved to another region changes two regions' roll-up: its days are recomputed (the roll-up
-- of a recomputed day is summed again for every region).
create or replace function attendance_tally_project_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select id, '-infinity'::date, 'infinity'::date from new_rows where start_date is not null;
    else
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select n.id, '-infinity'::date, 'infinity'::date
        from new_rows n join old_rows o on o.id = n.id
        where o.start_date is distinct from n.start_date or o.completion_date is distinct from n.completion_date
           or o.region_code is distinct from n.region_code;
    end if;
    return null;
end
$$;

-- The tally as it is holds no coverage flags and has no roll-up: every day it covers is recomputed by the next
-- refresh (the next question, or the scheduled one within a minute).
insert into attendance_tally_stale (project_id, from_day, to_day) values (0, '-infinity'::date, 'infinity'::date);
