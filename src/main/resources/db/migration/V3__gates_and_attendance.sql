-- Gates and attendance: devices, their credentials and heartbeats, passes (partitioned by month),
-- daily presence, photos, fraud signals, the roster a gate downloads, the ZKTeco command queue.

insert into code_dictionary (kind, code, name_zh, name_en) values
('ATTEND_TYPE', '001', '人脸识别', 'Face recognition'),
('ATTEND_TYPE', '002', '虹膜识别', 'Iris recognition'),
('ATTEND_TYPE', '003', '指纹识别', 'Fingerprint'),
('ATTEND_TYPE', '004', '掌纹识别', 'Palm print'),
('ATTEND_TYPE', '005', '身份证识别', 'ID card'),
('ATTEND_TYPE', '006', '实名卡', 'Real-name card'),
('ATTEND_TYPE', '007', '异常清退', 'Cleared without a gate pass'),
('ATTEND_TYPE', '008', '一键开闸', 'Gate opened by button'),
('ATTEND_TYPE', '009', '应急通道', 'Emergency lane'),
('ATTEND_TYPE', '010', '二维码识别', 'QR code'),
('ATTEND_TYPE', '011', '其他方式', 'Other');

-- 考勤设备: a gate or terminal registered to one project at a time.
create table device (
    id               bigserial primary key,
    serial_number    text not null unique,
    vendor           text not null,
    model            text not null,
    protocol         text not null check (protocol in ('SITEROLL', 'ZKTECO_ATT', 'ZKTECO_ACC')),
    kind             text not null check (kind in ('FACE_TURNSTILE', 'FACE_TERMINAL')),
    direction        text not null check (direction in ('IN', 'OUT', 'BOTH')),
    channel_name     text not null,
    project_id       bigint not null references project (id),
    registered_on    date not null,
    secret_cipher    bytea not null,
    enabled          boolean not null default true,
    utc_offset_min   int not null default 480,
    last_heard_at    timestamptz,
    status           text,
    firmware         text,
    clock_skew_ms    bigint,
    offline_since    timestamptz,
    roster_version   bigint not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index device_project on device (project_id);

-- Where a device has been: a move closes one row and opens the next; nothing is deleted.
create table device_assignment (
    id         bigserial primary key,
    device_id  bigint not null references device (id),
    project_id bigint not null references project (id),
    from_day   date not null,
    to_day     date,
    by_actor   text not null,
    at         timestamptz not null default now()
);
create index device_assignment_device on device_assignment (device_id);

-- The device's life: registered, disabled, enabled, moved, went offline, back online, secret rotated.
create table device_event (
    id        bigserial primary key,
    device_id bigint not null references device (id),
    kind      text not null,
    at        timestamptz not null default now(),
    actor     text not null,
    detail    text
);
create index device_event_device on device_event (device_id, at);

-- 联网: a project is connected on a day when one of its devices was heard from that day.
create table device_day (
    device_id  bigint not null references device (id),
    day        date not null,
    project_id bigint not null references project (id),
    first_at   timestamptz not null,
    last_at    timestamptz not null,
    primary key (device_id, day)
);
create index device_day_project on device_day (project_id, day);

-- Nonces of signed device requests, each usable once (kept past the timestamp tolerance).
create table device_nonce (
    device_id bigint not null,
    nonce     text not null,
    seen_at   timestamptz not null default now(),
    primary key (device_id, nonce)
);
create index device_nonce_seen on device_nonce (seen_at);

-- Persons barred from every gate (黑名单), until lifted.
create table gate_blacklist (
    id         bigserial primary key,
    person_id  bigint not null references person (id),
    reason     text not null,
    listed_by  text not null,
    listed_at  timestamptz not null default now(),
    lifted_by  text,
    lifted_at  timestamptz
);
create unique index gate_blacklist_open on gate_blacklist (person_id) where lifted_at is null;

-- Roster versions: every change to who may pass a project's gates takes the next version, so a
-- gate can ask for the changes since the version it holds. The trigger also locks the project row,
-- so a reader holding it FOR SHARE sees no version still being written.
create sequence roster_version_seq;
alter table worker_engagement add column roster_version bigint not null default 0;
alter table manager_post add column roster_version bigint not null default 0;
create index worker_engagement_roster on worker_engagement (project_id, roster_version);
create index manager_post_roster on manager_post (project_id, roster_version);

create function take_roster_version() returns trigger language plpgsql as $$
begin
    perform 1 from project where id = new.project_id for no key update;
    new.roster_version := nextval('roster_version_seq');
    return new;
end $$;
create trigger worker_engagement_roster before insert or update on worker_engagement
    for each row execute function take_roster_version();
create trigger manager_post_roster before insert or update on manager_post
    for each row execute function take_roster_version();

create function blacklist_touches_rosters() returns trigger language plpgsql as $$
begin
    update worker_engagement set roster_version = 0 where person_id = new.person_id;
    update manager_post set roster_version = 0 where person_id = new.person_id;
    return new;
end $$;
create trigger gate_blacklist_roster after insert or update on gate_blacklist
    for each row execute function blacklist_touches_rosters();

-- Photos taken at the gate (faces: personal data). The bytes live encrypted in the photo store;
-- here are the SHA-256 of the clear JPEG and a 64-bit perceptual hash, split in four 16-bit bands
-- so that near-identical photos (few differing bits) are found through an index.
create table pass_photo (
    id           bigserial primary key,
    sha256       bytea not null,
    phash        bigint not null,
    band0        int not null,
    band1        int not null,
    band2        int not null,
    band3        int not null,
    size_bytes   int not null,
    storage_key  text not null,
    device_id    bigint not null,
    project_id   bigint not null,
    pass_id      bigint,
    passed_at    timestamptz,
    stored_at    timestamptz not null default now(),
    retain_until date not null,
    purged_at    timestamptz
);
create index pass_photo_sha on pass_photo (sha256);
create index pass_photo_band0 on pass_photo (band0);
create index pass_photo_band1 on pass_photo (band1);
create index pass_photo_band2 on pass_photo (band2);
create index pass_photo_band3 on pass_photo (band3);
create index pass_photo_retention on pass_photo (retain_until) where purged_at is null;

-- 通行记录: every pass through every gate, accepted or refused, partitioned by month of passed_at.
-- The dedupe key is the device plus the device's own key for the event (its event id, or the
-- natural key SN+PIN+time+state for ZKTeco); passed_at is part of it because it is the partition key.
create table pass (
    id                 bigserial,
    device_id          bigint not null,
    project_id         bigint not null,
    source_key         text not null,
    person_ref         text not null,
    person_id          bigint,
    passed_at          timestamptz not null,
    device_local_time  timestamp not null,
    utc_offset_min     int not null,
    received_at        timestamptz not null,
    direction          text not null check (direction in ('IN', 'OUT')),
    attend_type        char(3) not null,
    vendor_verify      text,
    liveness           text not null check (liveness in ('PASS', 'FAIL', 'UNKNOWN')),
    liveness_score     real,
    offline            boolean not null,
    outcome            text not null check (outcome in ('ACCEPTED', 'REFUSED')),
    refusal_reason     text,
    photo_id           bigint,
    source             text not null,
    primary key (id, passed_at),
    unique (device_id, source_key, passed_at)
) partition by range (passed_at);
create index pass_project_time on pass (project_id, passed_at);
create index pass_person_time on pass (person_id, passed_at);

-- 每日出勤: maintained on ingest from accepted passes whose liveness did not fail.
create table daily_presence (
    project_id    bigint not null,
    day           date not null,
    person_id     bigint not null,
    first_pass_at timestamptz not null,
    last_pass_at  timestamptz not null,
    pass_count    int not null,
    valid         boolean not null,
    primary key (project_id, day, person_id)
);
create index daily_presence_person on daily_presence (person_id, day);

-- The definition of a valid attendance day in force from a date (the compliance rule sets set it).
create table valid_day_rule (
    effective_from date primary key,
    rule           text not null check (rule in ('ANY_PASS', 'TWO_PASSES_4H')),
    set_by         text not null,
    set_at         timestamptz not null default now()
);
insert into valid_day_rule (effective_from, rule, set_by) values ('2000-01-01', 'ANY_PASS', 'system');

create function valid_day_rule_on(p_day date) returns text language sql stable as $$
    select rule from valid_day_rule where effective_from <= p_day order by effective_from desc limit 1
$$;

create function is_valid_day(p_rule text, p_count int, p_first timestamptz, p_last timestamptz)
    returns boolean language sql immutable as $$
    select case p_rule
        when 'TWO_PASSES_4H' then p_count >= 2 and p_last - p_first >= interval '4 hours'
        else p_count >= 1 end
$$;

-- 作假线索: replayed photos, impossible travel, liveness failures, each with its evidence.
create table fraud_signal (
    id          bigserial primary key,
    kind        text not null check (kind in ('REPLAYED_PHOTO', 'IMPOSSIBLE_TRAVEL', 'LIVENESS_FAILURES')),
    signal_key  text not null unique,
    project_id  bigint,
    device_id   bigint,
    person_id   bigint,
    day         date not null,
    detected_at timestamptz not null default now(),
    evidence    jsonb not null
);
create index fraud_signal_project on fraud_signal (project_id, day);

-- Gate decisions that refused someone (evidence of unregistered people at the gate).
create table gate_refusal (
    id          bigserial primary key,
    device_id   bigint not null,
    project_id  bigint not null,
    person_ref  text not null,
    person_id   bigint,
    reason      text not null,
    at          timestamptz not null default now()
);
create index gate_refusal_project on gate_refusal (project_id, at);

-- ZKTeco PUSH: last stamp per table, the command queue, and every raw upload.
create table zk_stamp (
    device_id  bigint not null references device (id),
    table_name text not null,
    stamp      text not null,
    primary key (device_id, table_name)
);

create table zk_command (
    id           bigserial primary key,
    device_id    bigint not null references device (id),
    command      text not null,
    purpose      text not null,
    person_id    bigint,
    state        text not null check (state in ('QUEUED', 'SENT', 'CONFIRMED', 'FAILED')),
    return_code  int,
    attempts     int not null default 0,
    queued_at    timestamptz not null default now(),
    sent_at      timestamptz,
    answered_at  timestamptz
);
create index zk_command_pending on zk_command (device_id, id) where state in ('QUEUED', 'SENT');

create table device_upload (
    id          bigserial primary key,
    device_id   bigint not null references device (id),
    protocol    text not null,
    table_name  text,
    received_at timestamptz not null default now(),
    body        bytea not null,
    outcome     text not null,
    records     int not null default 0
);
create index device_upload_device on device_upload (device_id, received_at);

create index worker_engagement_project_person on worker_engagement (project_id, person_id);

-- Great-circle distance in kilometres (haversine), for the impossible-travel signal.
create function distance_km(lat1 numeric, lon1 numeric, lat2 numeric, lon2 numeric) returns double precision
    language sql immutable as $$
    select 2 * 6371.0 * asin(sqrt(power(sin(radians((lat2 - lat1)::float8) / 2), 2)
        + cos(radians(lat1::float8)) * cos(radians(lat2::float8)) * power(sin(radians((lon2 - lon1)::float8) / 2), 2)))
$$;

-- Why a person may not pass this project's gates on a day (null: they may). Managers in a post on
-- that day pass; workers need an engagement entered and not exited, with a labour contract that
-- covers the day; nobody on the blacklist passes; an unknown person never passes (R3).
-- A one-row table function, so that the planner inlines it into set-based queries: the ingestion
-- statement judges 500 passes at once without a function call per row.
create function gate_refusals(p_project bigint, p_person bigint, p_day date) returns table (reason text)
    language sql stable as $$
    select case
        when p.id is null then 'NOT_REGISTERED'
        when bl.person_id is not null then 'BLACKLISTED'
        when mp.person_id is not null then null
        when e.id is null or e.entry_date > p_day then 'NOT_ENGAGED'
        when e.exit_date is not null and e.exit_date < p_day then 'EXITED'
        when e.contract_start > p_day or (e.contract_end is not null and e.contract_end < p_day) then 'NO_CONTRACT'
        end
    from (select 1) one
         left join person p on p.id = p_person
         left join lateral (select b.person_id from gate_blacklist b
                            where b.person_id = p_person and b.lifted_at is null limit 1) bl on true
         left join lateral (select m.person_id from manager_post m
                            where m.project_id = p_project and m.person_id = p_person
                              and m.tenure_from <= p_day and (m.tenure_to is null or m.tenure_to >= p_day) limit 1) mp on true
         left join lateral (select w.id, w.entry_date, w.exit_date, w.contract_start, w.contract_end
                            from worker_engagement w
                            where w.project_id = p_project and w.person_id = p_person
                            order by (w.exit_date is null) desc, w.entry_date desc
                            limit 1) e on true
$$;

-- The same judgement for one person (gate decisions, rosters).
create function gate_refusal_reason(p_project bigint, p_person bigint, p_day date) returns text
    language sql stable as $$
    select reason from gate_refusals(p_project, p_person, p_day)
$$;
