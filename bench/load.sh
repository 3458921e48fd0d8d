#!/usr/bin/env bash
# Postern under load: start to ready, every page at 20 clients against the static CSS file,
# /login at one client, the 10 000-mailbox list, resident memory, a 5 000-site Caddyfile, a
# 100 000-line aliases file and a 120 MB API body. docs/benchmarks.md ("Pages, memory and
# start-up") explains every figure.
#
#   bench/load.sh JAR [OUTDIR]
#
# JAR is started as deploy/postern.service starts it: the JVM options between `java` and
# `-jar` of its ExecStart, its Environment= lines and WorkingDirectory=, with /opt/postern,
# /var/lib/postern and /etc/postern mapped into OUTDIR. When the unit runs an extracted jar
# or names a class-data archive, the install step extracts the jar and runs the training
# command docs/deploy.md gives before anything is measured.
#
# OUTDIR (default: a new folder under /tmp) must be missing, empty, or made by an earlier
# run (it is then emptied). It keeps the raw wrk output, Postern's log and summary.md.
#
# Bash reads this file as it runs it: do not edit it during a run.
#
# Everything runs on 127.0.0.1, on free ports. Settings from the environment:
#   BENCH_SECONDS=10          wrk duration of each page (2 for a quick check of the script)
#   BENCH_MAILBOX_SECONDS=30  wrk duration of the /mailboxes run that spans list refreshes
#   BENCH_WARMUP_SECONDS=2    warm-up of each page (and of the static file) before measuring
#   BENCH_REPEATS=5           timed requests of /sites and the domain page (after one warm-up)
#   BENCH_TIMEOUT=300         longest wait for one of those requests, in seconds
#   BENCH_START_TIMEOUT=600   longest wait for a start (or the training run), in seconds
#   BENCH_UNIT=FILE           the systemd unit to follow (default: deploy/postern.service of
#                             this checkout; give an older one to measure an older jar as it
#                             was deployed, e.g. from `git show REV:deploy/postern.service`)
#   BENCH_DEPLOY_DOC=FILE     the deployment notes to follow (default: docs/deploy.md)
#   BENCH_JAVA_OPTS="..."     JVM options added after the unit's (e.g. -Xmx256m)
set -euo pipefail

readonly REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly PAGE_SECONDS=${BENCH_SECONDS:-10}
readonly MAILBOX_SECONDS=${BENCH_MAILBOX_SECONDS:-30}
readonly WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-2}
readonly REPEATS=${BENCH_REPEATS:-5}
readonly BIG_TIMEOUT=${BENCH_TIMEOUT:-300}
readonly START_TIMEOUT=${BENCH_START_TIMEOUT:-600}
readonly UNIT=${BENCH_UNIT:-$REPO/deploy/postern.service}
readonly DEPLOY_DOC=${BENCH_DEPLOY_DOC:-$REPO/docs/deploy.md}
readonly MAILBOXES=10000
readonly SITES=5000
readonly ALIASES=100000
readonly BODY_MB=120
readonly MARKER=.postern-load

log() {
	printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
	log "load.sh: $*"
	exit 1
}

[[ $# -ge 1 && $# -le 2 ]] || die "usage: bench/load.sh JAR [OUTDIR]"
[[ -f $1 ]] || die "no jar at $1"
readonly JAR=$(realpath "$1")
for program in wrk curl awk ps; do
	command -v "$program" >/dev/null || die "$program is needed and not installed (Debian: apt install $program)"
done
[[ -f $UNIT ]] || die "no systemd unit at $UNIT"

# --- Where everything goes ---------------------------------------------------------------

prepare_outdir() {
	local dir=$1
	if [[ -e $dir && -n $(ls -A "$dir") ]]; then
		[[ -f $dir/$MARKER ]] || die "$dir is neither empty nor made by an earlier run: give another folder"
		rm -rf "${dir:?}"/* "$dir"/.postern-load
	fi
	mkdir -p "$dir"
	touch "$dir/$MARKER"
}

OUT=${2:-$(mktemp -d /tmp/postern-load.XXXXXX)}
prepare_outdir "$OUT"
OUT=$(realpath "$OUT")
readonly OUT
readonly ROOT=$OUT/server-root
readonly RAW=$OUT/raw
readonly COOKIES=$OUT/cookies.txt
readonly SUMMARY=$OUT/summary.md
readonly BASE_PASSWORD=load-$RANDOM$RANDOM$RANDOM
mkdir -p "$RAW"

# A port nothing listens on, chosen at random and checked with ss (or by connecting).
free_port() {
	local port
	while true; do
		port=$((20000 + RANDOM % 40000))
		if command -v ss >/dev/null; then
			ss -Htan "sport = :$port" | grep -q . || break
		elif ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			break
		fi
	done
	echo "$port"
}

readonly PORT=$(free_port)
readonly URL=http://127.0.0.1:$PORT

# --- The server root: the seed of src/test plus 10 000 mailboxes -------------------------

# The seed's mail domains, read from its maddy.conf: $(primary_domain) and $(local_domains).
seed_domains() {
	local conf=$ROOT/etc/maddy/maddy.conf primary
	primary=$(sed -n 's/^\$(primary_domain) = \(.*\)$/\1/p' "$conf")
	sed -n 's/^\$(local_domains) = \(.*\)$/\1/p' "$conf" | sed "s/\$(primary_domain)/$primary/"
}

lay_out_server_root() {
	mkdir -p "$ROOT"
	cp -R "$REPO/src/test/server-root/." "$ROOT/"
	cp -R "$REPO/src/test/standins" "$ROOT/standins"
	read -r -a DOMAINS <<<"$(seed_domains)"
	[[ ${#DOMAINS[@]} -gt 0 ]] || die "no domain in the seed's maddy.conf"
	DOMAIN=${DOMAINS[0]}
	# The maddy stand-in keeps one "address<TAB>standin-sha256:<hex>" line per mailbox in
	# credentials and one address per line in imap-accounts, as the seed's lines.
	local hash
	hash=standin-sha256:$(printf '%s' "mailbox-password" | sha256sum | cut -d' ' -f1)
	awk -v n=$MAILBOXES -v hash="$hash" -v domains="${DOMAINS[*]}" \
		-v creds="$ROOT/state/maddy/credentials" -v imap="$ROOT/state/maddy/imap-accounts" '
		BEGIN {
			count = split(domains, domain, " ")
			for (i = 0; i < n; i++) {
				address = sprintf("user%05d@%s", i, domain[i % count + 1])
				printf "%s\t%s\n", address, hash >>creds
				print address >>imap
			}
		}'
	log "server root in $ROOT: $(wc -l <"$ROOT/state/maddy/credentials") mailboxes over ${DOMAINS[*]}"
}

# --- The unit: how the jar is started ----------------------------------------------------

# The unit's paths, moved into OUTDIR.
map_paths() {
	sed -e "s#/opt/postern#$OUT/opt/postern#g" -e "s#/var/lib/postern#$OUT/var/lib/postern#g" \
		-e "s#/etc/postern#$OUT/etc/postern#g"
}

# A unit's setting, continuation lines joined; the last one wins (ExecStart, WorkingDirectory).
unit_value() {
	sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$UNIT" | sed -n "s/^$1=//p" | tail -n 1
}

# The words of a unit's line, one a line; quotes group words as systemd reads them
# (Environment="JAVA_TOOL_OPTIONS=-Xss256k -Xmx96m" is one assignment).
words_of() {
	xargs printf '%s\n' <<<"$1"
}

read_unit() {
	local exec_start words i
	exec_start=$(unit_value ExecStart | map_paths)
	[[ -n $exec_start ]] || die "$UNIT has no ExecStart"
	# systemd's prefixes (-, @, +, !) say how to run, not what.
	exec_start=${exec_start#[-@+!]}
	mapfile -t words < <(words_of "$exec_start")
	JAVA=${words[0]}
	[[ $(basename "$JAVA") == java ]] || die "ExecStart does not start java: $exec_start"
	[[ -x $JAVA ]] || JAVA=$(command -v java)
	JVM_OPTIONS=()
	for ((i = 1; i < ${#words[@]}; i++)); do
		[[ ${words[i]} == -jar ]] && break
		JVM_OPTIONS+=("${words[i]}")
	done
	((i + 1 < ${#words[@]})) || die "ExecStart has no -jar: $exec_start"
	APP_JAR=${words[i + 1]}
	APP_ARGUMENTS=("${words[@]:i+2}")
	WORKDIR=$(unit_value WorkingDirectory | map_paths)
	WORKDIR=${WORKDIR:-$OUT}
	UNIT_ENVIRONMENT=()
	while read -r line; do
		mapfile -t -O "${#UNIT_ENVIRONMENT[@]}" UNIT_ENVIRONMENT < <(words_of "$line")
	done < <(sed -n 's/^Environment=//p' "$UNIT" | map_paths)
	if [[ -n ${BENCH_JAVA_OPTS:-} ]]; then
		read -r -a extra <<<"$BENCH_JAVA_OPTS"
		JVM_OPTIONS+=("${extra[@]}")
	fi
	log "JVM options of $UNIT: ${JVM_OPTIONS[*]:-none}; runs $APP_JAR"
}

# The option's value when the unit gives it, e.g. option_value -XX:SharedArchiveFile.
option_value() {
	local option
	for option in "${JVM_OPTIONS[@]}"; do
		[[ $option == "$1="* ]] && echo "${option#*=}" && return 0
	done
	return 1
}

# Postern's settings: the sandbox server root and its stand-ins, as TestServerRoot gives
# them; no health run and no report fetch of their own, which would leave the loopback.
postern_arguments() {
	local dead_port
	dead_port=$(free_port)
	POSTERN_ARGUMENTS=(
		"--server.address=127.0.0.1" "--server.port=$PORT"
		"--postern.data-dir=$OUT/var/lib/postern"
		"--postern.maddy.binary=$ROOT/standins/maddy-standin"
		"--postern.maddy.config=$ROOT/etc/maddy/maddy.conf"
		"--postern.maddy.aliases=$ROOT/etc/maddy/aliases"
		"--postern.maddy.state-dir=$ROOT/var/lib/maddy"
		"--postern.maddy.cert-dir=$ROOT/etc/maddy/certs"
		"--postern.maddy.command-prefix="
		"--postern.caddy.binary=$(command -v caddy || echo "$ROOT/usr/local/bin/caddy")"
		"--postern.caddy.caddyfile=$ROOT/etc/caddy/Caddyfile"
		"--postern.caddy.web-root=$ROOT/var/caddy/www"
		"--postern.caddy.data-dir=$ROOT/var/lib/caddy"
		"--postern.systemctl.command-prefix=$ROOT/standins/standin"
		"--postern.health.first-run-delay=0"
		"--postern.reports.fetch-every=0"
		"--postern.dns.resolvers=127.0.0.1:$dead_port"
		"--postern.server.ipv4=127.0.0.1" "--postern.server.ipv6=::1"
	)
}

# --- Install: the jar where the unit wants it, extracted and trained when it says so -----

install_jar() {
	mkdir -p "$OUT/opt/postern" "$OUT/var/lib/postern" "$OUT/etc/postern" "$WORKDIR"
	# docs/deploy.md, step 1: the jar is installed as /opt/postern/postern.jar.
	cp "$JAR" "$OUT/opt/postern/postern.jar"
	if [[ $APP_JAR != "$OUT/opt/postern/postern.jar" ]]; then
		# The unit runs an extracted jar: Spring Boot's tools lay it out next to its lib/.
		local named=$OUT/install/$(basename "$APP_JAR")
		mkdir -p "$(dirname "$named")"
		cp "$JAR" "$named"
		log "extracting the jar into $(dirname "$APP_JAR")"
		"$JAVA" -Djarmode=tools -jar "$named" extract --force --destination "$(dirname "$APP_JAR")" \
			>"$OUT/install.log" 2>&1 || die "extracting failed, see $OUT/install.log"
		[[ -f $APP_JAR ]] || die "the extracted jar is not at $APP_JAR (unit: $UNIT)"
	fi
	local archive
	if archive=$(option_value -XX:SharedArchiveFile) && [[ ! -f $archive ]]; then
		train_archive "$archive"
	fi
}

# The training run that writes the class-data archive: the command of docs/deploy.md when
# it gives one (a line with ArchiveClassesAtExit), else the unit's own command with the
# archive recorded at exit and Spring stopping once the context is refreshed.
train_archive() {
	local archive=$1 documented command=()
	documented=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$DEPLOY_DOC" 2>/dev/null |
		grep -m1 -E '(^|[[:space:]])(/usr/bin/)?java .*-XX:ArchiveClassesAtExit' || true)
	if [[ -n $documented ]]; then
		# From `java` to the end of the command (a closing backtick ends it in running text).
		read -r -a command <<<"$(sed -e 's/^.*java /java /' -e 's/`.*$//' <<<"$documented" | map_paths)"
		command=("$JAVA" "${command[@]:1}")
		# The documented command runs against the server's files; the sandbox's come after.
		log "training the class-data archive as $(basename "$DEPLOY_DOC") says: ${command[*]}"
	else
		local option
		command=("$JAVA")
		for option in "${JVM_OPTIONS[@]}"; do
			[[ $option == -XX:SharedArchiveFile=* || $option == -Xshare:* ]] || command+=("$option")
		done
		command+=("-XX:ArchiveClassesAtExit=$archive" "-Dspring.context.exit=onRefresh" -jar "$APP_JAR")
		log "training the class-data archive: ${command[*]}"
	fi
	(cd "$WORKDIR" && exec env "${UNIT_ENVIRONMENT[@]}" POSTERN_ADMIN_PASSWORD="$BASE_PASSWORD" \
		timeout "$START_TIMEOUT" "${command[@]}" "${POSTERN_ARGUMENTS[@]}") >"$OUT/training.log" 2>&1 ||
		log "the training run ended with status $? (see $OUT/training.log)"
	[[ -f $archive ]] || die "the training run wrote no archive at $archive (see $OUT/training.log)"
}

# --- Starting and stopping ---------------------------------------------------------------

PID=

start_postern() {
	(cd "$WORKDIR" && exec env "${UNIT_ENVIRONMENT[@]}" POSTERN_ADMIN_PASSWORD="$BASE_PASSWORD" \
		"$JAVA" "${JVM_OPTIONS[@]}" -jar "$APP_JAR" "${APP_ARGUMENTS[@]}" "${POSTERN_ARGUMENTS[@]}") \
		>>"$OUT/postern.log" 2>&1 &
	PID=$!
}

# Milliseconds from now until /actuator/health first answers 200, polled every 50 ms.
wait_ready() {
	local started=$1 status
	while true; do
		kill -0 "$PID" 2>/dev/null || die "Postern stopped while starting, see $OUT/postern.log"
		status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$URL/actuator/health" || true)
		[[ $status == 200 ]] && break
		(($(date +%s) - started / 1000000000 < START_TIMEOUT)) ||
			die "not ready after $START_TIMEOUT s, see $OUT/postern.log"
		sleep 0.05
	done
	echo $((($(date +%s%N) - started) / 1000000))
}

stop_postern() {
	[[ -n $PID ]] || return 0
	if kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID" 2>/dev/null || true
		for _ in $(seq 1 100); do
			kill -0 "$PID" 2>/dev/null || break
			sleep 0.2
		done
		kill -KILL "$PID" 2>/dev/null || true
	fi
	wait "$PID" 2>/dev/null || true
	PID=
}

trap stop_postern EXIT
trap 'exit 130' INT TERM

running() {
	[[ -n $PID ]] && kill -0 "$PID" 2>/dev/null
}

# Why Postern is no longer running, from its log (-XX:+ExitOnOutOfMemoryError says so).
stopped_reason() {
	grep -m1 -o 'Terminating due to .*' "$OUT/postern.log" || echo "see $OUT/postern.log"
}

rss_mb() {
	local kilobytes
	if running && kilobytes=$(ps -o rss= -p "$PID"); then
		echo $((kilobytes / 1024))
	else
		echo "-"
	fi
}

# --- Logging in --------------------------------------------------------------------------

# The CSRF token of the form on a page already saved.
csrf_of() {
	sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1
}

log_in() {
	curl -s -c "$COOKIES" -b "$COOKIES" -o "$OUT/login.html" "$URL/login"
	local token answer
	token=$(csrf_of "$OUT/login.html")
	[[ -n $token ]] || die "no CSRF token in the login form"
	answer=$(curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
		--data-urlencode username=admin --data-urlencode "password=$BASE_PASSWORD" \
		--data-urlencode "_csrf=$token" "$URL/login")
	[[ $answer == 302* && $answer != *error* ]] || die "logging in failed: $answer"
	# Every cookie of the jar, as one Cookie header (curl marks HttpOnly cookies with a prefix).
	COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } /^#/ || NF < 7 { next } { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$COOKIES")
	[[ -n $COOKIE ]] || die "no session cookie after logging in"
}

# An API token made on /account/tokens as an admin makes one; its secret read from the page.
create_api_token() {
	curl -s -b "$COOKIES" -c "$COOKIES" -o "$OUT/tokens.html" "$URL/account/tokens"
	curl -s -L -b "$COOKIES" -c "$COOKIES" -o "$OUT/tokens.html" --data-urlencode name=load-benchmark \
		--data-urlencode scope=WRITE --data-urlencode "_csrf=$(csrf_of "$OUT/tokens.html")" "$URL/account/tokens"
	sed -n 's/.*<code class="secret">\([^<]*\)<\/code>.*/\1/p' "$OUT/tokens.html" | head -n 1
}

# --- wrk ---------------------------------------------------------------------------------

# A latency of wrk (1.2ms, 850.00us, 1.05s, 2.00m) in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /m$/) f = 60000; else f = 1000
		sub(/[a-z]+$/, "", v); printf "%.2f", v * f }'
}

# run_wrk NAME PATH THREADS CLIENTS SECONDS [anonymous]: raw output in raw/NAME.txt, and sets
# RPS, P50, P99 (ms) and ERRORS (answers other than 2xx and 3xx, plus socket errors). With
# "anonymous" the requests carry no session cookie.
run_wrk() {
	local name=$1 path=$2 file=$RAW/$1.txt cookie=(-H "Cookie: $COOKIE")
	[[ ${6:-} == anonymous ]] && cookie=()
	# A 10 s timeout rather than wrk's 2 s, so that slow answers count in the latencies.
	wrk -t"$3" -c"$4" -d"$5"s --timeout 10s --latency "${cookie[@]}" "$URL$path" >"$file" 2>&1 </dev/null ||
		die "wrk failed on $path, see $file"
	RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")
	P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
	P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
	# No answer within the run: wrk then prints latencies of zero.
	if awk '$2 == "requests" && $1 == 0 { found = 1 } END { exit !found }' "$file"; then
		P50="(none)" P99="(none)"
	fi
	ERRORS=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }' "$file")
}

share() {
	awk -v page="$1" -v static="$2" 'BEGIN { printf "%.1f %%", (static > 0 ? 100 * page / static : 0) }'
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The HTML pages that take no id, as their controllers map them.
pages() {
	printf '%s\n' / /health "/health/$DOMAIN" /reports /reports/settings "/reports/$DOMAIN" /audit \
		'/audit?log=commands' /sites /sites/new /services /services/fail2ban /services/firewall /hosts \
		/hosts/new /mailboxes /mailboxes/new /domains "/domains/$DOMAIN" /domains/new /aliases /aliases/new \
		/admins /admins/new /account /account/tokens /account/totp /backups /import
}

# --- The big files ---------------------------------------------------------------------

# 5 000 sites of the kinds Postern writes and a few it does not: static sites (some with
# gzip), reverse proxies, redirects, headers, basic auth.
big_caddyfile() {
	awk -v n=$SITES -v www="$ROOT/var/caddy/www" 'BEGIN {
		print "# 5 000 sites\n{\n\temail admin@xoyize.xyz\n}\n"
		print "(security_headers) {\n\theader {\n\t\tX-Content-Type-Options nosniff\n\t}\n}"
		for (i = 0; i < n; i++) {
			k = i % 10
			if (k < 4) {
				printf "\nsite%d.example.org, www.site%d.example.org {\n\troot * %s/site%d\n", i, i, www, i
				if (k == 0) print "\tencode gzip"
				print "\tfile_server\n}"
			} else if (k < 7) {
				printf "\napp%d.example.org {\n\treverse_proxy 127.0.0.1:%d\n}\n", i, 10000 + i
			} else if (k == 7) {
				printf "\nold%d.example.org {\n\tredir https://new%d.example.org{uri} permanent\n}\n", i, i
			} else if (k == 8) {
				printf "\nsecure%d.example.org {\n\troot * %s/secure%d\n\timport security_headers\n", i, www, i
				print "\theader X-Frame-Options DENY\n\tfile_server\n}"
			} else {
				printf "\nprivate%d.example.org {\n\troot * %s/private%d\n\tbasicauth {\n", i, www, i
				print "\t\talice $2a$14$8zS.6ZI8VXu42lmQvadh7uYwqyddvIEjCIoMdSJJMCQQe.2cOFfV2\n\t}\n\tfile_server browse\n}"
			}
		}
	}' >"$ROOT/etc/caddy/Caddyfile"
}

# The seed's aliases, then 100 000 more of one domain, every tenth with two targets.
big_aliases() {
	awk -v n=$ALIASES -v d="$DOMAIN" 'BEGIN {
		for (i = 0; i < n; i++) {
			printf "alias%06d@%s: user%05d@%s", i, d, i % 2000, d
			if (i % 10 == 0) printf ", team%03d@%s", i % 100, d
			printf "\n"
		}
	}' >>"$ROOT/etc/maddy/aliases"
}

# time_page PATH: one warm-up, then the median of REPEATS requests; sets TIME_MS, SIZE and
# STATUS (the last answer's), and BIG_ROW, the summary's words for them.
time_page() {
	local path=$1 name times=() answer failure
	name=$(tr -c 'a-zA-Z0-9.\n' '_' <<<"${path#/}")
	for ((r = 0; r <= REPEATS; r++)); do
		failure=0
		answer=$(curl -s -o "$RAW/big-$name.html" -w '%{http_code} %{time_total} %{size_download}' \
			--max-time "$BIG_TIMEOUT" -H "Cookie: $COOKIE" "$URL$path") || failure=$?
		read -r STATUS seconds SIZE <<<"$answer"
		((failure == 0)) || STATUS=$( ((failure == 28)) && echo timeout || echo "failed")
		log "GET $path: $STATUS in $seconds s, $SIZE bytes"
		# Postern goes on with a request curl gave up on: asking again would only pile them up.
		((failure == 0)) || break
		((r == 0)) || times+=("$seconds")
	done
	rm -f "$RAW/big-$name.html"
	if ! running; then
		BIG_ROW="Postern stopped: $(stopped_reason)"
	elif [[ $STATUS == timeout ]]; then
		BIG_ROW="no answer within $BIG_TIMEOUT s"
	elif [[ $STATUS == failed ]]; then
		BIG_ROW="no answer (curl failed)"
	else
		TIME_MS=$(printf '%s\n' "${times[@]}" | median | awk '{ printf "%.0f", $1 * 1000 }')
		BIG_ROW="$TIME_MS ms, $(megabytes "$SIZE") of HTML (status $STATUS)"
	fi
}

megabytes() {
	awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'
}

# A body of BODY_MB megabytes to the API with a write token: sets API_ROW.
post_big_body() {
	log "a $BODY_MB MB JSON body to /api/v1/aliases"
	local token body answer status seconds first_line alive
	token=$(create_api_token)
	[[ $token == pst_* ]] || die "no API token on /account/tokens"
	body=$OUT/body.json
	{
		printf '{"alias":"flood@%s","targets":"' "$DOMAIN"
		yes "someone@$DOMAIN, " | tr -d '\n' | head -c $((BODY_MB * 1024 * 1024)) || true
		printf 'last@%s"}' "$DOMAIN"
	} >"$body"
	answer=$(curl -s -o "$OUT/api-answer.txt" -w '%{http_code} %{time_total}' --max-time "$BIG_TIMEOUT" \
		-H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$body" \
		"$URL/api/v1/aliases" || true)
	rm -f "$body"
	read -r status seconds <<<"$answer"
	# No answer at all when the JVM died of the body.
	first_line=$(head -n 1 "$OUT/api-answer.txt" 2>/dev/null | cut -c 1-200) || first_line=""
	if running; then alive=yes; else alive="no ($(stopped_reason))"; fi
	API_ROW="status ${status:-none} in ${seconds:-?} s; JVM alive: $alive; RSS after: $(rss_mb) MB; answer: \`${first_line:-(none)}\`"
}

# ------------------------------------------------------------------------------------------

lay_out_server_root
read_unit
postern_arguments
install_jar

# A first start on an empty data folder (migrations, the first admin), as after an install;
# start to ready is measured on the second, as on every later start of the unit.
log "first start (empty database) on port $PORT"
started=$(date +%s%N)
start_postern
FIRST_START_MS=$(wait_ready "$started")
stop_postern
log "first start to ready: $FIRST_START_MS ms"

started=$(date +%s%N)
start_postern
START_MS=$(wait_ready "$started")
log "start to ready: $START_MS ms (pid $PID)"

log_in
{
	echo "| page | status | req/s | p50 | p99 | errors | share of static |"
	echo "|---|---|---|---|---|---|---|"
} >"$OUT/pages.md"

# A freshly started JVM interprets before it compiles: every page is asked for a while first,
# so that the figures below measure the code, not the warm-up.
log "warming up: ${WARMUP_SECONDS} s on each page"
run_wrk warmup /css/postern.css 1 4 "$WARMUP_SECONDS"
while read -r path; do
	run_wrk warmup "$path" 1 4 "$WARMUP_SECONDS"
done < <(pages)
rm -f "$RAW/warmup.txt"

log "static file, 20 clients, ${PAGE_SECONDS} s"
run_wrk static-first /css/postern.css 2 20 "$PAGE_SECONDS"
STATIC_FIRST=$RPS
STATIC_FIRST_LINE="| /css/postern.css (first) | 200 | $RPS | $P50 ms | $P99 ms | $ERRORS | |"

declare -A PAGE_RPS PAGE_LINE
while read -r path; do
	status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$URL$path" || true)
	name=page$(tr -c 'a-zA-Z0-9.\n' '_' <<<"$path")
	run_wrk "$name" "$path" 2 20 "$PAGE_SECONDS"
	log "$path: $status, $RPS req/s, p50 $P50 ms, p99 $P99 ms, $ERRORS errors"
	PAGE_RPS[$path]=$RPS
	PAGE_LINE[$path]="| $path | $status | $RPS | $P50 ms | $P99 ms | $ERRORS |"
done < <(pages)

run_wrk static-last /css/postern.css 2 20 "$PAGE_SECONDS"
STATIC_LAST=$RPS
STATIC=$(((STATIC_FIRST + STATIC_LAST) / 2))
log "static file: $STATIC_FIRST then $STATIC_LAST req/s, mean $STATIC"
{
	echo "$STATIC_FIRST_LINE"
	while read -r path; do
		echo "${PAGE_LINE[$path]} $(share "${PAGE_RPS[$path]}" "$STATIC") |"
	done < <(pages)
	echo "| /css/postern.css (last) | 200 | $RPS | $P50 ms | $P99 ms | $ERRORS | |"
} >>"$OUT/pages.md"

# The lowest and highest shares, and the page that has each.
read -r LOW_SHARE LOW_PAGE HIGH_SHARE HIGH_PAGE < <(for path in "${!PAGE_RPS[@]}"; do
	awk -v p="$path" -v r="${PAGE_RPS[$path]}" -v s="$STATIC" 'BEGIN { printf "%.1f %s\n", (s > 0 ? 100 * r / s : 0), p }'
done | sort -g | awk 'NR == 1 { low = $0 } { high = $0 } END { print low, high }')

log "/login and the static file at 1 client, ${PAGE_SECONDS} s each"
run_wrk login /login 1 1 "$PAGE_SECONDS" anonymous
LOGIN="without a session $P50 ms median, $RPS req/s"
# The same page asked by a logged-in admin, whose session the layout may read.
run_wrk login-with-session /login 1 1 "$PAGE_SECONDS"
LOGIN="$LOGIN; with the session $P50 ms median, $RPS req/s"
run_wrk static-one-client /css/postern.css 1 1 "$PAGE_SECONDS" anonymous
LOGIN="$LOGIN (static file: $P50 ms, $RPS req/s)"

log "/mailboxes at 20 clients for $MAILBOX_SECONDS s"
run_wrk mailboxes-long /mailboxes 2 20 "$MAILBOX_SECONDS"
MAILBOX_ROW="$(share "$RPS" "$STATIC") of static ($RPS req/s); p50 $P50 ms, p99 $P99 ms"
((ERRORS == 0)) || MAILBOX_ROW="$MAILBOX_ROW; $ERRORS errors"

RSS_AFTER_LOAD=$(rss_mb)
log "resident after the load: $RSS_AFTER_LOAD MB"

log "a $SITES-site Caddyfile and $ALIASES aliases of $DOMAIN"
big_caddyfile
big_aliases
time_page /sites
SITES_ROW=$BIG_ROW
time_page "/domains/$DOMAIN"
DOMAIN_ROW=$BIG_ROW

if running; then
	post_big_body
else
	API_ROW="not measured: Postern had stopped ($(stopped_reason))"
fi
log "API: $API_ROW"

stop_postern

{
	echo "## $(basename "$JAR") — $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	echo "Unit: $UNIT (JVM options: ${JVM_OPTIONS[*]:-none})"
	echo
	echo "| what | measured |"
	echo "|---|---|"
	echo "| pages at 20 clients, share of the static file's throughput | $LOW_SHARE % ($LOW_PAGE) to $HIGH_SHARE % ($HIGH_PAGE); static file $STATIC req/s |"
	echo "| \`/login\` at 1 client | $LOGIN |"
	echo "| \`/mailboxes\` with $MAILBOXES mailboxes, 20 clients, $MAILBOX_SECONDS s | $MAILBOX_ROW |"
	echo "| start to ready (\`/actuator/health\` answers) | $START_MS ms (first start, empty database: $FIRST_START_MS ms) |"
	echo "| resident memory after the load, as the unit starts it | $RSS_AFTER_LOAD MB |"
	echo "| \`/sites\` with a $SITES-site Caddyfile | $SITES_ROW |"
	echo "| \`/domains/$DOMAIN\` with $ALIASES alias lines | $DOMAIN_ROW |"
	echo "| $BODY_MB MB JSON body to \`/api/v1/aliases\` | $API_ROW |"
	echo
	echo "Pages, $PAGE_SECONDS s each at 20 clients (wrk -t2 -c20), share of the static file's mean ($STATIC req/s):"
	echo
	cat "$OUT/pages.md"
} >"$SUMMARY"
cat "$SUMMARY"
log "raw wrk output in $RAW, Postern's log in $OUT/postern.log"
