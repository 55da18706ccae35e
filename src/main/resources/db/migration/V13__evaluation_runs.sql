-- A monthly evaluation an officer starts from the page runs in the background; this row is what the page
-- shows while it runs and afterwards: its state, how far it has come, who started it and what it found.
create table evaluation_run (
    id             bigserial primary key,
    month          date not null,
    state          text not null check (state in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    step           text,
    started_by     text not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    projects_total int,
    projects_done  int not null default 0,
    evaluation_id  bigint references evaluation (id),
    raised         int,
    updated        int,
    withdrawn      int,
    unchanged      int
);

-- one run of a month at a time: a second start while one runs is refused
create unique index evaluation_run_one_running_per_month on evaluation_run (month) where state = 'RUNNING';
create index evaluation_run_recent on evaluation_run (started_at desc, id desc);
