-- An update of daily_presence (a later pass of a day, a correction) fired three statement triggers, each reading
-- the statement's old and new rows again to find the days whose validity (or key) changed: the attendance tally,
-- the month counters (presence_month) and the evaluation marks. Most updates only move a day's times and count and
-- change none of them, yet each trigger hashed or grouped all of the batch's rows (2.6 ms of a 500-pass upload).
-- One trigger now finds the changed days once, by set difference (hashed whatever PL/pgSQL estimated when it planned
-- the statement first), and feeds the three from them in one statement. What each receives is what it received:
--   tally: the projects and day ranges of the new rows whose (project, day, person, validity) is not among the old;
--   month counters: +1 per valid day gained, -1 per valid day lost, by (month, project, person), zero sums dropped;
--   evaluation marks: the evaluated months of the valid days gained or lost.
-- The insert and delete triggers are unchanged (their functions still handle an update too, should one be attached).

drop trigger attendance_tally_presence_updated on daily_presence;
drop trigger presence_month_updated on daily_presence;
drop trigger evaluation_presence_updated on daily_presence;
drop function attendance_tally_presence_updated();

create function daily_presence_updated() returns trigger language plpgsql as
$$
begin
    with gained as materialized (
        select project_id, day, person_id, valid from new_rows
        except
        select project_id, day, person_id, valid from old_rows),
    lost as materialized (
        select project_id, day, person_id, valid from old_rows
        except
        select project_id, day, person_id, valid from new_rows),
    tally as (
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select project_id, min(day), max(day) from gained group by project_id),
    marks as (
        insert into evaluation_dirty (month, project_id)
        select distinct m.month, x.project_id
        from (select project_id, day from gained where valid
              union all
              select project_id, day from lost where valid) x
             join evaluated_month m on m.month = date_trunc('month', x.day)::date),
    change as (
        select month, project_id, person_id, sum(n) as n
        from (select date_trunc('month', day)::date as month, project_id, person_id, 1 as n from gained where valid
              union all
              select date_trunc('month', day)::date, project_id, person_id, -1 from lost where valid) c
        group by 1, 2, 3
        having sum(n) <> 0),
    taken_off as (
        -- days lost are taken off by an update: an insert with a negative count would break the check before its
        -- conflict is seen
        update presence_month m set valid_days = m.valid_days + c.n
        from change c
        where c.n < 0 and m.month = c.month and m.project_id = c.project_id and m.person_id = c.person_id)
    insert into presence_month as m (month, project_id, person_id, valid_days)
    select month, project_id, person_id, n from change where n > 0
    order by 1, 2, 3
    on conflict (month, project_id, person_id) do update set valid_days = m.valid_days + excluded.valid_days;
    return null;
end
$$;
comment on function daily_presence_updated() is
    'The days an update of daily_presence changed (validity or key), read once for the attendance tally, the month '
    'counters (presence_month) and the evaluation marks';

create trigger daily_presence_updated after update on daily_presence
    referencing old table as old_rows new table as new_rows for each statement execute function daily_presence_updated();
