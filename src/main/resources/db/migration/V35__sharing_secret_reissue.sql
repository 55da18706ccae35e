-- A sharing agreement's secret can be reissued (重置密钥) by the province: when a department reports it leaked or
-- its staff changed. The client id stays; the old secret stops signing at once. Kept beside the decision (which
-- stays the approval's or suspension's): when the secret in force was issued, and for a reissued one by whom and why.
-- The approval issued the first secret.
alter table sharing_agreement
    add column secret_issued_at timestamptz,
    add column secret_reissued_by text,
    add column secret_reissue_note text;
update sharing_agreement set secret_issued_at = coalesce(decided_at, applied_at) where secret_cipher is not null;
alter table sharing_agreement add constraint sharing_agreement_secret_issued
    check ((secret_cipher is null) = (secret_issued_at is null));
