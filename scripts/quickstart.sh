#!/usr/bin/env bash
# Set up, then analyse the bundled example article on the embedded default model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/newsgrounder analyze examples/seed-iran-guards-warn.txt --format markdown
