-- Each rule in one place, and the facts other modules own read through named read models.
--
-- 1. Rule sets carry the low-attendance warning's numbers (they were literals in the warning's SQL): the last
--    7 construction days and 80 %, as before, for both rule sets.
-- 2. Compliance's rule definitions as SQL functions, in the style of construction_days(): which posts are key and
--    what they must attend (R2), and the one comparison "attended × 100 < days × percent" that R2, its early
--    warning, its re-check and the low-attendance warning all make. Scalar SQL functions without a FROM clause,
--    so the planner inlines them into the set-based statements (no per-row call).
-- 3. Read models owned by the module that owns the data, declared in that module's Java API
--    (DeviceReadModel, AttendanceReadModel, PersonnelReadModel), so the module graph shows who reads what.
--    Plain single-table views without aggregation: the planner flattens them into the reading statement, which
--    keeps its plan and indexes.

alter table rule_set
    add column low_attendance_days    int not null default 7 check (low_attendance_days >= 1),
    add column low_attendance_percent int not null default 80 check (low_attendance_percent between 1 and 100);
comment on column rule_set.low_attendance_days is
    'LOW_ATTENDANCE warning: how many of the project''s last construction days are looked at';
comment on column rule_set.low_attendance_percent is
    'LOW_ATTENDANCE warning: worker-days with a valid day below this percentage of worker-days engaged';

-- ---------------------------------------------------------------------------------------------------------------
-- compliance: the rules

-- R2: a key post under a rule set (项目经理、总监理工程师… as the rule set lists them). Owned by compliance.
create function key_post(p_post text, p_rules rule_set) returns boolean
    language sql immutable as
$$
select p_post = any (p_rules.key_posts)
$$;

-- R2: the percentage of its construction days a manager post must attend under a rule set: the key-post
-- percentage for a key post, the other managers' percentage for every other post. Owned by compliance.
create function required_percent(p_post text, p_rules rule_set) returns int
    language sql immutable as
$$
select case when key_post(p_post, p_rules) then p_rules.key_post_percent else p_rules.other_post_percent end
$$;

-- The attendance comparison, in integers so that 16/20 at 80 % passes and 15/20 fails: short when there is at
-- least one day to attend and attended × 100 < days × percent. R2 (monthly, early warning, re-check) and the
-- low-attendance warning (worker-days) all use it. Owned by compliance.
create function attendance_short(p_attended bigint, p_days bigint, p_percent int) returns boolean
    language sql immutable as
$$
select p_days > 0 and p_attended * 100 < p_days * p_percent
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- device: what the platform observed of the devices (io.siteroll.device.DeviceReadModel)

-- A device as registered on the platform: its project, whether it is enabled, when the platform registered it and
-- the installation date the enterprise declared. Owned by device.
create view device_registration as
select d.id, d.project_id, d.serial_number, d.channel_name, d.enabled, d.registered_on, d.registered_at,
       d.registered_day, d.first_heard_day
from device d;
comment on view device_registration is 'Owned by device (DeviceReadModel.REGISTRATION): devices as registered';

-- Which project a device is assigned to over which days, as declared (a move closes one period, opens the next).
create view device_assignment_period as
select a.device_id, a.project_id, a.from_day, a.to_day
from device_assignment a;
comment on view device_assignment_period is
    'Owned by device (DeviceReadModel.ASSIGNMENT): declared device assignments';

comment on view observed_device_assignment is
    'Owned by device (DeviceReadModel.OBSERVED_ASSIGNMENT): from which day a device observably equipped a project';

-- 联网: the days a device was heard from (Asia/Shanghai, by the platform's receive time), with the first and last
-- contact of the day; a project is connected on a day when one of its devices was heard that day. Owned by device.
create view device_heard_day as
select h.device_id, h.project_id, h.day, h.first_at, h.last_at
from device_day h;
comment on view device_heard_day is 'Owned by device (DeviceReadModel.HEARD_DAY): days a device was heard from (联网)';

-- Offline: silent for more than the tolerance at an instant, counted from the last contact, or from registration
-- for a device never heard. The one definition behind the device's offline mark (OfflineWatch) and the
-- DEVICE_OFFLINE warning; the tolerance is one configuration property (siteroll.device.offline-after, DeviceSilence).
-- Stable, not immutable: timestamptz - interval depends on the time zone, and an immutable function around a stable
-- expression would not be inlined. Owned by device.
create function device_silent(p_last_heard timestamptz, p_registered timestamptz, p_at timestamptz,
                              p_tolerance interval) returns boolean
    language sql stable as
$$
select coalesce(p_last_heard, p_registered) < p_at - p_tolerance
$$;
comment on function device_silent(timestamptz, timestamptz, timestamptz, interval) is
    'Owned by device (DeviceReadModel.SILENT): offline = silent for more than the tolerance';

-- ---------------------------------------------------------------------------------------------------------------
-- attendance (io.siteroll.attendance.AttendanceReadModel)

-- 有效考勤日: a person's valid attendance days at a project, by the valid-day rule in force on the day.
-- Owned by attendance.
create view valid_attendance_day as
select dp.project_id, dp.person_id, dp.day
from daily_presence dp
where dp.valid;
comment on view valid_attendance_day is 'Owned by attendance (AttendanceReadModel.VALID_DAY): valid attendance days';

-- Someone unknown to the platform refused at a project's gate: by the platform's gate decision or by a pass the
-- device refused itself. Owned by attendance.
create view unregistered_refusal as
select r.project_id, r.person_ref, r.at
from gate_refusal r
where r.reason = 'NOT_REGISTERED'
union all
select p.project_id, p.person_ref, p.passed_at
from pass p
where p.refusal_reason = 'NOT_REGISTERED';
comment on view unregistered_refusal is
    'Owned by attendance (AttendanceReadModel.UNREGISTERED_REFUSAL): people unknown to the platform refused at a gate';

-- ---------------------------------------------------------------------------------------------------------------
-- personnel (io.siteroll.personnel.PersonnelReadModel)

-- Manager posts with their tenure (a replaced manager's old post keeps its tenure). Owned by personnel.
create view manager_tenure as
select mp.id, mp.project_id, mp.person_id, mp.post, mp.participating_unit_id, mp.tenure_from, mp.tenure_to
from manager_post mp;
comment on view manager_tenure is 'Owned by personnel (PersonnelReadModel.MANAGER_TENURE): manager posts and tenures';

-- 进场/退场: a worker's engagement at a project from entry to exit. Owned by personnel.
create view worker_engagement_period as
select w.project_id, w.person_id, w.entry_date, w.exit_date
from worker_engagement w;
comment on view worker_engagement_period is
    'Owned by personnel (PersonnelReadModel.WORKER_ENGAGEMENT): workers engaged from entry to exit';
