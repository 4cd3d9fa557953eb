"""Greedy grammar sampling that checks one token, not the whole vocabulary, per step.

llama-cpp-python applies a JSON grammar to all ~150k candidate tokens at every step, which
made schema-constrained generation about 1.6x slower than free generation here. Under
greedy decoding the answer is the same if we take the top token when the grammar accepts
it and fall back to the full grammar pass only when it does not: the top token among the
grammar-valid ones is the global top token whenever that one is valid. llama.cpp's own
`common_sampler` does the same. Imported only when llama-cpp-python is installed.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import Llama

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)],
                       align=True)


class GreedyGrammarSampler:
    """Stands in for llama-cpp-python's sampler chain: `sample(ctx, idx)` returns a token."""

    def __init__(self, vocab: Any, grammar: Any, n_vocab: int) -> None:
        self._n_vocab = n_vocab
        self._grammar = None
        if grammar is not None:
            self._grammar = llama_cpp.llama_sampler_init_grammar(
                vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8"))
            if not self._grammar:
                raise ValueError("llama.cpp rejected the grammar")
        self._one = (llama_cpp.llama_token_data * 1)()
        self._free = llama_cpp.llama_sampler_free  # still reachable during interpreter exit

    def _accepts(self, token: int) -> bool:
        self._one[0] = llama_cpp.llama_token_data(token, 1.0, 0.0)
        arr = llama_cpp.llama_token_data_array(
            data=ctypes.cast(self._one, llama_cpp.llama_token_data_p), size=1, selected=-1,
            sorted=False)
        llama_cpp.llama_sampler_apply(self._grammar, ctypes.byref(arr))
        return not math.isinf(self._one[0].logit)

    def _best_valid(self, logits: np.ndarray) -> int:
        data = np.zeros(self._n_vocab, dtype=_TOKEN_DATA)
        data["id"] = np.arange(self._n_vocab, dtype=np.int32)
        data["logit"] = logits
        arr = llama_cpp.llama_token_data_array(
            data=data.ctypes.data_as(llama_cpp.llama_token_data_p), size=self._n_vocab,
            selected=-1, sorted=False)
        llama_cpp.llama_sampler_apply(self._grammar, ctypes.byref(arr))
        return int(data["id"][int(np.argmax(data["logit"]))])

    def sample(self, ctx: Any, idx: int = -1) -> int:
        ptr = llama_cpp.llama_get_logits_ith(ctx.ctx, idx)
        logits = np.ctypeslib.as_array(ptr, shape=(self._n_vocab,))
        token = int(np.argmax(logits))
        if self._grammar is not None:
            if not self._accepts(token):
                token = self._best_valid(logits)
            llama_cpp.llama_sampler_accept(self._grammar, token)
        return token

    def close(self) -> None:
        if self._grammar:
            self._free(self._grammar)
            self._grammar = None

    def __del__(self) -> None:
        self.close()


class FastGreedyLlama(Llama):  # type: ignore[misc]
    """`Llama` whose greedy, penalty-free sampling uses `GreedyGrammarSampler`."""

    def _init_sampler(self, *args: Any, **kwargs: Any) -> Any:
        neutral = (kwargs.get("temp", 0.8) == 0.0 and kwargs.get("repeat_penalty", 1.0) == 1.0
                   and not kwargs.get("frequency_penalty") and not kwargs.get("presence_penalty")
                   and kwargs.get("logits_processor") is None
                   and not kwargs.get("mirostat_mode") and not args)
        if not neutral:
            return super()._init_sampler(*args, **kwargs)
        return GreedyGrammarSampler(self._model.vocab, kwargs.get("grammar"), self._n_vocab)

    def close(self) -> None:
        """Free the grammar sampler before the model whose vocabulary it was built on."""
        # no module-level names here: this also runs from __del__ during interpreter exit
        closer = getattr(getattr(self, "_sampler", None), "close", None)
        if callable(closer):
            closer()
        super().close()
