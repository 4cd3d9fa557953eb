# Sourced by setup.sh and check_install.sh before pip builds llama-cpp-python from source.
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# llama.cpp's AMX kernels (built in when the compiler targets a CPU with AMX, as -march=native
# does on Sapphire Rapids and later) crash in their matrix multiply on this model's Q4_K
# weights (ggml-org/llama.cpp#20824; seen here: a segfault on the first decode). Build
# without them: the AVX2/AVX-512 kernels and weight repacking stay, and on a CPU without
# AMX the flags change nothing.
if [ "$(uname -m)" = "x86_64" ]; then
  NO_AMX="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
  export CFLAGS="${CFLAGS:-} $NO_AMX" CXXFLAGS="${CXXFLAGS:-} $NO_AMX"
fi

# A llama-cpp-python wheel built elsewhere with AMX (pip reuses its wheel cache whatever the
# flags) is rebuilt once: `ensure_no_amx VENV` after installing into VENV.
ensure_no_amx() {
  local py="$1/bin/python"
  if "$py" -c "import llama_cpp, sys; sys.exit('AMX_INT8 = 1' in llama_cpp.llama_print_system_info().decode())" 2>/dev/null; then
    return 0
  fi
  echo "llama-cpp-python was built with AMX kernels: rebuilding it without them (about 5 minutes)" >&2
  "$1/bin/pip" cache remove 'llama_cpp_python*' >/dev/null 2>&1 || true
  "$1/bin/pip" install -q --no-cache-dir --force-reinstall --no-deps \
    -c "$ROOT_DIR/constraints.txt" \
    "llama-cpp-python[server]"
}
