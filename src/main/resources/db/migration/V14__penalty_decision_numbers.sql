-- 行政处罚决定书 are numbered in the deciding department's own series too (长住建罚〔2026〕3号), beside its
-- rectification orders. Owned by enforcement.
alter table document_number drop constraint document_number_kind_check;
alter table document_number add constraint document_number_kind_check
    check (kind in ('RECTIFICATION_ORDER', 'PENALTY_DECISION'));
