-- A sharing agreement's secret can be reissued (重置密钥) by the province: when a department reports it leaked or
-- its staff changed. The client id stays; the old secret stops signing at once. When the secret in force was
-- issued is kept so that the page can say it; the approval issued the first one.
alter table sharing_agreement add column secret_issued_at timestamptz;
update sharing_agreement set secret_issued_at = decided_at where secret_cipher is not null;
alter table sharing_agreement add constraint sharing_agreement_secret_issued
    check ((secret_cipher is null) = (secret_issued_at is null));
