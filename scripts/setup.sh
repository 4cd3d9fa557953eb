#!/usr/bin/env bash
# Create .venv and install the project with the embedded model and the test tools.
# llama-cpp-python builds from source here (about 5 minutes the first time; pip caches it).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
source scripts/build-env.sh  # compiler flags for the llama.cpp build
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -c constraints.txt -e ".[local,dev,eval]"
ensure_no_amx .venv
