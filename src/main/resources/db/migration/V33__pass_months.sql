-- Pass months: the pass table has been range-partitioned by month of passed_at since V3 (one partition per calendar
-- month in Beijing time, named pass_YYYY_MM, created on first use by the ingestion). This migration gives the
-- database itself the two operations a growing province needs:
--   * create_pass_months(from, count): the partitions of count months from a month, created ahead of time (the
--     nightly job PassMonthsAhead keeps the next months ready, so the morning's first upload of a new month never
--     creates a table);
--   * detach_pass_month(month, backlog_days): an old month taken out of the pass table as a plain table of its own,
--     to be dumped and dropped by the operator (docs/growth.md), refused while passes for that month could still
--     be uploaded (the gates' offline backlog) or while the month is this month or later.
-- Nothing moves: existing rows already live in their month's partition. The dedupe key (device_id, source_key,
-- passed_at) already includes the partition key; a gate's retry resends the same event with the same device time,
-- so it meets the same key in the same partition and is a duplicate as before.

-- The month's partition bounds in Beijing time, as the ingestion computes them (PassPartitions).
create function pass_month_name(p_month date) returns text language sql immutable as $$
    select 'pass_' || to_char(date_trunc('month', p_month), 'YYYY_MM')
$$;

create function create_pass_months(p_from date, p_count int) returns int language plpgsql as $$
declare
    m date;
    created int := 0;
begin
    if p_count is null or p_count < 1 or p_count > 36 then
        raise exception 'create_pass_months: count must be between 1 and 36 (got %)', p_count;
    end if;
    -- the same lock the ingestion takes before creating a month, so that the two never race
    perform pg_advisory_xact_lock(hashtext('pass-partitions'));
    for i in 0 .. p_count - 1 loop
        m := (date_trunc('month', p_from) + make_interval(months => i))::date;
        if to_regclass(pass_month_name(m)) is null then
            execute format('create table %I partition of pass for values from (%L) to (%L)', pass_month_name(m),
                           make_timestamptz(extract(year from m)::int, extract(month from m)::int, 1, 0, 0, 0, 'Asia/Shanghai'),
                           make_timestamptz(extract(year from m + interval '1 month')::int,
                                            extract(month from m + interval '1 month')::int, 1, 0, 0, 0, 'Asia/Shanghai'));
            created := created + 1;
        end if;
    end loop;
    return created;
end $$;
comment on function create_pass_months(date, int) is
    'Owned by attendance (PassMonthsAhead): creates the pass partitions of p_count months from p_from (Beijing months); returns how many it created';

create function detach_pass_month(p_month date, p_backlog_days int default 31) returns text language plpgsql as $$
declare
    m         date := date_trunc('month', p_month)::date;
    today     date := (now() at time zone 'Asia/Shanghai')::date;
    part      text := pass_month_name(p_month);
    attached  boolean;
begin
    if m >= date_trunc('month', today)::date then
        raise exception 'detach_pass_month: % is this month or later; only past months can be archived', to_char(m, 'YYYY-MM');
    end if;
    if (m + interval '1 month')::date > today - coalesce(p_backlog_days, 31) then
        raise exception 'detach_pass_month: passes of % may still be uploaded (backlog of % days); wait until %',
            to_char(m, 'YYYY-MM'), coalesce(p_backlog_days, 31),
            ((m + interval '1 month')::date + coalesce(p_backlog_days, 31));
    end if;
    select exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                   where i.inhparent = 'pass'::regclass and c.relname = part) into attached;
    if not attached then
        raise exception 'detach_pass_month: % is not a partition of pass (already detached, or never created)', part;
    end if;
    execute format('alter table pass detach partition %I', part);
    return part;
end $$;
comment on function detach_pass_month(date, int) is
    'Owned by attendance (operators, docs/growth.md): detaches a past month''s pass partition for archiving; returns the table name';

-- The months around now, so that a fresh database (or one upgraded in the last days of a month) has them ready.
select create_pass_months(((now() at time zone 'Asia/Shanghai') - interval '1 month')::date, 4);
