-- 通报: a department's monthly notice on its region (issue 12). A draft holds the narrative its officers write; the
-- figures are drafted from the platform's records whenever the draft is shown. Issuing numbers the notice in the
-- department's series (吉住建通〔2026〕3号: one series per issuing region and year, serials never reused), dates it and
-- stores the figures it states. An issued notice never changes (the trigger below); a correction is a new notice
-- that names the one it corrects. Owned by the notice module.
create table notice (
    id          bigserial primary key,
    region_code char(6) not null references region (code),
    month       date not null check (extract(day from month) = 1),
    status      text not null check (status in ('DRAFT', 'ISSUED')),
    preface     text not null,
    measures    text not null,
    closing     text not null,
    corrects_id bigint references notice (id),
    drafted_by  text not null,
    drafted_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    number      text unique,
    year        int,
    serial      int check (serial > 0),
    issued_on   date,
    issued_by   text,
    issued_at   timestamptz,
    figures     jsonb,
    unique (region_code, year, serial),
    check ((status = 'ISSUED') = (number is not null)),
    check (status = 'DRAFT' or (year is not null and serial is not null and issued_on is not null
                                and issued_by is not null and issued_at is not null and figures is not null))
);
create index notice_region_month on notice (region_code, month desc, id desc);
create index notice_corrects on notice (corrects_id) where corrects_id is not null;

create function notice_issued_is_final() returns trigger language plpgsql as
$$
begin
    if old.status = 'ISSUED' then
        raise exception 'notice % is issued and final: correct it with a new notice', old.id;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;
create trigger notice_issued_final before update or delete on notice
    for each row execute function notice_issued_is_final();
