-- Settings a remote host has of its own, in place of the application's (postern.maddy.*,
-- postern.caddy.*, postern.units.*, postern.backups.dir). NULL keeps the application's
-- setting; an empty maddy_prefix runs maddy as the SSH user. One column per statement, so
-- the same file runs on H2 and PostgreSQL.
alter table remote_host add column maddy_binary varchar(1024);
alter table remote_host add column maddy_config varchar(1024);
alter table remote_host add column maddy_aliases varchar(1024);
alter table remote_host add column maddy_state_dir varchar(1024);
alter table remote_host add column maddy_cert_dir varchar(1024);
alter table remote_host add column maddy_prefix varchar(500);
alter table remote_host add column caddy_binary varchar(1024);
alter table remote_host add column caddyfile varchar(1024);
alter table remote_host add column caddy_web_root varchar(1024);
alter table remote_host add column caddy_data_dir varchar(1024);
alter table remote_host add column caddy_reload varchar(20);
alter table remote_host add column caddy_unit varchar(100);
alter table remote_host add column maddy_unit varchar(100);
alter table remote_host add column backups_dir varchar(1024);
