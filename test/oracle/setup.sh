#!/bin/sh
# Installs the oracle's uWSGI (Debian's modular 2.0.21 build and its python3 plugin) when missing.
# CI runs this as root before `npm run test:oracle`.
set -e
if command -v uwsgi >/dev/null 2>&1 && [ -e /usr/lib/uwsgi/plugins/python3_plugin.so ]; then
  echo "uwsgi already installed: $(uwsgi --version)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "run as root (apt-get install -y uwsgi-core uwsgi-plugin-python3)" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y uwsgi-core uwsgi-plugin-python3
echo "installed: $(uwsgi --version)"
