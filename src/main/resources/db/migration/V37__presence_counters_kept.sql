-- The month presence counters (presence_month, V34) are kept by row triggers' statement-level transition tables, which
-- a TRUNCATE does not fire. R2 rules posts out from those counters (MonthlyEvaluator), so a counter left above the
-- days would hide findings: daily presence is evidence and is never truncated; delete its rows instead (the
-- triggers then take them off the counters).
create function daily_presence_kept() returns trigger language plpgsql as
$$
begin
    raise exception 'daily_presence: truncate refused; delete the rows so that the month presence counters follow'
        using errcode = 'restrict_violation';
end
$$;
create trigger daily_presence_not_truncated before truncate on daily_presence execute function daily_presence_kept();

-- The days of the calendar month that begins on (or contains) a day: what R2's lower bound subtracts from.
create function month_length(p_day date) returns int language sql immutable as
$$
select ((date_trunc('month', p_day) + interval '1 month')::date - date_trunc('month', p_day)::date)
$$;
