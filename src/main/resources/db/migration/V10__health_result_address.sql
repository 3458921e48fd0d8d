-- A check made once per address of a host (TLS on each port, PTR) keeps the address it
-- was made at: each address has its own history and alerts, while a mute still covers
-- the check at every address.
alter table health_result add column address varchar(64);
