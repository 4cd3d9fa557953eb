"""The parser proposes: attributions, outlet reports and uncertainty cues from a spaCy parse.

Every candidate carries absolute character offsets into `Article.text`; the model later
confirms or rejects doubtful candidates and corrects speakers, but never supplies offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import lexicon as lx
from .article import Article, Paragraph, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "org", "we": "plural",
            "i": "person"}
CHANNEL_NOUNS = {"statement", "post", "tweet", "letter", "message", "report", "release",
                 "memo", "communique"}
GOV_WORDS = re.compile(
    r"\b(ministry|government|commission|agency|department|council|parliament|cabinet|"
    r"administration|police|army|military|office|court|authority|authorities|presidency|"
    r"kremlin|pentagon|white house|state department|embassy|municipality|prosecutors?)\b", re.IGNORECASE)
GROUP_WORDS = re.compile(r"\b(militias?|forces|groups?|rebels|protesters|unions?|"
                         r"meteorologists|scientists|doctors|commanders|parties|fighters)\b", re.IGNORECASE)
_QUOTE_RE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
AUDIENCE_VERBS = {"tell", "inform", "brief", "assure", "remind", "warn", "caution", "urge"}
_LEAD_MEDIA = re.compile(
    r"^(?:the |a |an )?(?:local |state |regional |national |independent |online |daily )*"
    r"(newspaper|news agency|broadcaster|tabloid|weekly|magazine|news site|daily|"
    r"television channel|radio station|outlet)\s+([A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*)*)$",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]|(?<![A-Z])\.(?=\s|$)")
_MEDIA = re.compile(r"\b(television|TV|channel|radio|newspaper|reporters|journalists|agency|"
                    r"broadcaster|daily|magazine|podcast|outlet)\b", re.IGNORECASE)
_DETS = re.compile(r"^(the|a|an|some|several|many|two|three)\s+", re.IGNORECASE)


@dataclass
class Quote:
    start: int  # of the opening mark
    end: int  # after the closing mark
    inner_start: int
    inner_end: int
    direct: bool


@dataclass
class Attribution:
    """A proposed claim (speaker says something) or outlet report (outlet says something)."""

    sentence: Sentence
    speaker: str
    speaker_type: str
    role: str | None
    start: int
    end: int
    kind: str
    quote: Quote | None = None
    channel: str | None = None
    outlet: str | None = None
    underlying: list[str] = field(default_factory=list)
    resolved_from: str | None = None  # "he", "the statement": resolved by code, to be confirmed
    embedded: bool = False  # the reporting verb sits in a subordinate clause ("whatever X says")

    @property
    def is_fact(self) -> bool:
        return self.outlet is not None


@dataclass
class Cue:
    kind: str
    cue: str
    start: int
    end: int
    sentence: Sentence


@dataclass
class Candidates:
    claims: list[Attribution]
    facts: list[Attribution]
    cues: list[Cue]


def canonical_outlet(name: str) -> str | None:
    """Map a surface form to a canonical outlet name, or None if it is not an outlet."""
    clean = re.sub(r"['’]s$", "", name.strip()).strip(" ,.")
    clean = re.sub(r"\s+(newspaper|news agency|daily|broadcaster|news site|magazine|website)$",
                   "", clean)
    described = _LEAD_MEDIA.match(clean)
    if described and described.group(2)[:1].isupper():
        return described.group(2)  # "local newspaper Selvik Posten": the descriptor says so
    bare = _DETS.sub("", clean)
    for canon, forms in lx.OUTLETS.items():
        for f in forms:
            if clean == f or bare == f or clean.lower() == f.lower() and len(f) > 4:
                return canon
    if lx.GENERIC_REPORTS.match(bare):
        return "unnamed reports"
    words = bare.split()
    if words and words[0][:1].isupper() and lx.OUTLET_SUFFIX.search(bare) and len(words) <= 5:
        return clean if clean.lower().startswith("the ") else bare
    return None


def find_outlets_in(text: str) -> list[tuple[int, int, str]]:
    """Every known outlet mention as (start, end, canonical) in a piece of text."""
    hits: list[tuple[int, int, str]] = []
    for canon, forms in lx.OUTLETS.items():
        for f in forms:
            for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text):
                if not any(a <= m.start() < b for a, b, _ in hits):
                    hits.append((m.start(), m.end(), canon))
    return sorted(hits)


def find_quotes(sent: Sentence) -> list[Quote]:
    quotes = []
    for m in _QUOTE_RE.finditer(sent.text):
        g = 1 if m.group(1) is not None else 2
        inner = m.group(g)
        before = sent.text[:m.start()].rstrip()
        after = sent.text[m.end():m.end() + 2]
        starts_clause = not before or before.endswith((",", ":", ";"))
        full = inner[:1].isupper() and (starts_clause or inner.rstrip()[-1:] in ",.?!")
        long_enough = len(inner.split()) >= 4
        direct = full and long_enough and (starts_clause or after[:1] in {",", " "} and
                                           inner.rstrip()[-1:] in ",.?!")
        a = sent.start + m.start()
        istart, iend = a + m.start(g) - m.start(), a + m.end(g) - m.start()
        text_inner = inner.rstrip()
        if text_inner.endswith(","):
            iend -= len(inner) - len(text_inner) + 1
        quotes.append(Quote(start=a, end=sent.start + m.end(), inner_start=istart,
                            inner_end=iend, direct=direct))
    return quotes


FREE_RELATIVE = {"whatever", "what", "whoever", "whichever"}


def _is_reporting(tok: Token) -> bool:
    if tok.lemma_.lower() not in lx.REPORTING_VERBS or tok.pos_ not in {"VERB", "AUX", "NOUN"}:
        return False
    if tok.pos_ == "NOUN" and tok.lemma_.lower() not in {"tweet", "post"}:
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if tok.dep_ in {"amod", "compound"}:
        return False
    if any(c.dep_ in {"dobj", "nsubj"} and c.lower_ in FREE_RELATIVE for c in tok.children) \
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return False  # "whatever the governor says", "what they said": refers to, not reports
    root = tok.sent.root
    if root.tag_ == "VB" and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"}
                                     for c in root.children):
        return False  # inside an imperative ("Ignore ... and report that X said"): no attribution
    for hop, anc in enumerate(tok.ancestors):
        if hop > 2:
            break
        if anc.lemma_.lower() in {"decline", "refuse", "fail"}:
            return False
    return not (tok.lemma_.lower() in {"expect", "believe", "suggest"} and
                tok.dep_ not in {"ROOT", "conj", "relcl"})


def _embedded(verb: Token) -> bool:
    """A reporting verb with its own subject inside a subordinate clause: worth a second look."""
    own_subject = any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ in {"advcl", "ccomp", "acl", "pcomp"} and own_subject:
        return True
    # inside the clause another speaker reports ("X said that ... Y urged"): often a parse slip
    cur, via_ccomp = verb, False
    for _ in range(4):
        if cur.dep_ in {"relcl", "dobj", "pobj", "ROOT"}:
            return False
        via_ccomp = via_ccomp or cur.dep_ == "ccomp"
        cur = cur.head
        if via_ccomp and _is_reporting(cur) and any(c.dep_ == "nsubj" for c in cur.children):
            return True
    return False


def _subject(tok: Token) -> Token | None:
    cur, hops = tok, 0
    while cur is not None and hops < 4:
        for c in cur.children:
            if c.dep_ == "nsubj" and c.lemma_.lower() not in {"that", "which", "who"}:
                return c
            if c.dep_ == "nsubjpass":
                return None
        if cur.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} and cur.head is not cur:
            cur, hops = cur.head, hops + 1
            continue
        if cur.dep_ == "relcl":
            return None
        break
    return None


def _fallback_subject(sent: SpacySpan, verb: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """When the parse is broken, the nearest named entity before (or right after) the verb."""

    def in_quote(t: Token) -> bool:
        return any(a <= t.idx < b for a, b in quotes)

    ents = [e for e in sent.ents if e.label_ in {"PERSON", "ORG", "NORP", "GPE"}
            and not in_quote(e.root)]
    before = [e for e in ents if e.end <= verb.i and verb.i - e.end <= 25]
    for label in ("PERSON", "ORG"):
        cands = [e for e in before if e.label_ == label]
        if cands:
            return cands[-1].root
    after = [e for e in ents if e.start > verb.i and e.start - verb.i <= 2 and
             e.label_ == "PERSON"]
    return after[0].root if after else None


def _phrase(tok: Token) -> tuple[int, int]:
    """Token index range of a subject noun phrase, without its relative clauses or conjuncts."""
    left, right = tok.i, tok.i
    for t in tok.subtree:
        if t.dep_ in {"conj", "cc", "relcl", "acl"} and t.head == tok:
            continue
        if any(a.dep_ in {"conj", "relcl"} and a.head == tok for a in t.ancestors
               if a != tok and a.i != tok.i and tok in a.ancestors):
            continue
        left, right = min(left, t.i), max(right, t.i)
    doc = tok.doc
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def _speaker_range(tok: Token) -> tuple[int, int]:
    """The subject phrase; on a broken parse (huge subtree) only the entity around the token."""
    a, b = _phrase(tok)
    if b - a > 14 and tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.start, ent.end
    return a, b


def _speaker_from(tok: Token, p: Paragraph) -> tuple[str, str, str | None]:
    """Canonical name, speaker type and role for a subject token."""
    doc = tok.doc
    a, b = _speaker_range(tok)
    phrase = doc[a:b]
    text = phrase.text
    near = {tok.i} | {c.i for c in tok.children if c.dep_ in {"appos", "compound"}} | (
        {tok.head.i} if tok.dep_ == "appos" else set())
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= a and e.end <= b
               and any(e.start <= i < e.end for i in near)]
    if persons:
        ent = persons[-1]
        start = ent.start
        while start > a and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                doc[start - 1].lower_ not in lx.TITLES and not doc[start - 1].ent_type_:
            start -= 1
        name = re.sub(r"['’]s$", "", doc[start:ent.end].text)
        return name, "person", _role(doc[persons[-1].start].sent.text, name)
    orgs = [e for e in doc.ents if e.label_ in {"ORG", "GPE", "NORP"} and e.start >= a
            and e.end <= b and e.start <= tok.i < e.end]
    if orgs:
        name = re.sub(r"^the\s+", "", orgs[0].text, flags=re.IGNORECASE)
        kind = "government" if orgs[0].label_ == "GPE" or GOV_WORDS.search(name) else (
            "group" if orgs[0].label_ == "NORP" or GROUP_WORDS.search(name) else "organization")
        return name, kind, None
    name = re.sub(r"['’]s\b(?=\s*$)", "", text).strip()
    low = name.lower()
    if lx.ANON_HEAD.search(tok.text) or (tok.tag_ == "NNS" and not GROUP_WORDS.search(tok.text)
                                         and not GOV_WORDS.search(tok.text)):
        stype = "unnamed"
    elif GOV_WORDS.search(tok.text):
        stype = "government"
    elif GROUP_WORDS.search(low):
        stype = "group"
    else:
        stype = "organization" if tok.pos_ == "PROPN" else "unnamed"
    return name, stype, None


def _role(sent_text: str, name: str) -> str | None:
    """The appositive or title words next to a name: 'Iraq's caretaker prime minister'."""
    i = sent_text.find(name)
    if i < 0:
        return None
    before = sent_text[:i]
    after = sent_text[i + len(name):]
    segs = [x.strip() for x in before.split(",")]
    lead = segs[-1] if segs else ""
    parts = []
    if lead:
        words = lead.split()
        # keep the title run right before the name ("Interior Minister", "commission chair")
        keep: list[str] = []
        for w in reversed(words):
            if w.lower() in {"said", "told", "according", "to", "that", "and", "but"} or (
                    w[:1].islower() and w.lower() not in lx.TITLES and keep and not
                    keep[0][:1].islower() and w.lower() not in {"of", "the", "for", "in"}):
                break
            keep.insert(0, w)
        lead = " ".join(keep)
        if lead.lower().startswith(("as ", "in ", "on ", "meanwhile", "according")):
            lead = ""
        if lead:
            parts.append(lead)
    if not lead and len(segs) >= 2 and segs[-1] == "":
        prev = segs[-2]
        if prev and not prev.lower().startswith(("in ", "on ", "at ", "meanwhile", "speaking",
                                                 "according", "as ")) and len(prev) < 90:
            parts.append(prev)
    m = re.match(r"^,\s*((?:a|an|the|his|her|its|their) [^,]{3,80}?)(?:,|\.|$)", after)
    if m:
        parts.append(m.group(1))
    role = ", ".join(p.strip(" ,\"“”") for p in parts if p.strip(" ,\"“”"))
    return role or None


def _channel(sent_text: str, speaker: str) -> str | None:
    sent_text = _QUOTE_RE.sub(lambda m: " " * len(m.group(0)), sent_text)
    for pat, label in lx.CHANNEL_PATTERNS:
        m = pat.search(sent_text)
        if m:
            if label == "{0}":
                return m.group(m.lastindex or 0).lower() if m.lastindex else m.group(0).lower()
            return label
    m = re.search(r"\b(?i:in|during) (?i:an|the|a) ([A-Z][\w.&' -]{1,40}?) interview\b", sent_text)
    if m and canonical_outlet(m.group(1)) is not None:
        return f"interview with {canonical_outlet(m.group(1))}"
    m = re.search(r"\b(?:speaking to|told|in an interview with)\s+((?:the |a |an )?[^,.;]{2,60}?)"
                  r"(?=,|\.|;| that\b| on\b| in\b|$)", sent_text)
    if m:
        target = m.group(1).strip()
        rest = sent_text[m.end(1):]
        nxt = re.match(r"^,\s*([A-Z][\w\- ]{1,40}?),", rest)
        if nxt and lx.OUTLET_DESCRIPTOR.search(re.sub(r"^(the|a|an)\s+[\w-]+\s+|^(the|a|an)\s+",
                                                      "", target)) or nxt and re.search(r"\b(agency|newspaper|channel|broadcaster|daily)$", target):
            target = nxt.group(1)
        outlet = canonical_outlet(target.split(",")[0])
        if outlet is None and not _MEDIA.search(target):
            return None  # "told supporters": an audience, not a channel
        return f"interview with {outlet or target}"
    return None


def _content_outside(verb: Token, quotes: list[Quote], speaker_rng: tuple[int, int],
                     base: int) -> int:
    """How many content words the reporting clause has outside quotes and the speaker.

    A verb that only introduces a quote ('"...," she told reporters') has none.
    """
    if any(c.dep_ == "ccomp" and any(q.start <= c.idx + base < q.end for q in quotes)
           for c in verb.children):
        return 0
    n = 0
    for c in verb.children:
        if c.dep_ not in {"ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "advcl",
                          "pcomp", "conj", "npadvmod", "pobj"}:
            continue
        if c.dep_ == "prep" and c.lemma_.lower() in {"in", "on", "at", "during", "to", "with"}:
            continue
        if c.dep_ == "dobj" and verb.lemma_.lower() in AUDIENCE_VERBS:
            continue  # "told a local television channel": the listener, not what was said
        if c.dep_ in {"advcl", "conj"} and _is_reporting(c):
            continue
        for t in c.subtree:
            if speaker_rng[0] <= t.i < speaker_rng[1] or not t.is_alpha:
                continue
            if any(q.start <= t.idx + base < q.end for q in quotes):
                continue
            n += 1
    return n


def extract(article: Article) -> Candidates:
    """Propose claims, sourced facts and cues for every body sentence."""
    claims: list[Attribution] = []
    facts: list[Attribution] = []
    for p in article.paragraphs:
        if p.kind != "body" or p.doc is None:
            continue
        for s in p.sentences:
            c, f = _sentence_candidates(article, p, s, claims)
            claims.extend(c)
            facts.extend(f)
    cues = find_cues(article, claims, facts)
    return Candidates(claims=claims, facts=facts, cues=cues)


def _outlet_subject(verb: Token, p: Paragraph) -> bool:
    subj = _subject(verb)
    return subj is not None and canonical_outlet(_speaker_from(subj, p)[0]) is not None


def _abs_quotes(quotes: list[Quote], p: Paragraph) -> list[tuple[int, int]]:
    return [(q.start - p.start, q.end - p.start) for q in quotes]


def _according_to(span: SpacySpan) -> list[Token]:
    out = []
    for t in span:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    out.append(c)
                    out.extend(x for x in c.conjuncts)
    return out


def _cited(span: SpacySpan) -> list[Token]:
    out = []
    for t in span:
        if t.lemma_.lower() in {"cite", "quote"} and t.dep_ != "ROOT":
            for c in t.children:
                if c.dep_ == "dobj":
                    out.append(c)
                    out.extend(c.conjuncts)
    return out


def _sentence_candidates(article: Article, p: Paragraph, s: Sentence,
                         previous: list[Attribution]) -> tuple[list[Attribution], list[Attribution]]:
    span = s.span
    if span is None:
        return [], []
    quotes = find_quotes(s)
    qrel = _abs_quotes(quotes, p)
    claims: list[Attribution] = []
    facts: list[Attribution] = []
    cited = [_speaker_from(t, p)[0] for t in _cited(span)]
    according = _according_to(span)
    speakers: dict[str, dict] = {}

    def add_speaker(tok: Token, verb: Token | None) -> None:
        low = tok.lower_
        resolved_from = None
        if tok.pos_ in {"DET", "PRON", "NUM"} and low not in PRONOUNS:
            return
        if low in PRONOUNS or (tok.lemma_.lower() in CHANNEL_NOUNS and tok.pos_ == "NOUN" and
                               [c.lower_ for c in tok.children] == ["the"]):
            resolved_from = tok.text if low in PRONOUNS else f"the {tok.text}"
            same = [(n, e) for n, e in speakers.items() if e["stype"] == "person"
                    and PRONOUNS.get(low) == "person" and e["tok"].i < tok.i]
            if same:
                name, e0 = same[-1]
                stype, role = e0["stype"], e0["role"]
            else:
                ante = _antecedent(low if low in PRONOUNS else "statement", previous + claims, p)
                if ante is None:
                    return
                name, stype, role = ante.speaker, ante.speaker_type, ante.role
        else:
            name, stype, role = _speaker_from(tok, p)
        if not name or len(name) > 120:
            return
        outlet = canonical_outlet(name)
        entry = speakers.setdefault(name, {"stype": stype, "role": role, "verbs": [],
                                           "outlet": outlet, "resolved": resolved_from,
                                           "tok": tok})
        if verb is not None:
            entry["verbs"].append(verb)

    for tok in span:
        if not _is_reporting(tok):
            continue
        if any(a <= tok.idx < b for a, b in qrel):
            continue
        subj = _subject(tok) or _fallback_subject(span, tok, qrel)
        if subj is None:
            continue
        if any(_is_reporting(anc) and _outlet_subject(anc, p) for anc in tok.ancestors):
            continue  # part of what an outlet reports, not a claim of its own
        if any(a <= subj.idx < b for a, b in qrel):
            continue
        targets = [subj] + [c for c in subj.conjuncts if c.i > subj.i]
        for t in targets:
            add_speaker(t, tok)
    according_names = [_speaker_from(t, p)[0] for t in according]
    for t, name in zip(according, according_names, strict=True):
        if canonical_outlet(name) is not None or not any(e["outlet"] for e in speakers.values()):
            add_speaker(t, None)
    cited_by_outlet = [n for n in according_names if canonical_outlet(n) is None] + cited

    for short in list(speakers):
        for long in list(speakers):
            if short != long and short in speakers and long in speakers and re.search(
                    rf"\b{re.escape(short)}$", long):
                speakers[long]["verbs"] += speakers.pop(short)["verbs"]
    has_outlet = any(e["outlet"] for e in speakers.values())
    direct_quotes = [q for q in quotes if q.direct]
    used_quotes: set[int] = set()
    sent_channel = None
    for name, e in speakers.items():
        if e["outlet"]:
            underlying = list(cited_by_outlet)
            verbs = e["verbs"]
            if verbs and not quotes and all(
                    v.lemma_.lower() in {"report", "say"} and not any(
                        c.dep_ in {"ccomp", "advcl"} for c in v.children)
                    and any(c.dep_ == "dobj" for c in v.children) for v in verbs):
                continue  # "media reported a higher figure": no statement of its own
            facts.append(Attribution(sentence=s, speaker=name, speaker_type="organization",
                                     role=None, start=s.start, end=s.end, kind="indirect",
                                     outlet=e["outlet"], underlying=underlying,
                                     channel=None))
            continue
        if has_outlet and e["verbs"] == [] :
            continue  # cited by the outlet: an underlying source, not a claim of its own
        channel = _channel(s.text, name)
        sent_channel = sent_channel or channel
        emb = bool(e["verbs"]) and all(_embedded(v) for v in e["verbs"])
        mine = [q for i, q in enumerate(direct_quotes) if i not in used_quotes]
        for q in mine:
            used_quotes.add(direct_quotes.index(q))
            claims.append(Attribution(sentence=s, speaker=name, speaker_type=e["stype"],
                                      role=e["role"], start=q.start, end=q.end, kind="direct",
                                      quote=q, channel=channel, resolved_from=e["resolved"],
                                      embedded=emb))
        content = max((_content_outside(v, quotes, _speaker_range(e["tok"]), p.start)
                       for v in e["verbs"]),
                      default=3)
        if content >= 2 or not mine:
            a, b = _outside(s, mine)
            spans = _statement_spans(s, e["verbs"], a, b, p.start) if not mine else [(a, b)]
            for a, b in spans:
                fragments = [q for q in quotes if not q.direct and a <= q.start and q.end <= b]
                claims.append(Attribution(
                    sentence=s, speaker=name, speaker_type=e["stype"], role=e["role"],
                    start=a, end=b, kind="mixed" if fragments else "indirect",
                    quote=fragments[0] if fragments else None,
                    channel=_channel(article.text[a:b], name) if len(spans) > 1 else channel,
                    resolved_from=e["resolved"], embedded=emb))
        # an interview with an outlet is also that outlet's report
        if channel and channel.startswith("interview with "):
            outlet = canonical_outlet(channel.removeprefix("interview with "))
            if outlet and outlet != "unnamed reports" and canonical_outlet(outlet) in lx.OUTLETS:
                facts.append(Attribution(sentence=s, speaker=outlet, speaker_type="organization",
                                         role=None, start=s.start, end=s.end, kind="indirect",
                                         outlet=outlet, underlying=[name]))
    if not speakers and direct_quotes:
        # a quote standing alone continues the previous speaker of this paragraph
        prev = [c for c in previous if c.sentence.paragraph == p.index and c.kind == "direct"]
        if prev:
            last = prev[-1]
            for q in direct_quotes:
                claims.append(Attribution(sentence=s, speaker=last.speaker,
                                          speaker_type=last.speaker_type, role=last.role,
                                          start=q.start, end=q.end, kind="direct", quote=q,
                                          channel=last.channel, resolved_from="continued quote"))
    return claims, facts


def _statement_spans(s: Sentence, verbs: list[Token], a: int, b: int,
                     base: int) -> list[tuple[int, int]]:
    """One span per statement when one speaker makes several in a sentence: "said X, but she
    warned Y", "told supporters X, only to say hours later Y". A later reporting verb that
    hangs off an earlier one as a new clause (conj, advcl, xcomp) with its own content starts
    a new statement at the clause's left edge. `base` is the paragraph's offset (token
    offsets are paragraph-relative)."""
    cuts = [base + v.left_edge.idx for v in sorted(verbs, key=lambda t: t.i)[1:]
            if v.dep_ in {"conj", "advcl", "xcomp"}
            and any(anc in verbs for anc in list(v.ancestors)[:3])
            and any(c.dep_ in {"ccomp", "dobj", "prep"} for c in v.children)]
    cuts = [c for c in cuts if a < c < b]
    if not cuts:
        return [(a, b)]
    out = []
    for lo, hi in zip([a, *cuts], [*cuts, b], strict=True):
        piece = s.text[lo - s.start:hi - s.start]
        out.append((lo, lo + len(_JOINER_TAIL.sub("", piece))))  # drop ", but" before a cut
    return [(lo, hi) for lo, hi in out if hi - lo > 10] or [(a, b)]


_JOINER_TAIL = re.compile(r"(?:[\s,;]+|\bbut\b)+$")


def _outside(s: Sentence, quotes: list[Quote]) -> tuple[int, int]:
    """The longest stretch of the sentence outside the given (direct) quotes."""
    pieces, pos = [], s.start
    for q in sorted(quotes, key=lambda q: q.start):
        pieces.append((pos, q.start))
        pos = q.end
    pieces.append((pos, s.end))
    a, b = max(pieces, key=lambda ab: ab[1] - ab[0])
    text = s.text
    while a < b and not text[a - s.start].isalnum() and text[a - s.start] not in "\"“":
        a += 1
    while b > a and text[b - s.start - 1] in " ,;":
        b -= 1
    return a, b


def _antecedent(pronoun: str, previous: list[Attribution], p: Paragraph) -> Attribution | None:
    want = PRONOUNS.get(pronoun, "statement")
    for c in reversed(previous[-12:]):
        if want == "person" and c.speaker_type == "person":
            return c
        if want == "statement" and (c.channel == "statement" or c.speaker_type in {
                "organization", "government"}):
            return c
        if want == "plural" and c.speaker_type in {"group", "unnamed", "government"}:
            return c
        if want == "org" and c.speaker_type in {"organization", "government"}:
            return c
    return None


def _clause_window(s: Sentence, a: int, b: int) -> tuple[int, int]:
    text = s.text
    ra, rb = a - s.start, b - s.start
    left = max(text.rfind(ch, 0, ra) for ch in ",;:")
    left = 0 if left < 0 else left + 1
    m = _CLAUSE_END.search(text, rb)
    right = m.start() if m else len(text)
    while left < ra and text[left] == " ":
        left += 1
    return s.start + left, s.start + right


def find_cues(article: Article, claims: list[Attribution], facts: list[Attribution]) -> list[Cue]:
    cues: list[Cue] = []
    for s in article.sentences:
        quotes = find_quotes(s)
        for kind, pattern in lx.CUES:
            for m in re.finditer(pattern, s.text, re.IGNORECASE):
                if any(q.start <= s.start + m.start() < q.end for q in quotes):
                    continue
                a, b = s.start + m.start(), s.start + m.end()
                wa, wb = _clause_window(s, a, b)
                cues.append(Cue(kind=kind, cue=m.group(0), start=wa, end=wb, sentence=s))
    for c in claims:
        if c.speaker_type == "unnamed" and c.resolved_from is None and lx.ANON_HEAD.search(
                c.speaker):
            kind = "anonymous_source" if lx.ANON_HEAD.search(c.speaker) and re.search(
                r"\b(official|source|diplomat|spokes|aide|insider|farmer|worker|resident|"
                r"witness)s?\b", c.speaker, re.IGNORECASE) and not re.search(
                r"^(residents|witnesses|workers)$", c.speaker, re.IGNORECASE) else "vague_attribution"
            found = article.text.find(c.speaker, c.sentence.start, c.sentence.end)
            if found >= 0:
                wa, wb = _clause_window(c.sentence, found, found + len(c.speaker))
                cues.append(Cue(kind=kind, cue=c.speaker, start=wa, end=wb, sentence=c.sentence))
    for f in facts:
        for src in f.underlying:
            if lx.ANON_HEAD.search(src) and not re.match(r"^[A-Z][a-z]+ [A-Z]", src):
                found = article.text.find(src, f.sentence.start, f.sentence.end)
                if found >= 0:
                    wa, wb = _clause_window(f.sentence, found, found + len(src))
                    cues.append(Cue(kind="anonymous_source", cue=src, start=wa, end=wb,
                                    sentence=f.sentence))
    cues.sort(key=lambda c: (c.start, c.end))
    kept: list[Cue] = []
    for cue in cues:
        if any(k.kind == cue.kind and k.start < cue.end and cue.start < k.end for k in kept):
            continue
        kept.append(cue)
    return kept
