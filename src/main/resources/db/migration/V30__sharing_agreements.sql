-- 数据共享: agreements under which another department (人社, 公安, a city's own system) reads the platform's data,
-- the nonces of its signed requests, and the log of every access, served or refused (io.siteroll.sharing).

create table sharing_agreement (
    id                bigserial primary key,
    consumer          text    not null,
    purpose           text    not null,
    legal_basis       text    not null,
    -- the fields granted, as SharedField names (the data sets follow from them)
    fields            text[]  not null,
    personal_in_clear boolean not null default false,
    -- region codes; each includes its subtree
    regions           text[]  not null,
    valid_from        date    not null,
    valid_to          date    not null,
    contact_name      text    not null,
    contact_phone     text    not null,
    contact_email     text    not null,
    rate_per_minute   int     not null check (rate_per_minute between 1 and 600),
    -- EXPIRED is not stored: it follows from valid_to and the platform's today
    state             text    not null check (state in ('APPLIED', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    client_id         text unique,
    secret_cipher     bytea,
    decision_note     text,
    applied_by        text    not null,
    applied_at        timestamptz not null,
    decided_by        text,
    decided_at        timestamptz,
    check (valid_to >= valid_from),
    check ((client_id is null) = (secret_cipher is null))
);
create index sharing_agreement_state_idx on sharing_agreement (state, id);

create table sharing_nonce (
    agreement_id bigint not null references sharing_agreement (id),
    nonce        text   not null,
    seen_at      timestamptz not null,
    primary key (agreement_id, nonce)
);

-- Every request to /api/sharing: agreement_id null when the client id named no agreement; refused_rule null when served.
create table sharing_access (
    id           bigserial primary key,
    agreement_id bigint references sharing_agreement (id),
    client_id    text,
    data_set     text,
    fields       text[]  not null default '{}',
    region_code  text,
    records      int     not null default 0,
    status       int     not null,
    refused_rule text,
    at           timestamptz not null
);
create index sharing_access_agreement_idx on sharing_access (agreement_id, at desc);
