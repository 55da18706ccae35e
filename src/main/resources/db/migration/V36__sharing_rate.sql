-- Requests per sharing agreement and minute of the platform clock, counted in the database: every application
-- node behind the load balancer counts the same minute, and a restart forgets nothing. Rows older than a quarter
-- of an hour are pruned with the nonces (NoncePruning).
create table sharing_rate (
    agreement_id bigint      not null references sharing_agreement (id),
    minute       timestamptz not null,
    requests     int         not null,
    primary key (agreement_id, minute)
);
