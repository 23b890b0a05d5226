#!/usr/bin/env bash
# make bench: the site against its peers (../shared/peer-bench), in one run on this machine.
#
#  1. a fresh PostgreSQL database awards_bench (dropped and recreated), migrated and seeded
#     (seed_bench: demo content, the "Benchmark Award" category with the peers' 12 questions,
#     bench users with drafts, surge users);
#  2. static files collected into a temporary folder, plus the anonymous category page saved
#     there as a file (the "same HTML served as a static file by the same server");
#  3. the site under gunicorn (2 sync workers, 127.0.0.1:8700, site_config.settings.bench);
#  4. the peers: peer-bench's setup.sh and serve.sh, under .bench/peers, same PostgreSQL;
#  5. loadgen: every scenario at concurrency 8, then `save` at concurrency 16 (the p99 target),
#     --rounds 2, --baseline peer_a (about 7 minutes: fixed by the durations);
#  6. team saves (bench/team_save.py): two people alternately saving different answers of one
#     entry, beside one person saving their own, concurrency 8, the same rounds and durations;
#  6b. sign-in (bench_signin): check_password timed in-process, and 8 sign-ins over HTTP;
#     bench_profile: each request in-process, SQL time against the rest;
#  7. the deadline surge (bench/surge.py): 300 entrants for 120 s, then up to 2 levels of 75 s
#     looking for the largest number that passes (at most about 6 minutes in all);
#  8. the export (bench_export): 10,000 submitted entries to CSV and to XLSX (2-3 minutes);
#  8b. the leaderboard (bench_leaderboard): one category, 500 entries, 5 judges each, 5 criteria,
#      timed in-process (its judges, seeded in step 1, also drive judge_get in step 5);
#  9. bench/report.py prints one Markdown table and writes docs/benchmarks.md.
#
# Everything it starts is stopped on exit (trap on EXIT). Loopback only. Time: about 15 minutes
# on an idle 2-core machine, more on a busy one; BENCH_SURGE_SEARCH=0 BENCH_SKIP_EXPORT=1
# brings it to about 10, BENCH_SKIP_SURGE=1 BENCH_SKIP_EXPORT=1 to about 8.
#
# Settings (environment):
#   BENCH_PG_URL           server URL without a database   postgresql://postgres@127.0.0.1:5432
#   BENCH_REDIS_URL        cache, as production uses it     redis://127.0.0.1:6379/3 (if it answers)
#   BENCH_DURATION         seconds per loadgen scenario     10
#   BENCH_ROUNDS           loadgen rounds                   2
#   BENCH_SURGE_ENTRANTS   surge entrants                   300
#   BENCH_SURGE_DURATION   surge seconds                    120
#   BENCH_SURGE_SEARCH     extra surge levels looking for the largest passing one   2
#   BENCH_SURGE_SEARCH_DURATION  seconds per extra level (same rates, shorter)      75
#   BENCH_SURGE_SIGN_IN    session: the surge's entrants get sessions made server-side before
#                          the clock (the HTTP sign-in cost is measured on its own); http: they
#                          sign in through the form (300 x the hasher's cost: minutes on 2 cores)
#   BENCH_SKIP_SURGE=1     leave the surge out
#   BENCH_EXPORT_ENTRIES   submitted entries for the export benchmark   10000
#   BENCH_SKIP_EXPORT=1    leave the export out
#   BENCH_REPORT           where the report goes            docs/benchmarks.md
#   PEER_BENCH_DIR         peer-bench                       ../shared/peer-bench from the repo
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
peer_bench=$(cd "${PEER_BENCH_DIR:-$repo/../shared/peer-bench}" && pwd)
work=$repo/.bench
python=$repo/.venv/bin/python
pg_url=${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}
port=8700
duration=${BENCH_DURATION:-10}
rounds=${BENCH_ROUNDS:-2}
surge_entrants=${BENCH_SURGE_ENTRANTS:-300}
surge_duration=${BENCH_SURGE_DURATION:-120}
surge_search=${BENCH_SURGE_SEARCH:-2}
surge_search_duration=${BENCH_SURGE_SEARCH_DURATION:-75}
surge_sign_in=${BENCH_SURGE_SIGN_IN:-session}
export_entries=${BENCH_EXPORT_ENTRIES:-10000}
report=${BENCH_REPORT:-$repo/docs/benchmarks.md}

say() { printf '\n== %s (%s)\n' "$*" "$(date +%H:%M:%S)" >&2; }

mkdir -p "$work"
results=$work/results
rm -rf "$results"
mkdir -p "$results"
static=$(mktemp -d "${TMPDIR:-/tmp}/awards-bench-static.XXXXXX")
pidfile=$work/gunicorn.pid

export DJANGO_SETTINGS_MODULE=site_config.settings.bench
export DATABASE_URL=$pg_url/awards_bench  # the peers add _peer_a and _peer_b to the name
export PEER_BENCH_HOME=$work/peers
export BENCH_STATIC_ROOT=$static
export PEER_BENCH_DIR=$peer_bench
unset DJANGO_DEBUG DJANGO_ALLOWED_HOSTS

# The peers' scripts, without our Django settings in their environment.
peers() { env -u DJANGO_SETTINGS_MODULE -u BENCH_STATIC_ROOT -u REDIS_URL "$peer_bench/$@"; }

stop_site() {
    [[ -f $pidfile ]] || return 0
    local pid
    pid=$(cat "$pidfile")
    # Only our own gunicorn master: a stale pid file may name someone else's process.
    if grep -qa "site_config.wsgi" "/proc/$pid/cmdline" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$pidfile"
}

cleanup() {
    local status=$?
    trap - EXIT
    stop_site
    peers serve.sh stop >&2 || true
    rm -rf "$static"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

case $pg_url in
    postgres://127.0.0.1[:/]* | postgresql://*@127.0.0.1[:/]* | postgres://*@127.0.0.1[:/]* | postgresql://127.0.0.1[:/]*) ;;
    *) echo "BENCH_PG_URL must be on 127.0.0.1" >&2; exit 2 ;;
esac
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "port $port is already taken: stop whatever serves it first" >&2
    exit 1
fi
redis_url=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
if "$python" -c "import redis, sys; redis.Redis.from_url(sys.argv[1], socket_timeout=2).ping()" "$redis_url" 2>/dev/null; then
    export REDIS_URL=$redis_url
else
    echo "no Redis at $redis_url: the site caches in local memory" >&2
    unset REDIS_URL
fi

# The surge's first level; its search (if any) creates more surge users as it needs them.
surge_users=$surge_entrants
if [[ ${BENCH_SKIP_SURGE:-} == 1 ]]; then surge_users=0; fi

export BENCH_LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_COMMIT="$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)"
started=$(date +%s)
export BENCH_STARTED="$(date '+%Y-%m-%d %H:%M %z')"

say "database awards_bench (fresh), migrate, seed_bench"
psql "$pg_url/postgres" -qX -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS awards_bench WITH (FORCE)" -c "CREATE DATABASE awards_bench" >&2
"$python" manage.py migrate --noinput -v0
"$python" manage.py seed_bench --spec "$peer_bench/projects/entry_form.json" --surge-users "$surge_users"
# The judged category of the leaderboard benchmark; its judges are judge_get's users.
"$python" manage.py bench_leaderboard --seed-only
"$python" manage.py collectstatic --noinput -v0
# The anonymous category page, byte for byte, as a static file served by the same server.
"$python" manage.py bench_snapshot "$static/bench/category-page.html"

say "the site: gunicorn, 2 sync workers, http://127.0.0.1:$port/"
start_site() {
    "$repo/.venv/bin/gunicorn" site_config.wsgi:application --chdir "$repo" \
        --bind "127.0.0.1:$port" --workers 2 --worker-class sync --daemon --no-control-socket \
        --pid "$pidfile" --error-logfile "$work/gunicorn.log"
    for _ in $(seq 300); do
        curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$port/healthz" && return 0
        sleep 0.2
    done
    echo "the site did not answer within 60 s; see $work/gunicorn.log" >&2
    exit 1
}
start_site
cat > "$results/awards-static.json" <<EOF
{
  "name": "awards_static",
  "description": "the same anonymous category page HTML, saved as a static file and served by WhiteNoise in the same gunicorn",
  "base_url": "http://127.0.0.1:$port",
  "server": "gunicorn, 2 sync workers, WhiteNoise",
  "users": {"username": "bench{n}@example.com", "password": "bench-pass-1234", "count": 16},
  "login": [],
  "scenarios": {
    "anon_get": {"about": "GET the saved HTML of the anonymous category page",
                 "requests": [{"method": "GET", "url": "/static/bench/category-page.html",
                               "expect_text": "Benchmark Award"}]}
  }
}
EOF

# The floor: a signed-in JSON view behind the same middleware that loads only the
# session and the user (bench/views.py); auth_get and save are reported against it.
cat > "$results/awards-floor.json" <<EOF
{
  "name": "awards_floor",
  "description": "a signed-in JSON view behind the site's middleware that loads only the session and the user",
  "base_url": "http://127.0.0.1:$port",
  "server": "gunicorn, 2 sync workers, the same process as the site",
  "users": {"username": "bench{n}@example.com", "password": "bench-pass-1234", "count": 16},
  "login": [
    {"method": "GET", "url": "/accounts/login/"},
    {"method": "POST", "url": "/accounts/login/",
     "form": {"login": "{username}", "password": "{password}"}, "expect_status": [302]}
  ],
  "scenarios": {
    "auth_get": {"about": "GET /bench/floor/ signed in: session and user, then a few bytes of JSON",
                 "auth": true,
                 "requests": [{"method": "GET", "url": "/bench/floor/", "expect_text": "signed_in"}]}
  }
}
EOF

say "the peers (peer-bench setup.sh and serve.sh)"
peers setup.sh >&2
peers serve.sh >&2

say "loadgen: every scenario, concurrency 8, $rounds rounds of $duration s"
"$peer_bench/loadgen.py" "$PEER_BENCH_HOME/peers.json" "$repo/bench/awards-bench.json" \
    "$results/awards-static.json" "$results/awards-floor.json" "$repo/bench/awards-judging.json" \
    --rounds "$rounds" --duration "$duration" --concurrency 8 \
    --baseline peer_a --json "$results/loadgen-c8.json" > "$results/loadgen-c8.md"
cat "$results/loadgen-c8.md" >&2

say "loadgen: save at concurrency 16 (the peers restarted and reseeded first)"
peers serve.sh >&2
"$peer_bench/loadgen.py" "$PEER_BENCH_HOME/peers.json" "$repo/bench/awards-bench.json" \
    --scenario save --rounds "$rounds" --duration "$duration" --concurrency 16 \
    --baseline peer_a --json "$results/loadgen-c16.json" > "$results/loadgen-c16.md"
cat "$results/loadgen-c16.md" >&2
peers serve.sh stop >&2

say "team saves: two people writing one entry, beside one person saving their own"
"$python" manage.py seed_bench --drafts-only --teams 8 >&2
"$python" bench/team_save.py --base-url "http://127.0.0.1:$port" --concurrency 8 \
    --duration "$duration" --rounds "$rounds" --json "$results/team-save.json" || true

say "sign-in: the configured password hasher, in-process and over HTTP"
"$python" manage.py bench_signin --http "http://127.0.0.1:$port" --sign-ins 8 --concurrency 2 \
    --json "$results/signin.json"

say "where the time goes: each request in-process, one at a time"
"$python" manage.py bench_profile --json "$results/profile.json"

if [[ ${BENCH_SKIP_SURGE:-} != 1 ]]; then
    say "deadline surge: $surge_entrants entrants, $surge_duration s"
    "$python" bench/surge.py --entrants "$surge_entrants" --duration "$surge_duration" \
        --search "$surge_search" --search-duration "$surge_search_duration" \
        --sign-in "$surge_sign_in" --django \
        --json "$results/surge.json" >&2 || true
fi

if [[ ${BENCH_SKIP_EXPORT:-} != 1 ]]; then
    say "export: $export_entries submitted entries to CSV and XLSX"
    "$python" manage.py bench_export --entries "$export_entries" \
        --json "$results/export.json" >&2 || true
fi

say "leaderboard: one category, 500 entries, 5 judges each, 5 criteria"
"$python" manage.py bench_leaderboard --json "$results/leaderboard.json" >&2 || true

say "versions and report"
BENCH_SECONDS=$(( $(date +%s) - started )) "$python" - "$results/environment.json" <<'PY'
import json, os, platform, sys
from importlib.metadata import version
import django
django.setup()
from django.conf import settings
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SHOW server_version")
    postgres = cursor.fetchone()[0]
cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
with open(sys.argv[1], "w") as file:
    json.dump({
        "python": platform.python_version(), "django": version("Django"),
        "wagtail": version("wagtail"), "gunicorn": version("gunicorn"), "postgresql": postgres,
        "cache": cache, "cpus": os.cpu_count(), "load_average_end": os.getloadavg(),
        "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
        "load_average_start": [float(x) for x in os.environ["BENCH_LOAD_START"].split()],
        "commit": os.environ["BENCH_COMMIT"],
        "started": os.environ["BENCH_STARTED"],
        "bench_seconds": int(os.environ["BENCH_SECONDS"]),
    }, file)
PY
"$python" bench/report.py "$results" --output "$report"
