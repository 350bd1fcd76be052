#!/usr/bin/env bash
# Installs the tools the tests use to check planpress's output:
#   Debian: chromium (headless browser), poppler-utils (pdftotext, pdfinfo), qpdf,
#           fonts-liberation (metric-compatible fonts for screenshots),
#           a Java runtime only if `java` is missing (for the Nu HTML Checker)
#   npm:    tests/js/node_modules from tests/js/package-lock.json
#           (vnu-jar, axe-core, playwright-core)
#   PyPI:   outloud and pdfua, two independent PDF/UA-1 checkers the PDF
#           tests run on the example plan
# Idempotent: anything already in place is skipped, so a second run takes
# well under a second. One line of output per step.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JS_DIR="$ROOT/tests/js"
STAMP="$JS_DIR/node_modules/.planpress-lock.sha256"

say() { printf 'install-test-tools: %s\n' "$*"; }

# --- privileges ------------------------------------------------------------
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    SUDO=(__no_root__)
  fi
fi

# --- Debian packages ---------------------------------------------------------
missing=()
command -v chromium  >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf      >/dev/null 2>&1 || missing+=(qpdf)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
command -v java      >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)

if [ "${#missing[@]}" -eq 0 ]; then
  say "apt: chromium, poppler-utils, qpdf, fonts-liberation, java already installed (skip)"
else
  if [ "${SUDO[0]:-}" = "__no_root__" ]; then
    say "apt: missing ${missing[*]} but not root and no sudo; install them by hand" >&2
    exit 1
  fi
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  run_logged() { "$@" >"$log" 2>&1 || { cat "$log" >&2; say "failed: $*" >&2; exit 1; }; }
  say "apt: apt-get update"
  run_logged "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  say "apt: installing ${missing[*]}"
  run_logged "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
  for c in chromium pdftotext qpdf java; do
    command -v "$c" >/dev/null 2>&1 || { say "apt: $c still missing after install" >&2; exit 1; }
  done
fi

# --- npm packages ------------------------------------------------------------
command -v node >/dev/null 2>&1 || { say "npm: node not found" >&2; exit 1; }
command -v npm  >/dev/null 2>&1 || { say "npm: npm not found" >&2; exit 1; }

lock_sum="$(cat "$JS_DIR/package-lock.json" "$JS_DIR/package.json" | sha256sum | cut -d' ' -f1)"
have_all=1
for p in vnu-jar axe-core playwright-core; do
  [ -f "$JS_DIR/node_modules/$p/package.json" ] || have_all=0
done
if [ "$have_all" -eq 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sum" ]; then
  say "npm: tests/js/node_modules matches package-lock.json (skip)"
else
  say "npm: npm ci in tests/js"
  # playwright-core downloads no browser; we drive Debian's /usr/bin/chromium.
  ( cd "$JS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
      npm ci --no-audit --no-fund --loglevel=error >/dev/null )
  printf '%s\n' "$lock_sum" > "$STAMP"
fi

# --- PyPI packages -----------------------------------------------------------
# Versions the PDF tests were written against; pip skips what is there.
py_missing=()
command -v outloud >/dev/null 2>&1 || py_missing+=("outloud==0.2.1")
command -v pdfua   >/dev/null 2>&1 || py_missing+=(pdfua)
if [ "${#py_missing[@]}" -eq 0 ]; then
  say "pip: outloud, pdfua already installed (skip)"
else
  command -v python3 >/dev/null 2>&1 || { say "pip: python3 not found" >&2; exit 1; }
  say "pip: installing ${py_missing[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${py_missing[@]}" >/dev/null \
    || { say "pip: installing ${py_missing[*]} failed" >&2; exit 1; }
  for c in outloud pdfua; do
    command -v "$c" >/dev/null 2>&1 || { say "pip: $c still missing after install (is pip's bin folder on PATH?)" >&2; exit 1; }
  done
fi

say "done"
