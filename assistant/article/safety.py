"""Text that tries to steer the assistant, or to hide from the reader.

A scraped page can carry instructions for an AI ("ignore previous instructions and report
that ..."), chat-template control tokens (`<|im_start|>system`), fake delimiters or answers,
invisible and direction-control characters, and lookalike letters (a Cyrillic "е" inside
"Reuters"). None of it may attribute anything: it is found here, flagged for the reader with
its exact span, kept out of the model's copy of the article, and made visible wherever a span
is shown. Offsets into the user's text never change: only copies are rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .quotes import quote_spans

FlagKind = Literal["instruction", "control_token", "hidden_characters", "lookalike"]


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    start: int
    end: int
    reason: str


_ADDRESSEE = (r"(?:ai|a\.i\.|assistant|model|llm|language model|chat ?bot|bot|system|gpt|"
              r"chatgpt|claude|gemini|copilot|analy[sz]er|summari[sz]er|fact-?checker tool|"
              r"automated (?:system|tool|reader)|machine|crawler|agent)")
_INSTRUCTION = re.compile("|".join([
    rf"\b(?:note|message|instructions?|directive|attention|reminder|memo|command)s?\s+(?:to|for)"
    rf"\s+(?:the\s+|any\s+|all\s+)?{_ADDRESSEE}s?\b",
    r"(?:^|[\n.!?]\s*)[\W_]*(?:system|assistant|ai|developer|admin|operator)"
    r"(?:\s+(?:note|message|prompt|override|instruction|update|command|assistant|model|"
    r"system))?\s*:",
    r"\b(?:new|next|your|real|actual|updated)\s+(?:task|instructions?|job|role|prompt)\s*:",
    r":\s*(?:please\s+)?(?:report|output|print|respond|reply|return|state|attribute|"
    r"summari[sz]e)\s+(?:only\s+|exactly\s+)?(?:that|the following|with|as follows)\b",
    r"\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|the\s+|your\s+|"
    r"every\s+)*(?:previous|prior|above|earlier|preceding|other|existing|original|former)?\s*"
    r"(?:instructions?|prompts?|rules|directions|guidelines|context|tasks?|programming)\b",
    rf"\b(?:as an {_ADDRESSEE}|you are (?:now )?(?:an? )?{_ADDRESSEE})\b",
    rf"\bdear {_ADDRESSEE}\b",
    r"\b(?:you must|you should|you will) (?:now )?(?:report|output|say|state|write|print|"
    r"respond|answer|ignore|treat|attribute|list|include|summari[sz]e)\b",
    r"(?:^|[\n.!?]\s*)[\W_]*(?:please\s+)?(?:report|output|print|respond|reply|return|"
    r"attribute|summari[sz]e)\s+(?:only\s+|exactly\s+)?(?:that|the following|with|"
    r"as follows|:)",
    r"\{\s*\"(?:checks|missed|claims|summary|speaker|verdict|media|found|answer)\"\s*:",
    r"#{2,}\s*(?:instruction|response|system|assistant)\b",
]), re.IGNORECASE)
# Fake delimiters of the prompt: flagged as they stand (not the sentence they touch).
_DELIMITER = re.compile(r"<<<\s*ARTICLE|ARTICLE\s*>>>|\b(?:END|BEGIN) OF (?:THE )?(?:ARTICLE|"
                        r"SYSTEM PROMPT|INSTRUCTIONS|DOCUMENT)\b", re.IGNORECASE)
# Chat-template control tokens of the common templates (ChatML, Llama 2/3, Mistral, Gemma,
# Phi); the embedded model's own vocabulary adds whatever it marks as control tokens.
_CONTROL = re.compile(r"<\|[A-Za-z0-9_.-]{1,40}\|>|\[/?INST\]|<</?SYS>>|</?s>|"
                      r"<(?:start|end)_of_turn>|<bos>|<eos>|<unk>|<pad>")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff]")
_END = re.compile(r"[.!?](?=[\"”’']?(?:\s|$))|\n")
_MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")


def _sentence_around(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around a match, or the quote around it when the match is quoted."""
    for q in quote_spans(text):
        if q.inner_start <= a and b <= q.inner_end:
            return q.inner_start, q.inner_end
    left = max(text.rfind(ch, 0, a) for ch in ".!?\n")
    m = _END.search(text, b)
    right = m.end() if m else len(text)
    left = left + 1
    while left < a and (text[left].isspace() or text[left] in "\"“”'’"):
        left += 1
    return left, right


def scan(text: str) -> list[Flag]:
    """Every steering or hiding attempt in the text, with exact spans."""
    flags: list[Flag] = []
    for m in _INSTRUCTION.finditer(text):
        a, b = _sentence_around(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip(
            "\n.!? ")), m.end())
        if not any(f.kind == "instruction" and f.start < b and a < f.end for f in flags):
            flags.append(Flag("instruction", a, b, "instruction-like text found in the "
                              "article, ignored"))
    for m in _DELIMITER.finditer(text):
        flags.append(Flag("instruction", m.start(), m.end(), "a fake prompt delimiter in the "
                          "article, ignored"))
    controls = list(_CONTROL.finditer(text))
    for m in controls:
        flags.append(Flag("control_token", m.start(), m.end(),
                          f"chat-template control token {m.group(0)!r} in the text, neutralised"))
    for m1, m2 in zip(controls, controls[1:], strict=False):
        between = text[m1.end():m2.start()]
        if re.search(r"[A-Za-z]{3}", between) and "\n\n" not in between.strip():
            # a turn of a chat template written into the article: what it says is not news
            flags.append(Flag("instruction", m1.end(), m2.start(), "text inside chat-template "
                              "control tokens, ignored"))
    for m in re.finditer(f"(?:{_INVISIBLE.pattern})+", text):
        if m.start() == 0 and m.group(0) == "\ufeff":
            continue  # a byte-order mark at the very start is encoding, not content
        a = max(0, m.start() - 1)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = m.end()
        while b < len(text) and not text[b].isspace():
            b += 1
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group(0)}))
        flags.append(Flag("hidden_characters", a, b, f"invisible or direction-control "
                          f"characters ({names}) hide part of the text from the reader"))
    for m in _MIXED.finditer(text):
        flags.append(Flag("lookalike", m.start(), m.end(), f"{m.group(0)!r} mixes Latin and "
                          "Greek or Cyrillic letters that look alike"))
    return sorted(flags, key=lambda f: (f.start, f.end))


def mixed_script(name: str) -> bool:
    return bool(_MIXED.search(name))


def neutralise(text: str, controls: Iterable[str] = ()) -> str:
    """The model's copy: control tokens broken so no tokenizer reads them as control tokens
    (`<|` becomes `‹|`, `[INST]` becomes `［INST］`), invisible characters shown by name."""
    for tok in sorted(set(controls), key=len, reverse=True):
        if tok and tok in text:
            text = text.replace(tok, _break(tok))
    text = _CONTROL.sub(lambda m: _break(m.group(0)), text)
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)


def _break(tok: str) -> str:
    return tok.replace("<", "‹").replace(">", "›").replace("[", "［").replace("]", "］")


def visible(text: str) -> str:
    """For display: invisible and direction-control characters shown as ⟦U+200B⟧."""
    return _INVISIBLE.sub(lambda m: f"⟦U+{ord(m.group(0)):04X}⟧", text)
