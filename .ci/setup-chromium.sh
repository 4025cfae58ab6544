# Headless Debian Chromium (and a font that draws Arabic) for tests/test_web.py, and the page's
# npm assets (`make web`: Leaflet and the Natural Earth country outlines).
# Sourced by .ci/run under `set -euo pipefail`: no `exit`, and every step that may fail is guarded,
# so that a missing piece leaves the browser tests to skip with their reason instead of aborting CI.

_marsad_apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
  }
}

if [ ! -x /usr/bin/chromium ]; then
  _marsad_apt_install chromium chromium-driver fonts-dejavu-core ||
    echo "setup-chromium: could not install Debian chromium; tests/test_web.py will skip" >&2
fi
if ! command -v npm >/dev/null 2>&1; then
  _marsad_apt_install nodejs npm || echo "setup-chromium: could not install npm; the web assets will be missing" >&2
fi
if command -v npm >/dev/null 2>&1; then
  make -f web.mk web >/dev/null || echo "setup-chromium: 'make web' failed; tests/test_web.py will skip" >&2
fi
unset -f _marsad_apt_install
