-- 全国平台上报 (national module): what SiteRoll owes the national platform. A change to the registry queues its
-- report in the same transaction (the triggers below), so nothing committed can be forgotten and nothing refused
-- can roll a registration back. The sender (NationalSender) works through the queue in the upload order.

create table national_report (
    id               bigserial primary key,
    project_id       bigint not null references project (id),
    subject          text not null check (subject in ('PROJECT', 'UNIT', 'TEAM', 'WORKER', 'CONTRACT', 'ENTRY_EXIT', 'ATTENDANCE')),
    subject_id       bigint not null,
    change           text not null check (change in ('ADD', 'UPDATE')),
    -- the place in the upload order: project 1, unit 2, team 3, worker 4, contract and entry/exit 5, attendance 6
    -- (NationalMethod.stage)
    stage            smallint not null,
    state            text not null default 'PENDING'
                     check (state in ('PENDING', 'SENDING', 'SENT', 'ACCEPTED', 'REFUSED')),
    queued_at        timestamptz not null default now(),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null default now(),
    serial_code      text,
    sent_at          timestamptz,
    settled_at       timestamptz,
    refusal          text,
    last_error       text
);
create index national_report_open on national_report (project_id, stage, id) where state <> 'ACCEPTED';
create index national_report_subject on national_report (subject, subject_id);
create index national_report_state on national_report (state, next_attempt_at) where state <> 'ACCEPTED';

-- What the national platform gave back and later calls need: a team's teamSysNo.
create table national_reference (
    subject      text not null,
    subject_id   bigint not null,
    national_key text not null,
    primary key (subject, subject_id)
);

-- Queue a report of a subject. A new subject: its ADD. A changed one: a refused report of it goes back to pending
-- (the payload is read when sent, so the corrected record is what travels and is retried); a pending one already
-- carries the change; otherwise an UPDATE.
create function national_queue(p_project bigint, p_subject text, p_subject_id bigint, p_change text, p_stage int)
returns void language plpgsql as $$
begin
    if p_change = 'ADD' then
        insert into national_report (project_id, subject, subject_id, change, stage)
        values (p_project, p_subject, p_subject_id, 'ADD', p_stage);
        return;
    end if;
    update national_report set state = 'PENDING', refusal = null, attempts = 0, next_attempt_at = now()
     where subject = p_subject and subject_id = p_subject_id and state = 'REFUSED';
    if found or exists (select 1 from national_report
            where subject = p_subject and subject_id = p_subject_id and state = 'PENDING') then
        return;
    end if;
    insert into national_report (project_id, subject, subject_id, change, stage)
    values (p_project, p_subject, p_subject_id, 'UPDATE', p_stage);
end $$;

create function national_project_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform national_queue(new.id, 'PROJECT', new.id, 'ADD', 1);
    elsif (new.name, new.region_code, new.address, new.category, new.construction_nature, new.contractor_id,
           new.start_date, new.planned_completion_date, new.completion_date, new.longitude, new.latitude)
          is distinct from
          (old.name, old.region_code, old.address, old.category, old.construction_nature, old.contractor_id,
           old.start_date, old.planned_completion_date, old.completion_date, old.longitude, old.latitude) then
        perform national_queue(new.id, 'PROJECT', new.id, 'UPDATE', 1);
    end if;
    return null;
end $$;
create trigger national_project after insert or update on project
    for each row execute function national_project_changed();

create function national_unit_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform national_queue(new.project_id, 'UNIT', new.id, 'ADD', 2);
    elsif (new.unit_type, new.entry_date, new.exit_date) is distinct from (old.unit_type, old.entry_date, old.exit_date) then
        perform national_queue(new.project_id, 'UNIT', new.id, 'UPDATE', 2);
    end if;
    return null;
end $$;
create trigger national_unit after insert or update on participating_unit
    for each row execute function national_unit_changed();

create function national_team_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform national_queue(new.project_id, 'TEAM', new.id, 'ADD', 3);
    elsif (new.name, new.leader_person_id, new.exit_date) is distinct from (old.name, old.leader_person_id, old.exit_date) then
        perform national_queue(new.project_id, 'TEAM', new.id, 'UPDATE', 3);
    end if;
    return null;
end $$;
create trigger national_team after insert or update on team
    for each row execute function national_team_changed();

-- an engagement is the worker on the project and their labour contract (合同期限类型, start, end)
create function national_worker_changed() returns trigger language plpgsql as $$
begin
    perform national_queue(new.project_id, 'WORKER', new.id, 'ADD', 4);
    perform national_queue(new.project_id, 'CONTRACT', new.id, 'ADD', 5);
    return null;
end $$;
create trigger national_worker after insert on worker_engagement
    for each row execute function national_worker_changed();

create function national_movement_changed() returns trigger language plpgsql as $$
begin
    perform national_queue((select project_id from worker_engagement where id = new.engagement_id),
                           'ENTRY_EXIT', new.id, 'ADD', 5);
    return null;
end $$;
create trigger national_movement after insert on engagement_movement
    for each row execute function national_movement_changed();

-- Projects registered before this migration are owed their reports too, in registration order.
insert into national_report (project_id, subject, subject_id, change, stage)
select id, 'PROJECT', id, 'ADD', 1 from project order by id;
insert into national_report (project_id, subject, subject_id, change, stage)
select project_id, 'UNIT', id, 'ADD', 2 from participating_unit order by id;
insert into national_report (project_id, subject, subject_id, change, stage)
select project_id, 'TEAM', id, 'ADD', 3 from team order by id;
insert into national_report (project_id, subject, subject_id, change, stage)
select project_id, 'WORKER', id, 'ADD', 4 from worker_engagement order by id;
insert into national_report (project_id, subject, subject_id, change, stage)
select project_id, 'CONTRACT', id, 'ADD', 5 from worker_engagement order by id;
insert into national_report (project_id, subject, subject_id, change, stage)
select e.project_id, 'ENTRY_EXIT', m.id, 'ADD', 5
  from engagement_movement m join worker_engagement e on e.id = m.engagement_id order by m.id;

-- In: enterprise labour systems that speak the national interface report to SiteRoll's own open.api. A key per
-- project (一项目一密钥: the appid is the project code), issued by an account that manages the project, or a key per
-- enterprise (the appid is its credit code: it may register projects with Project.Add), issued by the enterprise's
-- administrator; the labour system then acts as the issuing account. The secret is kept encrypted
-- (purpose national.appsecret).
create table national_inbound_key (
    id            bigserial primary key,
    appid         text not null,
    project_id    bigint references project (id),
    enterprise_id bigint references enterprise (id),
    account_id    bigint not null references account (id),
    secret_cipher bytea not null,
    issued_at     timestamptz not null default now(),
    revoked_at    timestamptz,
    check ((project_id is null) <> (enterprise_id is null))
);
create unique index national_inbound_key_active on national_inbound_key (appid) where revoked_at is null;

-- A nonce is accepted once per appid.
create table national_inbound_nonce (
    appid   text not null,
    nonce   text not null,
    seen_at timestamptz not null default now(),
    primary key (appid, nonce)
);

-- Each write's outcome, answered to AsyncHandleResult.Query by its serial code.
create table national_inbound_request (
    serial_code  text primary key,
    key_id       bigint not null references national_inbound_key (id),
    method       text not null,
    received_at  timestamptz not null,
    status       smallint not null,
    result       text not null
);
create sequence national_inbound_serial;

-- Attendance out: the gates' accepted passes of a project's workers, reported per team in windows of the time SiteRoll
-- received them (received_after, received_until]. A window is closed a margin behind the platform's clock, so that
-- an ingest transaction still open when the window closed has committed before its passes could be missed. A batch
-- is one report (subject ATTENDANCE, subject_id the batch).
create table national_attendance_batch (
    id              bigserial primary key,
    project_id      bigint not null references project (id),
    team_id         bigint not null references team (id),
    received_after  timestamptz not null,
    received_until  timestamptz not null,
    passes          int not null
);
create table national_attendance_mark (
    project_id      bigint primary key references project (id),
    received_until  timestamptz not null
);

-- attendance's read model for the windows (AttendanceReadModel.ACCEPTED_PASS)
create view accepted_pass as
select s.project_id, s.person_id, s.device_id, d.channel_name as channel, s.passed_at, s.received_at, s.direction,
       s.attend_type
  from pass s join device d on d.id = s.device_id
 where s.outcome = 'ACCEPTED' and s.person_id is not null;

-- A face photo given or changed puts the person's refused worker reports back (the national platform requires one).
create function national_face_changed() returns trigger language plpgsql as $$
declare
    e record;
begin
    for e in select id, project_id from worker_engagement where person_id = new.person_id loop
        perform national_queue(e.project_id, 'WORKER', e.id, 'UPDATE', 4);
    end loop;
    return null;
end $$;
create trigger national_face after insert or update on person_face
    for each row execute function national_face_changed();

-- The passes of a worker engaged on the project on the pass's day (Beijing), with the engagement and its team: what
-- attendance out counts into windows (AttendanceWindows) and sends (NationalPayloads), one definition for both.
create view national_engaged_pass as
select s.project_id, e.team_id, e.id as engagement_id, s.person_id, s.passed_at, s.received_at, s.direction,
       s.attend_type, s.channel
  from accepted_pass s
  join worker_engagement e on e.project_id = s.project_id and e.person_id = s.person_id
                          and e.entry_date <= (s.passed_at at time zone 'Asia/Shanghai')::date
                          and (e.exit_date is null or e.exit_date >= (s.passed_at at time zone 'Asia/Shanghai')::date);
