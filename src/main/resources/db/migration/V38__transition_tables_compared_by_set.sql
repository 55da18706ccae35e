-- Statement triggers that compared a statement's old and new rows joined the two transition tables. PL/pgSQL plans
-- such a query once per connection, with the row counts of the first statement it ran for, and keeps that plan: a
-- connection whose first update of daily_presence touched one row joined every later batch of 500 by a nested loop,
-- 500 × 500 comparisons (120 ms of a 240 ms pass upload, seen with auto_explain in the ingestion benchmark). A set
-- difference (EXCEPT) is hashed whatever the estimate, so each function below now compares the rows that way. The
-- marks are the same: a row whose compared columns changed is in "new except old"; a row whose key changed (nothing
-- updates these keys) would now be marked as well, which only asks for one more recomputation.

-- daily_presence (attendance tally): a day whose validity changed.
create or replace function attendance_tally_presence_updated() returns trigger language plpgsql as
$$
begin
    insert into attendance_tally_stale (project_id, from_day, to_day)
    select c.project_id, min(c.day), max(c.day)
    from (select project_id, day, person_id, valid from new_rows
          except
          select project_id, day, person_id, valid from old_rows) c
    group by c.project_id;
    return null;
end
$$;

-- project (attendance tally): start, completion or region changed.
create or replace function attendance_tally_project_written() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select id, '-infinity'::date, 'infinity'::date from new_rows where start_date is not null;
    else
        insert into attendance_tally_stale (project_id, from_day, to_day)
        select c.id, '-infinity'::date, 'infinity'::date
        from (select id, start_date, completion_date, region_code from new_rows
              except
              select id, start_date, completion_date, region_code from old_rows) c;
    end if;
    return null;
end
$$;

-- project (evaluation marks): start, completion or contractor changed: every evaluated month of the project.
create or replace function evaluation_project_updated() returns trigger language plpgsql as
$$
begin
    insert into evaluation_dirty (month, project_id)
    select m.month, c.id
    from (select id, start_date, completion_date, contractor_id from new_rows
          except
          select id, start_date, completion_date, contractor_id from old_rows) c
         cross join evaluated_month m;
    return null;
end
$$;

-- A day of presence is written by its first pass and updated by each later one (first and last pass, count,
-- validity: no indexed column). With full pages every update wrote a new version on another page and a new entry in
-- both indexes; with room left on the page the update stays on it (a heap-only tuple) and no index is touched.
alter table daily_presence set (fillfactor = 70);

-- daily_presence (evaluation marks): only a month whose evaluation has begun is marked. Most writes are today's
-- passes, in a month not evaluated yet: the months the statement touched are looked up first (two aggregates of its
-- rows and one probe of evaluated_month), and the comparison of old and new rows runs only when one is evaluated.
create or replace function evaluation_presence_written() returns trigger language plpgsql as
$$
declare
    first_day date;
    last_day  date;
begin
    if tg_op = 'UPDATE' then
        select min(day), max(day) into first_day, last_day
        from (select day from new_rows union all select day from old_rows) d;
    end if;
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
    elsif exists (select 1 from evaluated_month where month between date_trunc('month', first_day)::date and last_day) then
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
