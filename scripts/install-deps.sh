#!/usr/bin/env bash
# Installs the Debian packages xxgk needs to build and test, when they are
# missing. Idempotent and quiet when everything is there. Run as root (CI
# and the project machines are); otherwise it prints the command to run.
set -euo pipefail

# Build and library dependencies (see README "Dependencies" for why each).
packages=(
  build-essential cmake pkg-config
  libutf8proc-dev      # Unicode compatibility folding of labels
  libjansson-dev       # reading JSON models
  libxml2-dev          # HTML and DOCX XML
  libzip-dev           # DOCX/XLSX containers
  libsqlite3-dev       # the report store
  nettle-dev           # SHA-256 of the store's files
  libxlsxwriter-dev    # XLSX output
  libopencc-dev opencc # traditional → simplified Chinese
  # MuPDF (PDF text with positions) and what its static archive links to
  libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev
  libjpeg-dev libfreetype-dev libharfbuzz-dev zlib1g-dev
  # test tools
  valgrind zip unzip
  # the DOCX writer's test: LibreOffice converts a rendered DOCX of each
  # sample to PDF (about 200 MB once; the test takes seconds), with CJK
  # fonts to set it in and poppler to read the PDF back
  libreoffice-writer-nogui fonts-noto-cjk poppler-utils
  # free serif, kai and song faces the DOCX font table names as fallbacks
  # for 仿宋_GB2312, 楷体_GB2312 and 宋体 (fonts-noto-cjk: Noto Serif/Sans CJK)
  fonts-arphic-ukai fonts-arphic-uming
  # the desk's test reads the summary workbook back through LibreOffice Calc
  libreoffice-calc-nogui
  # xxgk serve: the HTTP server, password hashing (argon2id)
  libmicrohttpd-dev libargon2-dev
  # xxgk serve's tests: curl drives the flows, tidy checks the pages, a
  # real browser (Debian's chromium, driven by puppeteer-core from npm)
  # types into the editor
  curl tidy chromium
)
# node and npm for the browser test: Debian's, unless a node is already
# there (a node from elsewhere brings its own npm, and Debian's npm
# package would conflict with it)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(pandoc time)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
# Optional: reading legacy DOC/WPS, and tests/fixtures/make_office.sh.
if [[ "${1:-}" == "--office" ]]; then
  packages+=(libreoffice-writer-nogui fonts-noto-cjk)
fi

# The browser test's npm packages (tests/browser/package-lock.json), from
# the npm registry, once: after the Debian packages below.
browser_packages() {
  local dir
  dir=$(cd "$(dirname "$0")/../tests/browser" && pwd)
  [[ -d $dir/node_modules/puppeteer-core ]] && return 0
  command -v npm >/dev/null || return 0
  echo "xxgk: installing the browser test's npm packages (npm ci in tests/browser)" >&2
  (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    echo "xxgk: npm ci failed; the browser test will be skipped" >&2
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  browser_packages
  exit 0
fi

echo "xxgk: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  echo "xxgk: not root; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
browser_packages
