#!/usr/bin/env bash
# Build the sdist and the wheel, install the wheel into a fresh virtual environment outside the
# checkout, and use it from there: the CLI, the Python API with a scripted client, and one
# analysis on the embedded model (reusing the model file in NEWSGROUNDER_CACHE_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/build-env.sh  # if pip has to build llama-cpp-python again
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
.venv/bin/python -m build --no-isolation --outdir "$WORK/dist" >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log"; exit 1; }
ls "$WORK"/dist/*.tar.gz >/dev/null
WHEEL=$(ls "$WORK"/dist/*.whl)
"${PYTHON:-python3}" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --upgrade pip
"$WORK/venv/bin/pip" install -q -c "$ROOT/constraints.txt" "$WHEEL[local]"
ensure_no_amx "$WORK/venv"
cd "$WORK"
NG="$WORK/venv/bin/newsgrounder"
"$NG" --version
"$NG" schema > schema.json
"$WORK/venv/bin/python" - <<'PY'
"""The Python API of the installed wheel, with a scripted model through the client seam."""
import json
import assistant
from openai.types.chat import ChatCompletion
from assistant import LLMClient, Settings, analyze
from assistant.examples_data import read

assert "site-packages" in assistant.__file__, assistant.__file__

def create(**kw):
    task = kw["messages"][-1]["content"]
    answer = {"checks": [], "missed": [], "media": []} if "check who said" in task else \
        {"summary": "Officials gave differing accounts of what happened."}
    return ChatCompletion.model_validate({
        "id": "x", "object": "chat.completion", "created": 0, "model": "scripted",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": json.dumps(answer)}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

settings = Settings(backend="embedded", model="scripted", schema_format="json",
                    response_cache=False)
client = LLMClient(create, model="scripted", backend="fake", settings=settings)
result = analyze(text=read("seed-iran-guards-warn"), client=client, settings=settings)
assert result.claims and result.sourced_facts, "no claims or facts from the installed wheel"
print(f"python API: {len(result.claims)} claims, {len(result.sourced_facts)} facts, "
      f"prompt version {result.meta.prompt_version}")
PY
"$NG" analyze --example short-harbor-note --format markdown -q > harbor.md
grep -q "## Claims" harbor.md
echo "installed wheel: schema, Python API and an embedded-model analysis all work outside the checkout"
