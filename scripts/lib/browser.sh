# Sourced by scripts/test: ensure_browser installs headless Chromium and its driver (and poppler-utils, to read PDFs)
# from Debian when absent, and a
# Python 3.12 virtual environment with Selenium, axe-selenium-python and pytest from PyPI (in .build-browser/venv).

debian_install() {
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The image's Python 3.12: on the PATH, else under pyenv, else from Debian.
find_python312() {
  if python3.12 -c 'import sys' >/dev/null 2>&1; then command -v python3.12; return; fi
  local p
  for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
    [ -x "$p" ] && { echo "$p"; return; }
  done
  debian_install python3.12 python3.12-venv && command -v python3.12
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "==> Installing Chromium and its driver from Debian" >&2
    debian_install chromium chromium-driver
  fi
  # pdftotext, pdftoppm and pdfinfo: the report test reads and renders a published PDF.
  if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    echo "==> Installing poppler-utils from Debian" >&2
    debian_install poppler-utils
  fi
  BROWSER_VENV=.build-browser/venv
  # Installed again whenever the requirements change (the copy beside the venv says what it holds).
  if [ ! -x "$BROWSER_VENV/bin/pytest" ] || ! cmp -s Tests/Browser/requirements.txt "$BROWSER_VENV/requirements.installed"; then
    echo "==> Installing Selenium, axe-selenium-python, pytest and readability (Python 3.12)" >&2
    local py; py=$(find_python312)
    [ -x "$BROWSER_VENV/bin/pip" ] || "$py" -m venv "$BROWSER_VENV"
    "$BROWSER_VENV/bin/pip" install -q -r Tests/Browser/requirements.txt
    cp Tests/Browser/requirements.txt "$BROWSER_VENV/requirements.installed"
  fi
  # Selenium must not try to download a driver: Debian's is used.
  export SE_OFFLINE=true
}
