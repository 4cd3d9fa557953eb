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
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import Llama
from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

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

    def eval(self, tokens: Any) -> None:
        """A draft's verification batch needs logits at every position; llama-cpp-python only
        gives them with logits_all=True, which also keeps them for every prompt token (n_ctx x
        152k floats, 5 GB at 8192). So short batches during drafting ask for all positions'
        logits, and prompts stay last-token-only. The sampler reads logits from the context
        (negative index into the batch), never from `self.scores`."""
        draft = getattr(self, "draft_model", None)
        if draft is None or not 1 < len(tokens) <= draft.num_pred_tokens + 1:
            return super().eval(tokens)
        self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
        self._batch.set_batch(batch=list(tokens), n_past=self.n_tokens, logits_all=True)
        self._ctx.decode(self._batch)
        self.input_ids[self.n_tokens:self.n_tokens + len(tokens)] = tokens
        self.n_tokens += len(tokens)
        self._requires_eval = False
        return None

    def close(self) -> None:
        """Free the grammar sampler before the model whose vocabulary it was built on."""
        # no module-level names here: this also runs from __del__ during interpreter exit
        closer = getattr(getattr(self, "_sampler", None), "close", None)
        if callable(closer):
            closer()
        super().close()


class LookupDraft(LlamaPromptLookupDecoding):  # type: ignore[misc]
    """Prompt-lookup drafting: guess the next tokens by finding the last few tokens earlier in
    the prompt or the answer. Our answers copy much (ids, speaker names, the JSON keys of
    each item), so several guesses hold per step, and one batch checks them all; greedy
    sampling still picks every token from the model's logits, so a wrong guess costs time,
    not a different answer (up to the last bits of batched arithmetic on near-ties).
    Two changes to llama-cpp-python's version: the latest earlier match, not the first (the
    JSON item just written predicts the next better than a sentence of the article), and no
    one-token matches (they guessed wrong too often to pay for the batch)."""

    def __init__(self, num_pred_tokens: int = 6, ngram_sizes: tuple[int, ...] = (3, 2)) -> None:
        super().__init__(max_ngram_size=max(ngram_sizes), num_pred_tokens=num_pred_tokens)
        self.ngram_sizes = ngram_sizes
        self.proposed = 0

    def __call__(self, input_ids: Any, /, **kwargs: Any) -> Any:
        ids = np.asarray(input_ids)
        for size in self.ngram_sizes:
            if len(ids) <= size + 1:
                continue
            windows = np.lib.stride_tricks.sliding_window_view(ids[:-1], size)
            hits = np.nonzero(np.all(windows == ids[-size:], axis=1))[0]
            if len(hits):
                start = int(hits[-1]) + size
                draft = ids[start:start + self.num_pred_tokens].astype(np.intc)
                self.proposed += len(draft)
                return draft
        return np.array([], dtype=np.intc)


@contextmanager
def no_draft(llama: Any) -> Iterator[Any]:
    """Drafting off for a while: prose answers (client.DRAFT_STAGES) and the bench's raw
    speeds, whose limit is the machine's one-token-at-a-time floor."""
    saved = getattr(llama, "draft_model", None)
    llama.draft_model = None
    try:
        yield llama
    finally:
        llama.draft_model = saved
