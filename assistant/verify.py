"""Checking what the model wrote (the summary, an answer) against the article and its analysis.

Everything else in an analysis is cut from the text; these two are written, so each sentence
is checked before anyone reads it:
- names and numbers: every person, place, organisation and number occurs in the article (its
  own forms count: "Iranian" for "Iran", "3,000" for "3000" or "three thousand");
- attribution (attribution_check.py): who the sentence says said something (read by the
  project's own attribution extraction) matches a claim or outlet report of the analysis, a
  statement the article attributes to someone is not credited to someone else, and one that
  repeats an attributed statement keeps a frame;
- script: the text stays in the article's script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from .attribution_check import (
    STOP,
    attribution,
    norm,
    squash,
)
from .candidates.words import words

if TYPE_CHECKING:
    from .article import Article
    from .models import ArticleAnalysis

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                 "thousand": 1000, "dozen": 12}
# Words a summary may use without the article using them: what news is about, in general.
GENERIC_NOUNS = frozenset(words("""incident event events situation tensions tension dispute conflict
report reports claim claims statement statements response reaction development developments
article story news issue issues matter concerns concern question questions officials
official sources source side sides country countries region area government authorities
decision move action actions attack attacks talks meeting accusation accusations denial
details information situation crisis escalation confrontation summary"""))
# A summary sentence about the text itself ("The article attributes ...") is not a summary.
_META = re.compile(r"\b(the|this) (article|summary|text|passage|sentence)s?\b|\bin the article\b|"
                   r"\bmakes? none\b", re.I)
SUPPORT_MIN = 45  # token-set similarity of an answer to a sentence that supports it


@dataclass
class SentenceCheck:
    text: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


@lru_cache(maxsize=8)
def _vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(norm(w) for w in re.findall(r"[\w.'’-]+", text))
    numbers = frozenset(_numbers_in(text))
    return words, numbers


def _numbers_in(text: str) -> set[str]:
    out = {m.group(0).replace(",", "").rstrip(".") for m in
           re.finditer(r"\d[\d,]*(?:\.\d+)?", text)}
    low = text.lower()
    for w, n in _NUMBER_WORDS.items():
        if re.search(rf"\b{w}\b", low):
            out.add(str(n))
    return out


def _known_word(token: str, words: frozenset[str]) -> bool:
    t = norm(token)
    if not t or t in words or t in STOP:
        return True
    if t in {"us", "usa", "america", "american", "americans", "unitedstates"}:
        return bool(words & {"us", "usa", "america", "american", "americans", "united"})
    return len(t) >= 4 and any(w.startswith(t[:4]) and (w.startswith(t) or t.startswith(w))
                               for w in words if len(w) >= 4)


@lru_cache(maxsize=64)
def _parse(sentence: str) -> Any:
    """One spaCy parse per sentence, shared by the name and content checks."""
    from .nlp import get_nlp

    return get_nlp()(sentence)


def unknown_names(sentence: str, source: str) -> list[str]:
    """People, places and organisations of the sentence that the source never names."""
    words, _ = _vocabulary(source)
    problems = []
    for ent in _parse(sentence).ents:
        if ent.label_ not in _NAMED:
            continue
        tokens = [t for t in re.findall(r"[\w.'’-]+", ent.text) if norm(t) not in STOP and
                  len(norm(t)) > 1]  # initials: "U. S." is the article's "U.S."
        missing = [t for t in tokens if not _known_word(t, words)]
        if missing:
            problems.append(f"names {ent.text!r}, which the article does not")
    return problems


def unknown_numbers(sentence: str, source: str) -> list[str]:
    _, numbers = _vocabulary(source)
    return [f"gives the number {n}, which the article does not"
            for n in _numbers_in(sentence) if n not in numbers]


def unknown_things(sentence: str, source: str) -> list[str]:
    """Two or more common nouns the source never uses: the sentence tells something else."""
    words, _ = _vocabulary(source)
    unknown = [t.text for t in _parse(sentence) if t.pos_ == "NOUN" and len(t.text) > 3 and
               not _known_word(t.lemma_, words) and not _known_word(t.text, words) and
               t.lemma_.lower() not in GENERIC_NOUNS]
    return [f"says things the article does not ({', '.join(unknown[:4])})"] \
        if len(unknown) >= 2 else []


def names_and_numbers(sentence: str, source: str) -> list[str]:
    """Names, numbers and things of the sentence that the source text (the article) never
    gives."""
    return unknown_names(sentence, source) + unknown_numbers(sentence, source) + \
        unknown_things(sentence, source)


def _scripts(text: str) -> set[str]:
    out = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            out.add(name.split(" ")[0] if name else "?")
    return out


def script(sentence: str, article: Article) -> list[str]:
    extra = _scripts(sentence) - _scripts(article.text) - {"LATIN"}
    return [f"switches into another script ({', '.join(sorted(extra)).lower()})"] if extra \
        else []


def _whole_sentences(article: Article) -> set[str]:
    return {squash(x.text) for x in article.sentences} | {squash(article.title or "")}


def check_sentence(sentence: str, article: Article,
                   analysis: ArticleAnalysis) -> SentenceCheck:
    if squash(sentence) in _whole_sentences(article):
        return SentenceCheck(sentence, [])  # a whole sentence of the article (e.g. the lead)
    problems = names_and_numbers(sentence, article.text) + script(sentence, article) + \
        attribution(sentence, analysis, article)
    return SentenceCheck(sentence, list(dict.fromkeys(problems)))


def supports(answer: str, sentence: str, article: Article) -> bool:
    """A cited sentence supports an answer when the answer's names and numbers are in it (or
    in the article around it) and it shares the answer's content."""
    if fuzz.token_set_ratio(answer, sentence) < SUPPORT_MIN:
        return False
    content = {norm(w) for w in re.findall(r"[A-Za-z][\w'’-]+", answer)} - STOP
    got = {norm(w) for w in re.findall(r"[A-Za-z][\w'’-]+", sentence)}
    return len(content & got) >= max(1, len(content) // 3)


@dataclass
class SummaryReport:
    text: str
    sentences: int
    problems: list[str]  # of the model's first summary, "S2: names 'X', ..."
    rewritten: bool
    dropped: list[tuple[str, str]]  # (sentence, why)
    fallback: bool


def form(sentence: str, first: bool) -> list[str]:
    """What makes a summary sentence useless whatever its facts: talk about the text, a cut,
    no content, or a pronoun that opens the summary with nothing to refer to."""
    from .sentences import complete

    out = []
    if _META.search(sentence):
        out.append("talks about the article or the summary, not the news")
    if sentence.rstrip().endswith(("…", "...")) or not complete(sentence):
        out.append("is cut off mid-sentence")
    n = len(sentence.split())
    if n < 6 or (n <= 8 and re.search(r"\b(this|that|it|so)[.!]?$", sentence.strip(), re.I)):
        out.append("says nothing about the news itself")
    if first and re.match(r"\s*(he|she|they|it|his|her|their|its)\b", sentence, re.I):
        out.append("opens with a pronoun that refers to no one named before it")
    return out


def undateline(sentence: str) -> str:
    """The lead as a fallback summary without its dateline ("WASHINGTON (Reuters) - ")."""
    return re.sub(r"^\s*[A-Z][A-Z.'’ /-]{2,}(?:,\s*[A-Z][\w.’' ]{1,30})?(?:\s*\([^)]{1,40}\))?"
                  r"\s*[-–—]+\s*", "", sentence, count=1) or sentence


def join_initials(text: str) -> str:
    """"U. S." -> "U.S.": small models space the article's initials."""
    return re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)


def verify_summary(summary: str, article: Article, analysis: ArticleAnalysis,
                   rewrite: Callable[[str], str | None], fallback: str) -> SummaryReport:
    """Check each sentence; if any fails, ask once for a rewrite naming the failures; keep the
    rewritten sentences that pass; if none does, fall back to `fallback` (extractive)."""
    from .sentences import split

    def check(sentence: str, first: bool) -> SentenceCheck:
        c = check_sentence(sentence, article, analysis)
        c.problems += form(sentence, first)
        return c

    summary = join_initials(summary)
    first = [check(s, i == 0) for i, s in enumerate(split(summary))]
    problems = [f"sentence {i + 1}: {p}" for i, c in enumerate(first) for p in c.problems]
    if not problems:
        return SummaryReport(summary, len(first), [], False, [], False)
    named = "\n".join(f'- "{c.text}": {"; ".join(c.problems)}' for c in first if c.problems)
    new = rewrite(named)
    new = join_initials(new) if new else new
    checks = [check(s, i == 0) for i, s in enumerate(split(new))] if new else first
    kept = [c.text for c in checks if c.ok]
    dropped = [(c.text, "; ".join(c.problems)) for c in checks if not c.ok]
    if not kept:
        return SummaryReport(undateline(fallback), len(first), problems, new is not None,
                             dropped, True)
    return SummaryReport(" ".join(kept), len(first), problems, new is not None, dropped, False)
