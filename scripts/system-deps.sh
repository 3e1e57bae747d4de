#!/usr/bin/env bash
# Debian packages Soliris needs beside Python: gettext (to compile the catalogues),
# Pango (WeasyPrint's text layout) and, for the tests, Chromium and LibreOffice Writer.
# Installs what is missing when run as root; otherwise prints the one command to run.
# `make bench` also needs wrk, the load generator it drives gunicorn with.
# Usage: scripts/system-deps.sh [--browser | --bench]
set -euo pipefail

missing=()
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The review packet's test has a real office suite write the annotated .odt back.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fi
if [ "${1:-}" = "--bench" ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[soliris] installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "[soliris] missing system packages: ${missing[*]}" >&2
  echo "[soliris] install them with:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
