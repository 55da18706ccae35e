-- The right to pass (gate_refusals) picks a person's latest engagement on the project: the open one, else the one
-- entered last. Two engagements entered the same day (both exited) left the pick to the row order on disk; the
-- newest row now decides, so the rule answers the same everywhere it is asked (SQL, the gates' in-memory right
-- to pass, rosters). The rule is otherwise unchanged.
create or replace function gate_refusals(p_project bigint, p_person bigint, p_day date) returns table (reason text)
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
                            order by (w.exit_date is null) desc, w.entry_date desc, w.id desc
                            limit 1) e on true
$$;
