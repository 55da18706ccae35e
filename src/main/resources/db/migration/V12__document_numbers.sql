-- 文号: every department numbers the documents it issues, per kind and year, in its own series
-- (长住建整改〔2026〕12号: Changchun's housing bureau, rectification orders, 2026, the 12th). A document gets its
-- number once, the first time it is rendered, and keeps it; the series never reuses a serial. Owned by enforcement.
create table document_number (
    kind               text not null check (kind in ('RECTIFICATION_ORDER')),
    source_id          bigint not null,
    issuer_region_code char(6) not null references region (code),
    year               int not null,
    serial             int not null check (serial > 0),
    number             text not null unique,
    assigned_at        timestamptz not null default now(),
    primary key (kind, source_id),
    unique (issuer_region_code, kind, year, serial)
);
