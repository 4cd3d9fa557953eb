"""Uncertainty cues: hedges, speculation, predictions, unnamed and vague sources, unconfirmed
reports, unverified claims, conflicts and missing context.

Three sources, all grounded: phrase patterns over the text (outside quotes), the parser's own
attributions (unnamed speakers, sources an outlet cites, self-serving verbs such as "boasted"
or "blamed", denials), and sentence pairs that disagree. The model may add or relabel cues
later; these are the candidates.
"""

from __future__ import annotations

import re

from ..article import Article, Sentence
from .model import Attribution, Cue
from .quotes import find_quotes
from .speakers import ANON_HEAD

# (kind, pattern): phrase-level, case-insensitive.
CUES: tuple[tuple[str, str], ...] = (
    ("hedge", r"\bat least\b"),
    ("hedge", r"\breportedly\b"),
    ("hedge", r"\ballegedly\b|\bpurportedly\b|\bostensibly\b"),
    ("hedge", r"\bapparently\b|\bpresumably\b|\bsupposedly\b"),
    ("hedge", r"\b(appears?|appeared|seems?|seemed) to\b"),
    ("hedge", r"\b(an estimated|roughly|approximately|up to)\b"),
    ("hedge", r"\bmay have\b|\bmight have\b|\bcould have\b"),
    ("hedge", r"\bmay well\b|\bmight well\b"),
    ("hedge", r"\b(could|might|may)\b(?! (not|have|hamper|lead|trigger|cause|rise|worsen|delay|"
              r"spark|well)\b)(?= \w+)"),
    ("hedge", r"\b(is|are|was|were) (widely |generally )?(believed|thought|understood|"
              r"presumed|suspected) to\b"),
    ("hedge", r"\b(probably|perhaps|possibly|likely)\b(?! to\b)"),
    ("hedge", r"\bnot (immediately |yet )?clear\b|\bunclear\b"),
    ("hedge", r"\bif confirmed\b|\bit is possible\b"),
    ("hedge", r"\bdetected signs\b|\bsigns that\b"),
    ("speculation", r"\bspeculat\w*"),
    ("speculation", r"\bpossible\b"),
    ("speculation", r"\bsuggest(ed|s|ing)?\b(?! that they)"),
    ("speculation", r"\brumou?rs?\b|\bconjecture\b"),
    ("speculation", r"\bhoped?\b"),
    ("speculation", r"\b(fears?|concerns?) (that|of|over|about)\b|\bworried that\b"),
    ("speculation", r"\bcould be\b|\bmight be\b"),
    ("prediction", r"\bimminent\b"),
    ("prediction", r"\b(is|are|was|were) (also )?set to\b"),
    ("prediction", r"\b(likely|unlikely|expected) to\b"),
    ("prediction", r"\b(is|are|was|were|seems?|looks?) (very |highly |increasingly )?"
                   r"(likely|unlikely)\b(?! to\b)"),
    ("prediction", r"\bexpects?\b|\bforecasts?\b|\bpredict\w*"),
    ("prediction", r"\b(would|will) (turn into|be met|lead to|result in|trigger|spark)\b"),
    ("prediction", r"\bcould (hamper|lead|trigger|cause|rise|worsen|delay|spark)\b"),
    ("prediction", r"\b(plans?|planning|planned) to\b"),
    ("prediction", r"\b(increases?|raises?) the (likelihood|risk|chances?)\b"),
    ("prediction", r"\bwould be (severe|swift|decisive|harsh|crushing|devastating)\b"),
    ("anonymous_source", r"\b(who|which) (asked|spoke on condition|requested|declined|refused)"
                         r" (not )?to be (named|identified)\b"),
    ("anonymous_source", r"\bon (the )?condition (of|that he|that she|that they)"
                         r" (anonymity|not be (named|identified))\b"),
    ("anonymous_source", r"\bspoke (to \w+ )?on condition of anonymity\b"),
    ("anonymous_source", r"\b(people|persons|sources?|officials?) (familiar|close|briefed|"
                         r"with knowledge) (with|to|on|of)\b"),
    ("anonymous_source", r"\b(who|which) declined to be named\b|\bnot authori[sz]ed to (speak|"
                         r"discuss|comment)\b"),
    ("anonymous_source", r"\b(unnamed|anonymous|unidentified) (\w+ ){0,2}(officials?|sources?|"
                         r"diplomats?|persons?|people|officers?)\b"),
    ("vague_attribution", r"\b(reports|media|media reports) (said|say|says|suggest\w*|claim\w*)"
                          r"\b|\baccording to (media )?reports\b"),
    ("vague_attribution", r"\b(some|many|critics|observers|analysts|experts) (say|said|believe)\b"),
    ("vague_attribution", r"\b(some|many|several|few|other) (\w+ ){1,2}(say|said|believe|think|"
                          r"argue|argued|warn|warned)\b"),
    ("vague_attribution", r"\bit (is|was) (said|believed|understood|claimed|alleged)\b"),
    ("vague_attribution", r"\b(is|are|was|were) (said|alleged|rumou?red|reported) to\b"),
    ("vague_attribution", r"\b(is|are) known to\b|\bwidely (viewed|seen|regarded|considered)\b"),
    ("unconfirmed_report", r"\bcould not (be )?(independently |immediately )?(verified|confirmed|"
                           r"verify|confirm)\b"),
    ("unconfirmed_report", r"\b(would|could|did) not (immediately )?confirm\b"),
    ("unconfirmed_report", r"\bdeclined to (confirm|comment)( or deny)?( the report)?\b"),
    ("unconfirmed_report", r"\bunconfirmed\b|\bnot been (independently )?(verified|confirmed)\b"),
    ("unconfirmed_report", r"\breported in recent (days|weeks)\b"),
    ("unconfirmed_report", r"\bleaked\b|\bpreliminary (assessment|report|findings)\b"),
    ("unverified_claim", r"\bboast(ed|s|ing)?\b|\bbragg?(ed|s|ing)?\b"),
    ("unverified_claim", r"\bclaim(ed|s|ing)?\b(?! responsibility)|\bclaimed responsibility\b"),
    ("unverified_claim", r"\b(blames?|blamed|blaming)\b|\baccus(ed|es|ing)\b"),
    ("unverified_claim", r"\bdid not (immediately )?respond to (a )?requests? for comment\b|"
                         r"\bdid not (immediately )?(respond|reply)\b"),
    ("unverified_claim", r"\bcould not (immediately )?(verify|confirm)\b"),
    ("unverified_claim", r"\binsisted\b|\binsistence\b"),
    ("unverified_claim", r"\bwithout (providing |giving |offering )?(any )?evidence\b"),
    ("conflict", r"\bdenied\b|\bdenies\b|\bdeny\b|\bdenial\b"),
    ("conflict", r"\brejected the (claim|report|allegations?|accusations?)\b"),
    ("conflict", r"\bdisputed?\b|\bcontradict\w*|\bcontested\b"),
    ("conflict", r"\ba (higher|lower|different) (figure|toll|number|account)\b"),
    ("conflict", r"\b(is|are|was|were) (not|n't) true\b|\bnot true\b|\buntrue\b|\bfalse\b|"
                 r"\bbaseless\b|\bnonsense\b|\bfabricat\w+\b|\bfake news\b"),
    ("conflict", r"\bconflicting\b|\bdisagree\w*\b|\bcast doubt\b|\braise[sd]? questions\b"),
    ("conflict", r"\bslamm?ed\b|\brefuted\b|\bdismissed (the|as)\b|\bcountered\b"),
    ("conflict", r"\bdespite (\w+ ){0,3}(reports?|claims?|assertions?|statements?)\b"),
    ("missing_context", r"\bdid not (say|specify|give|disclose|explain|elaborate|provide|"
                        r"identify|name)\b|\bwithout (giving|providing|specifying|naming)\b"),
    ("missing_context", r"\bdid not specifically mention\b|\bdidn['’]t specify\b"),
    ("missing_context", r"\b(polls?|surveys?|studies|data|figures) (show|shows|showed|suggest|"
                        r"suggests|suggested)\b"),
    ("missing_context", r"\bit (was|is|remains) (not clear|unclear)\b"),
    ("missing_context", r"\bno (details|further details) (were|was) (given|provided)\b|"
                        r"\bgave no (further )?details\b"),
    ("missing_context", r"\b(has|have|had) not (yet )?(commented|responded|said)\b|"
                        r"\bno (immediate )?comment\b"),
    ("missing_context", r"\b(not much|little) is known\b|\bno public information\b|"
                        r"\bdetails (were|are|remain) (scarce|unclear|sketchy)\b"),
)
_COMPILED = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in CUES)
_CLAUSE_END = re.compile(r"[,;]|(?<![A-Z])\.(?=\s|$)")
_ANON_KIND = re.compile(r"\b(official|source|diplomat|spokes|aide|insider|officer|"
                        r"representative|commentator|person|people)s?\b", re.IGNORECASE)
_NAMED = re.compile(r"^(?:[A-Z][\w.'’-]+\s)*[A-Z][a-z]+\s[A-Z]")


def clause_window(s: Sentence, a: int, b: int) -> tuple[int, int]:
    text = s.text
    ra, rb = a - s.start, b - s.start
    left = max(text.rfind(ch, 0, ra) for ch in ",;:")
    left = 0 if left < 0 else left + 1
    m = _CLAUSE_END.search(text, rb)
    right = m.start() if m else len(text)
    while left < ra and text[left] == " ":
        left += 1
    return s.start + left, s.start + right


def is_anonymous(name: str) -> bool:
    """An unnamed source: a noun phrase headed by "official", "source"... with no name in it."""
    return bool(ANON_HEAD.search(name)) and not _NAMED.match(name) and not re.search(
        r"\b[A-Z][a-z]+ [A-Z][a-z]+\b(?<!\bU\.S)", name.replace("U.S.", "US"))


def _attribution_cues(article: Article, claims: list[Attribution],
                      facts: list[Attribution]) -> list[Cue]:
    cues: list[Cue] = []

    def add(kind: str, phrase: str, s: Sentence) -> None:
        found = article.text.find(phrase, s.start, s.end)
        if found >= 0:
            wa, wb = clause_window(s, found, found + len(phrase))
            cues.append(Cue(kind=kind, cue=phrase, start=wa, end=wb, sentence=s))

    for c in claims:
        if c.speaker_type == "unnamed" and c.resolved_from is None and is_anonymous(c.speaker):
            kind = "anonymous_source" if _ANON_KIND.search(c.speaker) and not re.search(
                r"^(residents|witnesses|workers|people)$", c.speaker, re.IGNORECASE) \
                else "vague_attribution"
            add(kind, c.speaker, c.sentence)
    for f in facts:
        for src in f.underlying:
            if is_anonymous(src):
                add("anonymous_source", src, f.sentence)
        if f.outlet == "unnamed reports":
            m = re.search(r"\b(?:\w+ )?(?:media )?reports?\b", f.sentence.text, re.IGNORECASE)
            if m:
                add("vague_attribution", m.group(0), f.sentence)
    return cues


def find_cues(article: Article, claims: list[Attribution], facts: list[Attribution]) -> list[Cue]:
    cues: list[Cue] = []
    for s in article.sentences:
        quotes = find_quotes(s, article)
        for kind, pattern in _COMPILED:
            for m in pattern.finditer(s.text):
                if any(q.start <= s.start + m.start() < q.end for q in quotes):
                    continue
                a, b = s.start + m.start(), s.start + m.end()
                wa, wb = clause_window(s, a, b)
                cues.append(Cue(kind=kind, cue=m.group(0), start=wa, end=wb, sentence=s))
    cues += _attribution_cues(article, claims, facts)
    return dedupe(cues)


# When two cues cover the same clause, the more serious kind is kept.
PRIORITY = ("anonymous_source", "unconfirmed_report", "conflict", "unverified_claim",
            "vague_attribution", "speculation", "prediction", "missing_context", "hedge")


def dedupe(cues: list[Cue]) -> list[Cue]:
    """One cue per clause: overlapping cues of one kind, or covering mostly the same text,
    are one signal to the reader."""
    ranked = sorted(cues, key=lambda c: (PRIORITY.index(c.kind), c.start))
    kept: list[Cue] = []
    for cue in ranked:
        clash = False
        for k in kept:
            ov = min(k.end, cue.end) - max(k.start, cue.start)
            if ov <= 0:
                continue
            if k.kind == cue.kind or ov >= 0.6 * min(k.end - k.start, cue.end - cue.start):
                clash = True
                break
        if not clash:
            kept.append(cue)
    return sorted(kept, key=lambda c: (c.start, c.end))
