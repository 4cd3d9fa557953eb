"""Who a written sentence says said what, checked against the article and its analysis.

The summary and follow-up answers are read by the project's own attribution extraction; each
speaker or outlet they name must make a statement in the analysis, a statement must not be
credited to someone else, and an attributed statement must not be stated as plain fact. A
passage of the article restated word for word keeps the article's own attributions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .candidates.speakers import PRONOUNS
from .names import norm_tokens, outlet_matches, speaker_matches

if TYPE_CHECKING:
    from .article import Article
    from .models import ArticleAnalysis

STOP = frozenset(["the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "its", "it", "his", "her", "their", "this", "that", "these", "those", "s", "says", "said", "say"])
_FRAME = re.compile(r"\b(said|says|say|told|tells|according to|claimed|claims|reported|reports|"
                    r"stated|states|warned|warns|denied|denies|accused|accuses|alleged|"
                    r"announced|described|called|insisted|argued|suggested|believes?|"
                    r"estimated|added|wrote|tweeted|quoted|cited|confirmed|asserted|vowed|"
                    r"threatened|blamed|dismissed|rejected|predicted|expects?)\b", re.I)
CLAIM_AS_FACT_MIN = 80  # a frameless sentence this close to an attributed statement
MISATTRIBUTED_MIN = 70  # a statement this close to someone else's, and not to the speaker's
HEADLINE_MIN = 80  # a sentence this close to the headline repeats the article's own framing


def norm(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


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
    w = norm(word)
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
        norm(w) for w in STOP} - {""}
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
SWAP_MIN = 80  # partial similarity of a passage retold with its speakers swapped


def _close_passages(sentence: str, article: Article | None) -> list[tuple[str, float]]:
    """The article's sentences (squashed) that `sentence` follows closely, with their partial
    similarity: read once for the restatement and the speaker-order checks."""
    if article is None:
        return []
    s = squash(sentence)
    out = []
    for x in article.sentences:
        t = squash(x.text)
        ratio = fuzz.partial_ratio(s, t)
        if ratio >= SWAP_MIN:
            out.append((t, ratio))
    return out


def _restated(sentence: str, close: list[tuple[str, float]]) -> list[str]:
    """The stretches of the article that `sentence` restates nearly word for word (a nested
    "what the president has stated" in a quoted passage is the article's own attribution)."""
    s = squash(sentence)
    out = []
    for t, ratio in close:
        if ratio < VERBATIM_MIN:
            continue
        al = fuzz.partial_ratio_alignment(s, t)
        if al is not None and al.dest_end - al.dest_start >= 0.6 * len(s):
            out.append(re.sub(r"[^\w\s'’-]", " ", t[al.dest_start:al.dest_end]))
    return out


def _swapped(sentence: str, names: list[str], close: list[tuple[str, float]]) -> str | None:
    """An article passage the sentence retells nearly word for word with the same speakers
    in another order ("B repeated what A said" for "A repeated what B said"): the speaker
    the passage names first, or None. Both may make statements in the article, so only the
    order tells the two apart."""
    s = squash(sentence)
    keys = [k for k in dict.fromkeys(n.split()[-1] for n in names if n.strip())
            if re.search(rf"\b{re.escape(k)}\b", s)]
    if len(keys) < 2:
        return None
    mine = sorted(keys, key=lambda k: s.find(k))
    for t, _ratio in close:
        if not all(k in t for k in keys):
            continue
        theirs = sorted(keys, key=lambda k: t.find(k))
        if theirs != mine:
            return next(n for n in names if n.split()[-1] == theirs[0])
    return None


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
            if who.lower() not in PRONOUNS]


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
    close = _close_passages(sentence, article) if said else []
    restated = _restated(sentence, close)
    problems = []
    named = [w for w, _ in said if w.lower() not in PRONOUNS]
    first = _swapped(sentence, named + [c.speaker for c in analysis.claims], close) \
        if named else None
    if first is not None:
        problems.append(f"credits to {named[0]} what the article attributes to {first}")
        return problems
    for who, what in said:
        if who.lower() in PRONOUNS:
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


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
