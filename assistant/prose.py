"""Key points, uncertainty level, uncertainty prose and open questions, built by code from
the grounded claims, facts and cues.

Why code and not the small model: every sentence here follows from items already grounded
in the text, so it cannot misstate the article, and it costs no generation time (the 1.5B
model's questions were mostly "What is the name of ...?" about names the article gives, and
its key points copied the first three sentences). Large remote models running the "combined"
strategy still write this prose themselves; the small model writes the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from .article import Article, Sentence
from .models import Claim, OpenQuestion, SourcedFact, UncertaintyCue

Level = Literal["low", "medium", "high"]

# How much each kind of cue weighs on the overall level, and how it reads in prose.
WEIGHT = {"anonymous_source": 2.0, "unconfirmed_report": 2.0, "unverified_claim": 2.0,
          "conflict": 2.0, "vague_attribution": 1.5, "speculation": 1.0, "missing_context": 1.0,
          "prediction": 0.5, "hedge": 0.5}
PHRASE = {"anonymous_source": ("statement rests on unnamed sources",
                               "statements rest on unnamed sources"),
          "unconfirmed_report": ("report is unconfirmed", "reports are unconfirmed"),
          "unverified_claim": ("claim is unverified", "claims are unverified"),
          "conflict": ("account is contested", "accounts are contested"),
          "vague_attribution": ("attribution is vague", "attributions are vague"),
          "speculation": ("passage speculates", "passages speculate"),
          "missing_context": ("passage lacks context", "passages lack context"),
          "prediction": ("prediction", "predictions"),
          "hedge": ("hedged wording", "hedged wordings")}
MAX_QUESTIONS = 4
KEY_POINTS_MIN, KEY_POINTS_MAX = 3, 5


def level(cues: list[UncertaintyCue]) -> Level:
    score = sum(WEIGHT.get(c.kind, 1.0) for c in cues)
    return "high" if score >= 9 else "medium" if score >= 3 else "low"


def summary(cues: list[UncertaintyCue], lvl: Level) -> str:
    if not cues:
        return "No hedging, unnamed sources or unconfirmed reports were found; the statements " \
               "are attributed to named speakers or outlets."
    counts = Counter(c.kind for c in cues)
    parts = [f"{n} {PHRASE[k][n > 1]}" for k, n in
             sorted(counts.items(), key=lambda kv: (-WEIGHT.get(kv[0], 1.0), -kv[1]))
             if k in PHRASE]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    why = {"high": "Hold back: ", "medium": "Some caution: ", "low": "Mostly firm: "}[lvl]
    return f"{why}{listed}."


def _describe(items: list[Claim | SourcedFact]) -> tuple[str, bool]:
    """'the report attributed to AFP (S11)'; several items of one sentence are named together."""
    names = list(dict.fromkeys(i.speaker if isinstance(i, Claim) else i.outlet for i in items))
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    sid = items[0].sentence_ids[0] if items[0].sentence_ids else ""
    if all(isinstance(i, Claim) for i in items):
        noun = "statement"
    else:
        noun = "report" if len(names) == 1 else "reports"
    return f"the {noun} attributed to {who} ({sid})", noun == "reports"


QUESTION = {
    "anonymous_source": 'Who are the unnamed sources ("{cue}") of {where}, and does a named '
                        "source confirm it?",
    "unconfirmed_report": "{has} {where} been confirmed independently of the article?",
    "unverified_claim": 'What evidence supports {where} ("{cue}"), beyond the speaker\'s word?',
    "conflict": "Which account is right where the article reports a dispute: {where}?",
    "vague_attribution": 'Who exactly is meant by "{cue}" in {where}?',
    "speculation": 'What evidence supports the speculation ("{cue}") in {where}?',
    "missing_context": "What context is missing from {where}?",
    "prediction": 'Did what {where} predicts ("{cue}") happen, and who expects it?',
}


def _question(cue: UncertaintyCue, items: list[Claim | SourcedFact]) -> str | None:
    template = QUESTION.get(cue.kind)  # hedges ask nothing of their own
    if template is None:
        return None
    where, plural = _describe(items) if items else (
        f'the passage "{_short(cue.evidence.text)}"', False)
    return template.format(where=where, cue=cue.cue, has="Have" if plural else "Has")


def _short(text: str, words: int = 12) -> str:
    w = text.split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def open_questions(cues: list[UncertaintyCue], claims: list[Claim],
                   facts: list[SourcedFact]) -> list[OpenQuestion]:
    """The most serious cues first, one question per item, at most MAX_QUESTIONS."""
    listed: list[Claim | SourcedFact] = [*claims, *facts]
    items = {i.id: i for i in listed}
    ranked = sorted(cues, key=lambda c: (-WEIGHT.get(c.kind, 1.0), c.evidence.start))
    out: list[OpenQuestion] = []
    seen: set[str] = set()
    for cue in ranked:
        about = [a for a in cue.about if a in items]
        key = about[0] if about else cue.id
        if key in seen or cue.kind == "hedge":
            continue
        question = _question(cue, [items[a] for a in about])
        if question is None:
            continue
        seen.add(key)
        out.append(OpenQuestion(question=question, about=[*about, cue.id]))
        if len(out) == MAX_QUESTIONS:
            break
    return out


def key_points(article: Article, claims: list[Claim], facts: list[SourcedFact]) -> list[str]:
    """The lead, then the first statement of each of the most-cited sources, in text order.

    Extractive, so a key point cannot misstate the article; one per source because a
    fact-checker reads an article as who says what.
    """
    firsts: dict[str, tuple[int, str]] = {}
    counts: Counter[str] = Counter()
    # an outlet's "fact" that only relays a speaker's interview in the same sentence is that
    # speaker's statement again, not a source of its own
    said = [(c.speaker, c.sentence_ids[0]) for c in claims if c.sentence_ids]
    relayed = [f for f in facts if f.sentence_ids and f.underlying_sources and all(
        any(sid == f.sentence_ids[0] and (who == u or who.endswith(" " + u))
            for who, sid in said) for u in f.underlying_sources)]
    listed: list[Claim | SourcedFact] = [*claims, *(f for f in facts if f not in relayed)]
    for item in sorted(listed, key=lambda i: i.evidence.start):
        who = item.speaker if isinstance(item, Claim) else item.outlet
        key = re.sub(r"^the\s+", "", who.lower())
        counts[key] += 1
        if item.sentence_ids:
            firsts.setdefault(key, (item.evidence.start, item.sentence_ids[0]))
    ranked = sorted(firsts, key=lambda k: (-counts[k], firsts[k][0]))
    body = [s for s in article.sentences if not article.in_instruction(s.start, s.end)]
    lead = next((x for x in body if len(x.text.split()) >= 8
                 and x.text.rstrip()[-1:] in '.!?"”'), body[0] if body else None)
    picked: list[Sentence] = [lead] if lead is not None else []
    for key in ranked:
        sent = article.sentence(firsts[key][1])
        if sent is not None and article.in_instruction(sent.start, sent.end):
            continue
        if len(picked) >= KEY_POINTS_MAX:
            break
        if sent is not None and sent not in picked:
            picked.append(sent)
    picked += [x for x in body if x not in picked][:max(0, KEY_POINTS_MIN - len(picked))]
    return [" ".join(x.text.split()) for x in sorted(picked, key=lambda x: x.start)]
