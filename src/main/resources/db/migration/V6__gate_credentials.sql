-- ZKTeco PUSH devices authenticate (deny by default): a communication key (pushcommkey) issued by the
-- platform and kept only as its SHA-256, and/or the source networks the device may connect from.
-- A device with neither is refused. A request carrying the key opens a session bound to the
-- device and the address it came from; later requests from that address need no key until the
-- session has been idle too long.
alter table device
    add column zk_key_hash      bytea,
    add column zk_key_issued_at timestamptz,
    add column zk_networks      cidr[];

create table zk_session (
    device_id      bigint primary key references device (id),
    remote_address inet not null,
    opened_at      timestamptz not null,
    seen_at        timestamptz not null
);

-- A pass whose person reference is an identity number (ID-card readers) keeps only the number's
-- blind index (HMAC-SM3, as person.id_number_index) and its masked form in person_ref.
alter table pass add column person_ref_index bytea;
create index pass_person_ref_index on pass (device_id, person_ref_index, passed_at) where person_ref_index is not null;

-- Raw device uploads are kept encrypted (they carry names, identity numbers, templates).
alter table device_upload add column encrypted boolean not null default false;

-- Passes stored before: mask identity numbers kept in clear. Their blind index cannot be computed in
-- SQL (the key lives with the platform), and the "person id" read from the digits named nobody.
update pass set source_key = regexp_replace(source_key, person_ref,
                                            left(person_ref, 6) || repeat('*', length(person_ref) - 10) || right(person_ref, 4),
                                            'gi') || '#' || id,
                person_ref = left(person_ref, 6) || repeat('*', length(person_ref) - 10) || right(person_ref, 4),
                person_id = null
where person_ref ~ '^([0-9]{15}|[0-9]{17}[0-9Xx])$';
update gate_refusal set person_ref = left(person_ref, 6) || repeat('*', length(person_ref) - 10) || right(person_ref, 4)
where person_ref ~ '^([0-9]{15}|[0-9]{17}[0-9Xx])$';
