#!/bin/sh
# Prepares the docker-compose volumes, as root, before the services start: the sample
# files go in only where no file is yet (Postern edits them afterwards), then every volume
# belongs to uid 10001, the user Postern, Caddy and maddy run as in the demo.
set -eu

owner=10001:10001

seed() {
	if [ ! -e "$2" ]; then
		cp "/seed/$1" "$2"
		echo "setup: $2 from deploy/compose/$1"
	fi
}

mkdir -p /etc/caddy /etc/maddy /var/caddy/www /data /srv/caddy-data /srv/caddy-config /var/lib/postern
seed Caddyfile /etc/caddy/Caddyfile
seed maddy.conf /etc/maddy/maddy.conf
seed aliases /etc/maddy/aliases
chown -R "$owner" /etc/caddy /etc/maddy /var/caddy/www /data /srv/caddy-data /srv/caddy-config /var/lib/postern
