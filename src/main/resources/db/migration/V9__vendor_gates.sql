-- Issue 16: Hikvision ISAPI, Dahua and Uface gates connect with their own push protocols. They are
-- authenticated like ZKTeco devices (gate key kept as SHA-256 in zk_key_hash, source networks in
-- zk_networks: deny by default), so only the protocol code list grows.
alter table device drop constraint if exists device_protocol_check;
alter table device add constraint device_protocol_check
    check (protocol in ('SITEROLL', 'ZKTECO_ATT', 'ZKTECO_ACC', 'HIKVISION_ISAPI', 'DAHUA', 'UFACE'));
