-- maddy's environment on a remote host (NAME=value pairs separated by spaces), for the
-- {env:NAME} placeholders of its maddy.conf; NULL keeps postern.maddy.environment.
alter table remote_host add column maddy_environment varchar(2000);
-- What each health run saw of a domain's MTA-STS: the SHA-256 of the policy it fetched
-- and the id of the _mta-sts record. The id is wrong only when the policy changed since an
-- earlier run while the id stayed the same (senders then keep the old policy).
alter table health_result add column policy_digest varchar(64);
alter table health_result add column sts_id varchar(32);
