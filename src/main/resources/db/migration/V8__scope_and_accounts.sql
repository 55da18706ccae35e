-- Login throttling: failed sign-ins counted per account (the submitted username, known or not) and per
-- client address within a window, and wrong current passwords when changing one's own (PASSWORD_CHANGE);
-- enough failures lock the key for a period that doubles with each lock. A locked key refuses every
-- attempt, even with the right password, until locked_until.
create table login_throttle (
    kind          text not null check (kind in ('ACCOUNT', 'ADDRESS', 'PASSWORD_CHANGE')),
    key           text not null,
    failures      int not null default 0,
    window_start  timestamptz not null,
    lock_count    int not null default 0,
    locked_until  timestamptz,
    primary key (kind, key)
);

-- When an account's password was last set (by its holder or by an officer's reset).
alter table account add column password_changed_at timestamptz;

create index worker_engagement_person_all_idx on worker_engagement (person_id);
