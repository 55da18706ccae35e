-- What decides a rule is what the platform observed when it happened, not a date the regulated party
-- types in afterwards (DOMAIN.md, "Integrity").

-- 停工: a stoppage the enterprise side declares from the day it declares it (or later) is in force at
-- once; one that begins earlier is a request that an officer of the project's region approves or
-- rejects, with the reason. Officers' stoppages and stop-work orders are in force at once. Only
-- stoppages in force remove construction days.
alter table project_stoppage
    add column status        text not null default 'IN_FORCE' check (status in ('IN_FORCE', 'PENDING', 'REJECTED')),
    add column declared_on   date,
    add column decided_by    text,
    add column decided_at    timestamptz,
    add column decision_note text;
update project_stoppage set declared_on = (declared_at at time zone 'Asia/Shanghai')::date;
alter table project_stoppage alter column declared_on set not null;

create or replace function construction_days(p_project bigint, p_from date, p_to date)
    returns setof date
    language sql stable as
$$
select d::date
from project p
         cross join lateral generate_series(greatest(p_from, p.start_date),
                                            least(p_to, coalesce(p.completion_date, p_to)),
                                            interval '1 day') d
where p.id = p_project
  and p.start_date is not null
  and not exists (select 1
                  from project_stoppage s
                  where s.project_id = p.id
                    and s.status = 'IN_FORCE'
                    and d::date >= s.first_day
                    and (s.last_day is null or d::date <= s.last_day))
$$;

-- Devices: registered_on becomes the enterprise's declared installation date (a claim, shown beside
-- the observation). The platform records when it registered the device and when it first heard it.
alter table device alter column registered_on drop not null;
alter table device
    add column registered_at   timestamptz,
    add column registered_day  date,
    add column first_heard_at  timestamptz,
    add column first_heard_day date;
update device set registered_at = created_at, registered_day = (created_at at time zone 'Asia/Shanghai')::date;
update device d
set first_heard_at  = h.first_at,
    first_heard_day = h.day
from (select device_id, min(day) as day, min(first_at) as first_at from device_day group by device_id) h
where h.device_id = d.id;
alter table device alter column registered_at set not null, alter column registered_day set not null;

-- The day the platform recorded an assignment (a move's from_day is typed in; it counts only from here).
alter table device_assignment add column recorded_on date;
update device_assignment set recorded_on = (at at time zone 'Asia/Shanghai')::date;
alter table device_assignment alter column recorded_on set not null;

-- 配备: from which day a device observably equipped a project: the latest of the assignment's day, the
-- day the platform recorded it, and the day the device was first heard. Never heard: not equipped.
create view observed_device_assignment as
select a.id, a.device_id, a.project_id, a.to_day,
       case when d.first_heard_day is null then null
            else greatest(a.from_day, a.recorded_on, d.registered_day, d.first_heard_day) end as from_day
from device_assignment a
         join device d on d.id = a.device_id;

-- Rule sets adopted for a month already begun or evaluated: an explicit, reasoned officer's act.
alter table rule_set_adoption
    add column retroactive boolean not null default false,
    add column reason      text;
