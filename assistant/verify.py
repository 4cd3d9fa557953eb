"""Checking what the model wrote (the summary, an answer) against the article and its analysis.

Everything else in an analysis is cut from the text; these two are written, so each sentence
is checked before anyone reads it:
- names and numbers: every person, place, organisation and number occurs in the article (its
  own forms count: "Iranian" for "Iran", "3,000" for "3000" or "three thousand");
- attribution: who the sentence says said something (read by the project's own attribution
  extraction) matches a claim or outlet report of the analysis, and a statement the article
  attributes to someone is not credited to someone else;
- no claim stated as fact: a sentence that repeats an attributed statement keeps a frame;
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

from .candidates.words import words
from .names import norm_tokens, outlet_matches, speaker_matches

if TYPE_CHECKING:
    from .article import Article
    from .models import ArticleAnalysis

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
_STOP = frozenset(["the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "its", "it", "his", "her", "their", "this", "that", "these", "those", "s", "says", "said", "say"])
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                 "thousand": 1000, "dozen": 12}
_FRAME = re.compile(r"\b(said|says|say|told|tells|according to|claimed|claims|reported|reports|"
                    r"stated|states|warned|warns|denied|denies|accused|accuses|alleged|"
                    r"announced|described|called|insisted|argued|suggested|believes?|"
                    r"estimated|added|wrote|tweeted|quoted|cited|confirmed|asserted|vowed|"
                    r"threatened|blamed|dismissed|rejected|predicted|expects?)\b", re.I)
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
CLAIM_AS_FACT_MIN = 80
MISATTRIBUTED_MIN = 70  # a statement this close to someone else's, and not to the speaker's
HEADLINE_MIN = 80  # a sentence this close to the headline repeats the article's own framing  # a frameless sentence this close to an attributed statement


@dataclass
class SentenceCheck:
    text: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _norm(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


@lru_cache(maxsize=8)
def _vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(_norm(w) for w in re.findall(r"[\w.'’-]+", text))
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
    t = _norm(token)
    if not t or t in words or t in _STOP:
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
        tokens = [t for t in re.findall(r"[\w.'’-]+", ent.text) if _norm(t) not in _STOP and
                  len(_norm(t)) > 1]  # initials: "U. S." is the article's "U.S."
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


def _expansions(text: str) -> dict[str, str]:
    """Acronyms the article spells out: "Islamic Revolution Guards Corps (IRGC)"."""
    out = {}
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+(?:of\s+|the\s+|for\s+|and\s+)*){1,7})"
                         r"\(([A-Z]{2,6})\)", text):
        words = m.group(1).split()
        while words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        initials = "".join(w[0] for w in words if w[0].isupper())
        if m.group(2) in initials or initials.endswith(m.group(2)[:-1]):
            out[m.group(2)] = " ".join(words)
    return out


def _items(analysis: ArticleAnalysis) -> list[tuple[str, str, str]]:
    """(who, who with role, what) for every claim and outlet report of the analysis; a
    speaker's role counts as who they speak for ("Norland's deputy foreign minister"), and
    an acronym the article spells out counts as its long name."""
    spelled = _expansions(analysis.text)
    items = [(c.speaker, f"{c.speaker} {spelled.get(c.speaker, '')} {c.role or ''}".strip(),
              c.quote or c.content) for c in analysis.claims]
    items += [(f.outlet, f.outlet, f.statement) for f in analysis.sourced_facts]
    return items


def _evidence(analysis: ArticleAnalysis) -> list[tuple[str, str, str, str]]:
    """(who, who, what, evidence text): a name the article uses inside a statement's own
    sentence ("the Guards' deputy") may stand for that statement's source in a summary."""
    return [(c.speaker, c.speaker, c.quote or c.content, c.evidence.text)
            for c in analysis.claims]


def _stem(word: str) -> str:
    w = _norm(word)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _same_source(a: str, b: str, places: frozenset[str] = frozenset()) -> bool:
    """`b` may be "name role": a summary's "Norland" matches "Abbas Varga Norland's ...";
    a place or nationality qualifying the speaker ("Iran's guards") may be left out."""
    # titles left out ("General Rezaei" is Rezaei) only when a name is left, not a place or
    # a common noun ("Iran's president", "the port's mayor" need a president, a mayor)
    named = {_stem(w) for w in norm_tokens(a)} & {_stem(w) for w in re.findall(
        r"\b[A-Z][\w'’-]*", re.sub(r"['’]s\b", "", a))}
    if (named - places and speaker_matches(a, [b])) or outlet_matches(a, b):
        return True
    words = {_stem(w) for w in b.split()}
    mine = {_stem(w) for w in re.findall(r"[\w'’-]+", re.sub(r"['’]s\b", "", a))} - {
        _norm(w) for w in _STOP} - {""}
    core = (mine - places) or mine  # with titles: "Iran's president" needs a president
    return bool(core) and core <= words


@lru_cache(maxsize=256)
def _places(who: str) -> frozenset[str]:
    """Places and nationalities qualifying a speaker: "Iran's guards", and also "Russian" in
    "Russian Defense Ministry", which the parser reads as one organisation."""
    from .nlp import get_nlp

    nlp = get_nlp()
    out = {_stem(t.text) for e in nlp(who).ents if e.label_ in {"GPE", "NORP", "LOC"} for t in e}
    for w in re.findall(r"\b[A-Z][a-z]+\b", who.split(" of ")[0])[:2]:
        ents = nlp(w).ents
        if len(ents) == 1 and ents[0].label_ in {"GPE", "NORP"}:
            out.add(_stem(w))
    return frozenset(out)


VERBATIM_MIN = 90  # partial similarity of a restated passage of the article


def _restated(sentence: str, article: Article | None) -> list[str]:
    """The stretches of the article that `sentence` restates nearly word for word (a nested
    "what the president has stated" in a quoted passage is the article's own attribution)."""
    if article is None:
        return []
    s = _squash(sentence)
    out = []
    for x in article.sentences:
        if fuzz.partial_ratio(s, _squash(x.text)) < VERBATIM_MIN:
            continue
        al = fuzz.partial_ratio_alignment(s, _squash(x.text))
        if al is not None and al.dest_end - al.dest_start >= 0.6 * len(s):
            out.append(re.sub(r"[^\w\s'’-]", " ", _squash(x.text)[al.dest_start:al.dest_end]))
    return out


def _said(mini: Article, sentence: str) -> list[tuple[str, str]]:
    from .candidates import extract

    cands = extract(mini)
    return [(c.speaker, sentence[c.start:c.end]) for c in cands.claims] + \
           [(f.outlet or f.speaker, sentence) for f in cands.facts]


def sources_named(sentence: str) -> list[str]:
    """Who `sentence` says said something (pronouns left out), read by the project's own
    attribution extraction."""
    from .article import parse_article

    try:
        mini = parse_article(sentence, min_words=1)
    except Exception:  # noqa: BLE001 - a sentence the segmenter refuses has no attribution
        return []
    return [who for who, _ in _said(mini, sentence)
            if who.lower() not in {"he", "she", "they", "it"}]


def same_source(who: str, text: str) -> bool:
    return _same_source(who, re.sub(r"[^\w\s'’-]", " ", text), _places(who))


def attribution(sentence: str, analysis: ArticleAnalysis,
                article: Article | None = None) -> list[str]:
    """Who the sentence says said what, against the analysis' claims and reports. A speaker
    named in the same place in an article passage the sentence restates word for word passes:
    the article itself attributes it there."""
    from .article import parse_article

    try:
        mini = parse_article(sentence, min_words=1)
    except Exception:  # noqa: BLE001 - a sentence the segmenter refuses has no attribution
        return []
    if analysis.title and fuzz.token_set_ratio(sentence.lower(), analysis.title.lower()) >= \
            HEADLINE_MIN:
        return []  # the headline's attribution is the article's own
    said = _said(mini, sentence)
    items = _items(analysis)
    restated = _restated(sentence, article) if said else []
    problems = []
    for who, what in said:
        if who.lower() in {"he", "she", "they", "it"}:
            continue
        places = _places(who)
        if any(_same_source(who, r, places) for r in restated):
            continue
        own = [t for _, w, t in items if _same_source(who, w, places)] or [
            t for _, _, t, ev in _evidence(analysis) if _same_source(who, ev, places)]
        best = max(items, key=lambda it: fuzz.token_set_ratio(what, it[2]), default=None)
        if not own:
            problems.append(f"attributes a statement to {who}, who makes none in the article")
        elif best is not None and fuzz.token_set_ratio(what, best[2]) >= MISATTRIBUTED_MIN and \
                not _same_source(who, best[1]) and not any(
                    fuzz.token_set_ratio(what, t) >= 60 for t in own):
            problems.append(f"credits to {who} what the article attributes to {best[0]}")
    if not said and not _FRAME.search(sentence) and len(sentence.split()) >= 6:
        for who, _, what in items:
            if fuzz.token_set_ratio(sentence, what) >= CLAIM_AS_FACT_MIN and \
                    fuzz.partial_ratio(sentence.lower(), what.lower()) >= 60:
                problems.append(f"states as fact what the article attributes to {who}")
                break
    return problems


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _whole_sentences(article: Article) -> set[str]:
    return {_squash(x.text) for x in article.sentences} | {_squash(article.title or "")}


def check_sentence(sentence: str, article: Article,
                   analysis: ArticleAnalysis) -> SentenceCheck:
    if _squash(sentence) in _whole_sentences(article):
        return SentenceCheck(sentence, [])  # a whole sentence of the article (e.g. the lead)
    problems = names_and_numbers(sentence, article.text) + script(sentence, article) + \
        attribution(sentence, analysis, article)
    return SentenceCheck(sentence, list(dict.fromkeys(problems)))


def supports(answer: str, sentence: str, article: Article) -> bool:
    """A cited sentence supports an answer when the answer's names and numbers are in it (or
    in the article around it) and it shares the answer's content."""
    if fuzz.token_set_ratio(answer, sentence) < SUPPORT_MIN:
        return False
    content = {_norm(w) for w in re.findall(r"[A-Za-z][\w'’-]+", answer)} - _STOP
    got = {_norm(w) for w in re.findall(r"[A-Za-z][\w'’-]+", sentence)}
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
