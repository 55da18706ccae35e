-- Who is the project manager (项目经理) of a project over a period: the holder of the PROJECT_MANAGER post whose
-- tenure overlaps it, the latest appointed if several do (a change mid-period). One definition, used wherever a
-- rule, a warning or an order needs "the project manager": R1, R2 (the PM answers for other managers' duty),
-- R3, the early warnings and the parties of an order. A set-returning SQL function so the planner inlines it
-- into a lateral join: `left join lateral project_manager_during(p.id, :from, :to) pm on true`.
create function project_manager_during(p_project_id bigint, p_from date, p_to date)
    returns table (person_id bigint, manager_post_id bigint)
    language sql stable
as $$
    select mp.person_id, mp.id
    from manager_post mp
    where mp.project_id = p_project_id and mp.post = 'PROJECT_MANAGER'
      and mp.tenure_from <= p_to and (mp.tenure_to is null or mp.tenure_to >= p_from)
    order by mp.tenure_from desc, mp.id desc
    limit 1
$$;
