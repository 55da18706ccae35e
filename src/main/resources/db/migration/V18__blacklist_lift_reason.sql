-- Why an officer lifted a blacklisting: the officers' page asks for it (an entry is never deleted, and whoever reads
-- the list later must see why the person may pass the gates again). Listings lifted before this column have none.
alter table gate_blacklist add column lift_reason text;
comment on column gate_blacklist.lift_reason is 'Why the listing was lifted (required on the officers'' page); null before V18';
