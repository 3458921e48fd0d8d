-- The reports mailbox as set on /reports/settings: one row, the password sealed with
-- AES-GCM under a key kept in the data folder, never in the database.
create table report_settings (
    id bigint primary key,
    host varchar(255) not null,
    port integer not null,
    username varchar(255) not null,
    password_sealed varchar(1000) not null,
    folder varchar(255) not null,
    server_name varchar(255),
    updated_at timestamp with time zone not null
);
