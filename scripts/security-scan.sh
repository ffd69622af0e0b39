#!/usr/bin/env bash
# npm run security:scan — sqlmap and wapiti (Debian packages) against a local
# production build (issue #6; results in docs/security.md).
#
# 1. builds if there is no build (SCAN_BUILD=1 forces one);
# 2. starts the production server on a throw-away embedded PostgreSQL with
#    the demo data, on a free port (SCAN_PORT to choose);
# 3. signs in as the demo partner and the demo official (session cookies)
#    and creates an API token for the official (npm run api-token);
# 4. records the server actions of a few forms (scripts/lib/security-scan/
#    capture-actions.ts) so that their JSON bodies can be attacked too;
# 5. runs sqlmap on every GET endpoint with parameters, the sign-in form,
#    the REST API and the recorded server actions, and wapiti crawling the
#    site with each session;
# 6. prints a summary; reports stay in the scan directory (SCAN_DIR, default
#    a new /tmp/bridgehead-scan-XXXXXX). Exit status 1 when anything is found,
#    2 when the scan could not run.
#
# Requires: apt-get install sqlmap wapiti (and chromium for step 4, as for
# the e2e tests). Takes 20-40 minutes; runs under `nice`.
# Tuning: SCAN_SQLMAP_LEVEL (1), SCAN_SQLMAP_RISK (1), SCAN_WAPITI_SECONDS
# (per crawl, 900), SCAN_SKIP=sqlmap|wapiti|actions (comma-separated).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

for tool in sqlmap wapiti curl node; do
  command -v "$tool" >/dev/null || {
    echo "security-scan: $tool is missing (apt-get install -y sqlmap wapiti curl)" >&2
    exit 2
  }
done

NICE=(nice -n "${SCAN_NICE:-10}")
LEVEL=${SCAN_SQLMAP_LEVEL:-1}
RISK=${SCAN_SQLMAP_RISK:-1}
WAPITI_SECONDS=${SCAN_WAPITI_SECONDS:-900}
SKIP=",${SCAN_SKIP:-},"
WORK=${SCAN_DIR:-$(mktemp -d /tmp/bridgehead-scan-XXXXXX)}
mkdir -p "$WORK"
# The embedded PostgreSQL runs as user postgres when we are root: it must enter.
chmod 755 "$WORK"
REPORTS=$WORK/reports
mkdir -p "$REPORTS"
PORT=${SCAN_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
BASE=http://127.0.0.1:$PORT
SUMMARY=$REPORTS/summary.txt
: >"$SUMMARY"

say() { printf '\n== %s\n' "$*"; }
note() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
skipped() { [[ $SKIP == *",$1,"* ]]; }

# ---------------------------------------------------------------- build
if [[ ! -f .next/BUILD_ID || ${SCAN_BUILD:-} == 1 ]]; then
  say "building (npm run build)"
  "${NICE[@]}" npm run build
fi

# ---------------------------------------------------------------- server
APP_PID=
cleanup() {
  local status=$?
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    # run-app.ts forwards SIGTERM to Next, then stops its embedded PostgreSQL.
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK/pg"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "starting the production server on $BASE (log: $WORK/app.log)"
SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')
EMBEDDED_PG_DIR="$WORK/pg" DATABASE_URL="" PORT="$PORT" NEXTAUTH_URL="$BASE" \
  NEXTAUTH_SECRET="$SECRET" NODE_ENV=production LOG_LEVEL=warn JOBS_WORKER=on \
  "${NICE[@]}" node --import tsx scripts/run-app.ts start >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 360); do
  if curl -fsS -o /dev/null "$BASE/api/ready" 2>/dev/null; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "security-scan: the server exited:" >&2
    tail -n 40 "$WORK/app.log" >&2
    exit 2
  fi
  if [[ $i == 360 ]]; then echo "security-scan: the server did not become ready" >&2; exit 2; fi
  sleep 0.5
done

# ---------------------------------------------------------------- sessions
DEMO_PASSWORD=hohhot-demo-2026
# Signs in through next-auth's credentials callback; prints the Cookie header.
sign_in() {
  local email=$1 jar=$WORK/$2.cookies csrf status
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/api/auth/csrf" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).csrfToken))')
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "email=$email" --data-urlencode "password=$DEMO_PASSWORD" \
    --data-urlencode "csrfToken=$csrf" --data-urlencode "callbackUrl=$BASE/en" \
    --data-urlencode "json=true" "$BASE/api/auth/callback/credentials")
  [[ $status == 200 ]] || { echo "security-scan: sign-in of $email answered $status" >&2; return 1; }
  # Netscape cookie jar -> "name=value; name=value" (HttpOnly lines start with #HttpOnly_).
  awk -F '\t' '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}
check_session() {
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$BASE/en/account")
  [[ $status == 200 ]] || { echo "security-scan: the $1 session does not work ($status)" >&2; exit 2; }
}

say "signing in as the demo partner and the demo official"
PARTNER_COOKIE=$(sign_in partner@bridgehead.example partner)
OFFICIAL_COOKIE=$(sign_in official@bridgehead.example official)
check_session partner "$PARTNER_COOKIE"
check_session official "$OFFICIAL_COOKIE"

say "creating an API token for the demo official (npm run api-token)"
API_TOKEN=$(EMBEDDED_PG_DIR="$WORK/pg" DATABASE_URL="" "${NICE[@]}" node --import tsx \
  scripts/api-token.ts official@bridgehead.example "security scan" | tail -n 1)
[[ $API_TOKEN =~ ^[A-Za-z0-9_-]{20,}$ ]] || { echo "security-scan: no API token" >&2; exit 2; }

# Values that exist in the demo data, so that the scanned pages show rows.
THEME=dairy
OPPORTUNITY=$(curl -fsS -H "Authorization: Bearer $API_TOKEN" "$BASE/api/v1/opportunities?limit=1" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const b=JSON.parse(s);console.log((b.items??b.data??b)[0]?.id??"")})')

echo "targets: theme $THEME, opportunity ${OPPORTUNITY:-(none found)}"

FOUND=0
FAILED=0

# ---------------------------------------------------------------- sqlmap
SQLMAP_COMMON=(--batch --level="$LEVEL" --risk="$RISK" --dbms=PostgreSQL
  --time-sec=2 --timeout=20 --retries=1 --flush-session --disable-coloring
  --drop-set-cookie --skip-waf --ignore-stdin -v 1)

# sqlmap NAME ARGS...: one target; its output in $REPORTS/sqlmap/NAME.
run_sqlmap() {
  local name=$1
  shift
  local out=$REPORTS/sqlmap/$name
  mkdir -p "$out"
  printf 'sqlmap %s\n' "$*" | sed -E "s/(Bearer |session-token=)[^ ;\"']+/\1<redacted>/g" >"$out/command.txt"
  say "sqlmap: $name"
  "${NICE[@]}" sqlmap "${SQLMAP_COMMON[@]}" --output-dir="$out" "$@" >"$out/stdout.txt" 2>&1 || true
  if grep -q "identified the following injection point" "$out/stdout.txt"; then
    note "sqlmap $name: INJECTION FOUND (see $out/stdout.txt)"
    FOUND=1
  elif grep -qE "all tested parameters do not appear to be injectable|do not appear to be injectable" "$out/stdout.txt"; then
    local tested
    tested=$(grep -oE "parameter '[^']+' does not seem to be injectable" "$out/stdout.txt" |
      sed -E "s/^parameter '([^']+)'.*/\1/" | sort -u | paste -sd, -)
    note "sqlmap $name: nothing found (not injectable: ${tested:-see stdout.txt})"
  else
    note "sqlmap $name: DID NOT COMPLETE (see $out/stdout.txt)"
    tail -n 5 "$out/stdout.txt"
    FAILED=1
  fi
}

if ! skipped sqlmap; then
  # The officials' review queue: free text, status, theme, country, score range, dates, sort.
  run_sqlmap review-queue -H "Cookie: $OFFICIAL_COOKIE" \
    -u "$BASE/en/official/interests?q=water&status=SUBMITTED&theme=$THEME&country=DE&min=10&max=90&from=2026-01-01&to=2027-12-31&sort=created&dir=desc&page=1" \
    -p "q,status,theme,country,min,max,from,to,sort,dir,page"
  # The officials' ranked partners of a theme, and the opportunities they manage.
  run_sqlmap theme-ranking -H "Cookie: $OFFICIAL_COOKIE" \
    -u "$BASE/en/official/themes/$THEME?country=DE&type=UNIVERSITY&min=10&coop=JOINT_RD&page=1" \
    -p "country,type,min,coop,page"
  run_sqlmap manage-opportunities -H "Cookie: $OFFICIAL_COOKIE" \
    -u "$BASE/en/official/manage?status=PUBLISHED&theme=$THEME&page=1" -p "status,theme,page"
  # The partner's suggestions.
  run_sqlmap matches -H "Cookie: $PARTNER_COOKIE" \
    -u "$BASE/en/matches?q=water&theme=$THEME&coop=JOINT_RD&deadline=90&sort=score&dir=desc&page=1" \
    -p "q,theme,coop,deadline,sort,dir,page"
  # The REST API (bearer token; 600 requests a minute per token, hence the delay).
  run_sqlmap api-theme-matches -H "Authorization: Bearer $API_TOKEN" --delay=0.12 \
    -u "$BASE/api/v1/themes/$THEME/matches?limit=10&offset=0" -p "limit,offset"
  # Path segments ("*" marks the injection point): a theme's slug, an opportunity's id.
  run_sqlmap api-theme-slug -H "Authorization: Bearer $API_TOKEN" --delay=0.12 \
    -u "$BASE/api/v1/themes/$THEME*/matches?limit=10&offset=0"
  run_sqlmap theme-page-slug -H "Cookie: $OFFICIAL_COOKIE" -u "$BASE/en/official/themes/$THEME*"
  if [[ -n $OPPORTUNITY ]]; then
    run_sqlmap api-opportunity-id -H "Authorization: Bearer $API_TOKEN" --delay=0.12 \
      -u "$BASE/api/v1/opportunities/$OPPORTUNITY*/matches?limit=10&offset=0"
  fi
  run_sqlmap api-opportunities -H "Authorization: Bearer $API_TOKEN" --delay=0.12 \
    -u "$BASE/api/v1/opportunities?limit=10&offset=0&theme=$THEME&status=PUBLISHED" \
    -p "limit,offset,theme,status"

  # The sign-in form (next-auth's credentials callback with its CSRF token).
  # Ten wrong passwords per address in 15 minutes are allowed: while the
  # password is attacked, the address changes on every request (--eval).
  LOGIN_JAR=$WORK/login.cookies
  LOGIN_CSRF=$(curl -fsS -c "$LOGIN_JAR" "$BASE/api/auth/csrf" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).csrfToken))')
  LOGIN_COOKIE=$(awk -F '\t' '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$LOGIN_JAR")
  LOGIN_DATA="email=someone%40example.org&password=not-the-password&csrfToken=$LOGIN_CSRF&callbackUrl=${BASE//:/%3A}%2Fen&json=true"
  # A wrong password is answered 401: that is the page to compare, not an error.
  run_sqlmap sign-in-email --ignore-code=401 -H "Cookie: $LOGIN_COOKIE" -u "$BASE/api/auth/callback/credentials" \
    --data="$LOGIN_DATA" -p email
  run_sqlmap sign-in-password --ignore-code=401 -H "Cookie: $LOGIN_COOKIE" -u "$BASE/api/auth/callback/credentials" \
    --data="$LOGIN_DATA" -p password \
    --eval="import random; email='scan-%d@example.org' % random.randint(1, 10**12)"
fi

# ---------------------------------------------------------------- server actions
if ! skipped sqlmap && ! skipped actions; then
  say "recording server actions of a few forms (capture-actions.ts)"
  if SCAN_BASE="$BASE" SCAN_PARTNER_COOKIE="$PARTNER_COOKIE" SCAN_OFFICIAL_COOKIE="$OFFICIAL_COOKIE" \
    SCAN_OUT="$WORK/actions" "${NICE[@]}" node --import tsx scripts/lib/security-scan/capture-actions.ts \
    >"$WORK/actions.log" 2>&1; then
    for request in "$WORK"/actions/*.txt; do
      [[ -e $request ]] || continue
      run_sqlmap "action-$(basename "$request" .txt)" -r "$request"
    done
  else
    note "server actions: could not be recorded (see $WORK/actions.log)"
    tail -n 20 "$WORK/actions.log"
    FAILED=1
  fi
fi

# ---------------------------------------------------------------- wapiti
WAPITI_MODULES=${SCAN_WAPITI_MODULES:-xss,permanentxss,sql,blindsql,exec,file,redirect,crlf,shellshock,methods,htaccess,backup}
# run_wapiti NAME COOKIE START_URL [wapiti options]: crawls START_URL's folder with that session.
run_wapiti() {
  local name=$1 cookie=$2 start=$3
  shift 3
  local out=$REPORTS/wapiti/$name
  mkdir -p "$out"
  say "wapiti: $name (at most ${WAPITI_SECONDS}s)"
  printf 'wapiti -u %s --scope folder -m %s --max-scan-time %s %s\n' "$start" "$WAPITI_MODULES" \
    "$WAPITI_SECONDS" "$*" | sed -E "s/(Bearer )[^ ]+/\1<redacted>/g" >"$out/command.txt"
  "${NICE[@]}" wapiti -u "$start" --scope folder -m "$WAPITI_MODULES" \
    --flush-session --store-session "$out/session" --store-config "$out/config" \
    --max-scan-time "$WAPITI_SECONDS" --max-attack-time "${SCAN_WAPITI_MODULE_SECONDS:-90}" \
    --max-links-per-page 60 --max-files-per-dir 40 -d 4 -t 20 --no-bugreport \
    ${cookie:+-H "Cookie: $cookie"} \
    -f json -o "$out/report.json" -v 1 "$@" >"$out/stdout.txt" 2>&1 || true
  if [[ ! -s $out/report.json ]]; then
    note "wapiti $name: DID NOT COMPLETE (see $out/stdout.txt)"
    tail -n 5 "$out/stdout.txt"
    FAILED=1
    return
  fi
  local result status
  result=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const found = Object.entries(r.vulnerabilities ?? {}).filter(([, list]) => list.length > 0);
    const anomalies = Object.entries(r.anomalies ?? {}).filter(([, list]) => list.length > 0);
    const lines = [];
    for (const [category, list] of found)
      for (const v of list) lines.push(`  ${category}: ${v.method} ${v.path} ${v.parameter ?? ""} — ${v.info}`);
    const summary = found.length === 0 ? "nothing found" : "FOUND " + found.map(([c, l]) => `${l.length} ${c}`).join(", ");
    const extra = anomalies.map(([c, l]) => `${l.length} ${c}`).join(", ");
    console.log(`${summary}; ${process.argv[2]} URLs and forms${extra ? `; anomalies: ${extra}` : ""}`);
    if (lines.length) console.log(lines.join("\n"));
    process.exitCode = found.length === 0 ? 0 : 3;
  ' "$out/report.json" "$(grep -oE 'found [0-9]+ URLs and forms' "$out/stdout.txt" | grep -oE '[0-9]+' || echo '?')") && status=0 || status=$?
  note "wapiti $name: $result"
  if [[ $status == 3 ]]; then FOUND=1; elif [[ $status != 0 ]]; then FAILED=1; fi
  # The crawl must not have signed itself out half-way (the attacks would then miss the pages behind the sign-in).
  if [[ -n $cookie ]] && [[ $(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/en/account") != 200 ]]; then
    note "wapiti $name: the session ended during the crawl: pages behind the sign-in may not all have been attacked"
    FAILED=1
  fi
}

if ! skipped wapiti; then
  run_wapiti official "$OFFICIAL_COOKIE" "$BASE/" \
    -s "$BASE/en/official/interests?q=water&status=SUBMITTED&sort=created" \
    -s "$BASE/en/official/themes/$THEME?country=DE&min=10" -s "$BASE/en/official/manage?status=DRAFT" \
    -s "$BASE/zh/official"
  run_wapiti partner "$PARTNER_COOKIE" "$BASE/" \
    -s "$BASE/en/matches?q=water&theme=$THEME" -s "$BASE/en/organisation/edit" -s "$BASE/en/interests"
  # The REST API only (its folder), with the bearer token.
  run_wapiti api "" "$BASE/api/v1/" -H "Authorization: Bearer $API_TOKEN" \
    -s "$BASE/api/v1/openapi.json" -s "$BASE/api/v1/themes" -s "$BASE/api/v1/themes/$THEME/matches?limit=10&offset=0" \
    -s "$BASE/api/v1/opportunities?limit=10&offset=0"
fi

# ---------------------------------------------------------------- summary
say "summary (reports in $REPORTS)"
{
  echo "target: $BASE (production build $(cat .next/BUILD_ID)), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "$(sqlmap --version 2>/dev/null | head -n 1 | sed 's/^/sqlmap /'); $(wapiti --version 2>&1 | grep -oE 'Wapiti-[0-9.]+' | head -n 1)"
} >>"$SUMMARY"
cat "$SUMMARY"
if [[ $FOUND == 1 ]]; then
  echo "security-scan: FINDINGS — read the reports above"
  exit 1
fi
if [[ $FAILED == 1 ]]; then
  echo "security-scan: some scans did not complete"
  exit 2
fi
echo "security-scan: nothing found"
