"""Speakers: the subject of a reporting verb as a canonical name, a speaker type and a role."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .verbs import is_reporting

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

GOV_WORDS = re.compile(
    r"\b(ministry|government|commission|agency|department|council|parliament|cabinet|"
    r"administration|police|army|military|office|court|authority|authorities|presidency|"
    r"kremlin|pentagon|white house|state department|embassy|municipality|prosecutors?|"
    r"navy|air force|armed forces|coalition|command)\b", re.IGNORECASE)
GROUP_WORDS = re.compile(r"\b(militias?|forces|groups?|rebels|protesters|unions?|"
                         r"meteorologists|scientists|doctors|commanders|parties|fighters|"
                         r"movement|insurgents|activists)\b", re.IGNORECASE)
# Unnamed sources: a noun phrase like these as speaker or cited source.
ANON_HEAD = re.compile(
    r"\b(official|officials|source|sources|agent|agents|diplomat|diplomats|spokesperson|spokesman|"
    r"spokeswoman|aide|aides|insider|insiders|person|people|resident|residents|witness|"
    r"witnesses|farmer|worker|workers|employee|employees|researchers|analysts|experts|"
    r"critics|observers|lawmakers|members|strategists|advisers|advisors|investors|"
    r"executives|staff|staffers|negotiators|operatives|officer|officers|representative|"
    r"commentator|commentators|activist|activists|medic|medics|doctor|doctors|"
    r"someone|figures|leaders|delegates|voters|supporters)\b", re.IGNORECASE)
TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice", "prime", "minister", "gen", "general", "maj", "major", "brig", "brigadier", "lt", "col", "colonel", "capt", "captain", "adm", "admiral", "sgt", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "chief", "commander", "chairman", "chairwoman", "chair", "ceo", "cfo", "director", "secretary", "ambassador", "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "rev", "father", "sir", "lord", "lady", "former", "deputy", "acting", "interim", "caretaker", "spokesman", "spokeswoman", "spokesperson", "rear", "press"])
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "org", "we": "plural",
            "i": "person"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_TIME_ZONES = {"GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "CEST", "BST"}


# "quoted as saying", "responded by saying", "resigned after saying": the clause's subject
_VIA_PREPS = frozenset({"as", "by", "after", "before", "in"})


# verbs of issuing a statement ("Cook provided a written statement")
ISSUING = frozenset({"issue", "provide", "release", "give", "send", "publish", "put",
                     "deliver", "email", "post"})


def subject(tok: Token) -> Token | None:
    """The speaker token of a reporting verb: its subject, climbing through participles and
    conjuncts ("..., adding", "and said"), the head noun of a relative clause ("X, who
    said"), the subject of "was quoted as saying", or the agent of a passive."""
    cur, hops = tok, 0
    while cur is not None and hops < 4:
        if cur is not tok and cur.lemma_.lower() in {"quote", "cite"}:
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "Tass quoted local officials as saying": the officials speak
        for c in cur.children:
            if c.dep_ == "nsubj":
                if c.lemma_.lower() in {"that", "which", "who"}:
                    return cur.head if cur.dep_ == "relcl" and cur.head.pos_ in {
                        "NOUN", "PROPN"} else None
                return _name_next_to_verb(c, cur) or c
            if c.dep_ == "nsubjpass":
                if has_said(cur):
                    return c
                if cur.lemma_.lower() in {"quote", "cite"}:
                    return c  # "X was quoted as saying"
                if cur.lemma_.lower() in _AGENT_VERBS:
                    return _agent(cur)  # "was announced by the ministry"
                return None
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in {
                "report", "statement", "letter", "message", "post", "video", "article",
                "tweet", "memo", "document", "leaflet", "release", "media", "story"}:
            doc = cur.head  # "media reports suggesting that ...": the reports say it
            if doc.dep_ == "dobj" and doc.head.lemma_.lower() in ISSUING:
                # "Trump issued a statement saying ...": who issued it says it
                return next((c for c in doc.head.children if c.dep_ == "nsubj"), doc)
            return doc
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and is_reporting(cur.head.head) \
                and cur.head.head.i < cur.head.i:
            # "X said that A happened, and urged B": a slip of the parse, the urging is X's;
            # not in "A did this and warned B, the Herald reported", where A warns
            return subject(cur.head.head)
        if (cur.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} or
                cur.dep_ == "prep" and cur.lower_ in _VIA_PREPS) and cur.head is not cur:
            cur, hops = cur.head, hops + 1
            continue
        break
    return None


def _name_next_to_verb(subj: Token, verb: Token) -> Token | None:
    """"After Sunday's raid, which hit the port and depot, Governor X issued ...": the small
    parser makes the raid the subject and X one more thing the raid hit; the name standing
    after a comma right before the verb, inside the subject's relative clause, speaks."""
    doc = verb.doc
    j = verb.i - 1
    while j > subj.i and doc[j].dep_ in {"aux", "advmod", "neg"}:
        j -= 1  # "X has also said"
    name = doc[j]
    if subj.pos_ == "PROPN" or name.i <= subj.i or name.pos_ != "PROPN" or \
            name.dep_ not in {"conj", "appos"} or \
            not any(a.dep_ == "relcl" and a.head.i == subj.i for a in name.ancestors):
        return None
    k = j
    while k > subj.i and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i in range(k, j + 1):
        k -= 1
    return name if doc[k - 1].text == "," else None


_AGENT_VERBS = frozenset({"say", "state", "announce", "confirm", "report", "claim", "deny",
                          "reveal", "disclose", "deliver", "issue", "tell", "describe", "call",
                          "label", "brand", "characterize", "characterise", "dub"})


def one_referent(head: Token, conj: Token) -> bool:
    """Two singular nouns under one determiner or possessive name one speaker ("his sister
    and partner", "the founder and chief executive"), as does a name and a bare singular
    noun; "officials and analysts", "Ruiz and Tanaka" or "the mayor and the governor" are
    two."""
    def own_det(t: Token) -> bool:
        return any(c.dep_ in {"det", "poss"} for c in t.children)

    if conj.tag_ != "NN" or conj.ent_type_ or own_det(conj):
        return False
    # "Ruiz, the mayor and current party leader": a description coordinated to a name
    return head.pos_ == "PROPN" or (head.tag_ == "NN" and own_det(head))


def passive(verb: Token) -> bool:
    """"is expected to", "was told": the grammatical subject is not the speaker."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and \
        not has_said(verb)


def has_said(verb: Token) -> bool:
    """"He's said he ...": "has said" that the small parser reads as a passive."""
    return verb.tag_ in {"VBD", "VBN"} and any(c.dep_ == "ccomp" for c in verb.children) and \
        any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children) and \
        any(c.dep_ == "nsubjpass" and c.lower_ not in {"it", "this", "that"}
            for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def fallback_subject(sent: SpacySpan, verb: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """When the parse is broken, the nearest named entity before (or right after) the verb."""

    def usable(e: SpacySpan) -> bool:
        if any(a <= e.root.idx < b for a, b in quotes) or e.text in _TIME_ZONES:
            return False
        before = sent.doc.text[max(0, e.start_char - 1):e.start_char]
        return before != "("

    prev = sent.doc[verb.i - 1] if verb.i > sent.start else None
    if prev is not None and prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ in {"appos", "conj"} \
            and not any(a <= prev.idx < b for a, b in quotes):
        return prev  # "..., a local official told TASS": the parse hung the speaker elsewhere
    for c in verb.children:  # "X, meanwhile, who has no endorsements, said": the parse made
        # the sentence's first noun the subject of the relative clause's verb, hung on "said"
        first = next((t for t in c.children if t.dep_ == "nsubj" and t.i < c.i), None) \
            if c.dep_ in {"advcl", "ccomp"} and c.i < verb.i else None
        if first is not None and first.pos_ in {"PROPN", "NOUN"} and first.i == sent.start \
                and any(t.lower_ in {"who", "whose"} and t.head == c for t in c.children):
            return first
    ents = [e for e in sent.ents if e.label_ in {"PERSON", "ORG", "NORP", "GPE"} and usable(e)]
    aside = _aside_before(sent, verb)
    before = [e for e in ents if e.end <= verb.i and verb.i - e.end <= 25 and
              not (aside and aside[0] <= e.start < aside[1])]
    for label in ("PERSON", "ORG"):
        cands = [e for e in before if e.label_ == label]
        if cands:
            return cands[-1].root
    after = [e for e in ents if e.start > verb.i and e.start - verb.i <= 2 and
             e.label_ == "PERSON"]
    if after:
        return after[0].root
    if any(0 <= verb.idx - b <= 3 for _a, b in quotes):
        # '"...," tweeted the mayor, Jan Kos': the parser takes the speaker for the object
        later = [e for e in ents if e.start > verb.i and e.start - verb.i <= 6 and
                 e.label_ == "PERSON"]
        obj = next((c for c in verb.children if c.dep_ == "dobj" and 0 < c.i - verb.i <= 3),
                   None)
        return later[0].root if later else obj
    return None


def _aside_before(sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
    """"Mr. Bush - in a line aimed at Mr. Trump's politics - declared": the dashes set off an
    aside whose names do not speak; (first, last) token index of the aside."""
    prev = sent.doc[verb.i - 1] if verb.i > sent.start else None
    if prev is None or prev.text not in _DASHES:
        return None
    opening = next((t.i for t in reversed(sent.doc[sent.start:prev.i]) if t.text in _DASHES), None)
    return (opening, prev.i) if opening is not None else None


def phrase(tok: Token) -> tuple[int, int]:
    """Token index range of a subject noun phrase, without its relative clauses, conjuncts or
    the saying participle it is the subject of ("media reports suggesting that ...")."""
    def cut(t: Token) -> bool:
        return t.head == tok and (t.dep_ in {"conj", "cc", "relcl"} or t.dep_ == "acl" and (
            is_reporting(t) or  # ", speaking on condition of anonymity,": how, not who
            t.tag_ in {"VBG", "VBN"} and t.i > 0 and t.doc[t.left_edge.i - 1].text == ","))

    kept = {tok.i}
    for t in tok.subtree:
        if cut(t):
            continue
        if any(cut(a) for a in t.ancestors if a != tok and a.i != tok.i and tok in a.ancestors):
            continue
        kept.add(t.i)
    # the unbroken run around the head: the comma closing a relative clause ("The mayor, who
    # spoke to reporters, said") belongs to the head but must not pull the clause back in
    left, right = tok.i, tok.i
    while left - 1 in kept:
        left -= 1
    while right + 1 in kept:
        right += 1
    doc = tok.doc
    while right > left and (doc[right].is_punct or doc[right].lower_ in {"who", "which"}):
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def speaker_range(tok: Token) -> tuple[int, int]:
    """The subject phrase; on a broken parse (huge subtree) only the entity around the token."""
    a, b = phrase(tok)
    if b - a > 14 and tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.start, ent.end
    return a, b


# "some are saying", "many of them said": a speaker no one could ask
VAGUE_GROUPS = frozenset({"some", "many", "several", "most"})


def not_a_speaker(tok: Token) -> bool:
    """Dates, times, numbers and determiners are never speakers; "some" and "many" standing
    alone as a subject ("some are quietly saying") are, vaguely."""
    if tok.ent_type_ in _NOT_SPEAKER_ENTS or tok.text in _TIME_ZONES:
        return True
    if tok.lower_ in VAGUE_GROUPS and tok.dep_ == "nsubj" and all(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):  # "some of them"
        return False
    return tok.pos_ in {"DET", "NUM"} or (tok.pos_ == "PRON" and tok.lower_ not in PRONOUNS)


STATEMENT_NOUNS = frozenset({"statement", "post", "tweet", "letter", "message", "report",
                             "release", "memo", "communique", "communiqué", "video"})


def statement_owner(tok: Token) -> Token | None:
    """Who issued the statement that is the subject: "the ministry's statement", "the ministry
    statement", "a statement from the ministry", "his letter" (the owner, to be resolved like
    any speaker); None when the noun is no statement or names no owner ("the statement")."""
    if tok.lemma_.lower() not in STATEMENT_NOUNS or tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    def body(t: Token) -> bool:  # "the ministry", "the rebels"; not "a news report"
        return t.pos_ == "PROPN" or t.pos_ == "NOUN" and bool(
            GOV_WORDS.search(t.text) or GROUP_WORDS.search(t.text) or ANON_HEAD.search(t.text)
            or t.lemma_.lower() in _ISSUERS)

    owners = [c for c in tok.children if c.dep_ in {"poss", "compound"} and
              (body(c) or c.lower_ in {"his", "her", "its", "their"})]
    owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}
               for g in c.children if g.dep_ == "pobj" and body(g)]
    return owners[0] if owners else None


_ISSUERS = frozenset({"company", "firm", "campaign", "party", "organization", "organisation",
                      "committee", "family", "club", "team", "school", "hospital", "airline"})


def speaker_from(tok: Token) -> tuple[str, str, str | None]:
    """Canonical name, speaker type and role for a subject token. A statement noun names
    its owner as the speaker: "the Defense Ministry statement said" -> Defense Ministry,
    "Smith's letter says" -> Smith."""
    if tok.lemma_.lower() in STATEMENT_NOUNS and tok.pos_ == "NOUN" and not tok.ent_type_:
        owners = [c for c in tok.children if c.dep_ in {"poss", "compound"} and
                  (c.ent_type_ or c.pos_ == "PROPN")]
        if owners:
            tok = owners[-1]
    name, stype, role = _speaker_from(tok)
    name = re.sub(r"\s+(himself|herself|itself|themselves)$", "", name)
    # 'four people "familiar with the talks"': the speaker without the article's quote marks
    name = " ".join(re.sub(r"[“”\"]|^‘|’$", "", name).split())
    return name, stype, role


_DASHES = {"-", "–", "—", "--"}


def _name_before_dash(doc: Doc, a: int, b: int) -> int | None:
    """End of a name set off by a spaced dash ("Ana Ruiz - the mayor's sister - said"): the
    small parser reads the name as a modifier of the description after the dash."""
    for i in range(a + 1, b):
        if doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            names = doc[a:i]
            if all(t.pos_ == "PROPN" for t in names) and any(t.ent_type_ for t in names):
                return i
            return None
    return None


def _speaker_from(tok: Token) -> tuple[str, str, str | None]:
    doc = tok.doc
    a, b = speaker_range(tok)
    if (cut := _name_before_dash(doc, a, b)) is not None:
        person = any(t.ent_type_ == "PERSON" for t in doc[a:cut])
        first = a
        while first < cut - 1 and doc[first].lower_.strip(".") in TITLES:
            first += 1  # "Mr. Bush - ...": the title is no part of the name
        role = doc[a:first].text or None
        return doc[first:cut].text, "person" if person else "organization", role
    text = doc[a:b].text
    near = {tok.i} | {c.i for c in tok.children if c.dep_ in {"appos", "compound"}} | (
        {tok.head.i} if tok.dep_ == "appos" else set())
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= a and e.end <= b
               and any(e.start <= i < e.end for i in near)]
    if persons:
        ent = persons[-1]
        start = ent.start
        while start > a and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                doc[start - 1].lower_.strip(".") not in TITLES and not doc[start - 1].ent_type_:
            start -= 1
        name = re.sub(r"['’]s$", "", doc[start:ent.end].text)
        return name, "person", role_of(doc[persons[-1].start].sent.text, name)
    orgs = [e for e in doc.ents if e.label_ in {"ORG", "GPE", "NORP"} and e.start >= a
            and e.end <= b and e.start <= tok.i < e.end]
    if orgs:
        name = re.sub(r"^the\s+", "", orgs[0].text, flags=re.IGNORECASE)
        name = re.sub(r"['’]s$", "", name)
        kind = "government" if orgs[0].label_ == "GPE" or GOV_WORDS.search(name) else (
            "group" if orgs[0].label_ == "NORP" or GROUP_WORDS.search(name) else "organization")
        if ANON_HEAD.search(tok.text) and tok.pos_ == "NOUN":
            return re.sub(r"['’]s\b(?=\s*$)", "", text).strip(), "unnamed", None
        return name, kind, None
    name = re.sub(r"['’]s\b(?=\s*$)", "", text).strip()
    words = doc[a:b]
    last_title = max((t.i for t in words if t.lower_.strip(".") in TITLES), default=None)
    if last_title is not None and all(t.pos_ == "PROPN" for t in words) and \
            b - last_title - 1 >= 2 and all(t.is_title and not GOV_WORDS.search(t.text)
                                            for t in doc[last_title + 1:b]):
        # "Police Chief Ana Roos" when the small pipeline knows no person there: the name
        # after the title ("General Motors" keeps its one word)
        return re.sub(r"['’]s$", "", doc[last_title + 1:b].text), "person", \
            doc[a:last_title + 1].text
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and
                  doc[c.left_edge.i - 1].text == ","), None)
    if tok.pos_ == "PROPN" and appos is not None and _looks_personal(doc[a:tok.i + 1]):
        # "Ana Lind, the governor," when the small pipeline knows no person there
        role = doc[appos.left_edge.i:appos.right_edge.i + 1].text.strip(" ,")
        return doc[a:tok.i + 1].text, "person", role
    titled = re.match(r"^((?:[a-z.-]+\s+)+)((?:[A-Z][\w'’.-]+\s+)+[A-Z][\w'’-]+)$", name)
    if titled and all(w.strip(".") in TITLES for w in titled.group(1).split()):
        return titled.group(2), "person", titled.group(1).strip()  # "mayor Ana Ruiz"
    low = name.lower()
    if ANON_HEAD.search(tok.text) or (tok.tag_ == "NNS" and not GROUP_WORDS.search(tok.text)
                                      and not GOV_WORDS.search(tok.text)):
        stype = "unnamed"
    elif GOV_WORDS.search(tok.text):
        stype = "government"
    elif GROUP_WORDS.search(low):
        stype = "group"
    else:
        stype = "person" if _looks_personal(doc[a:b]) else \
            "organization" if tok.pos_ == "PROPN" else "unnamed"
    return name, stype, None


_ORG_WORDS = re.compile(
    r"\b(inc|ltd|corp|co|company|group|party|bank|news|times|post|agency|university|council|"
    r"institute|association|foundation|fund|league|club|union|ministry|airlines?|motors|"
    r"holdings|partners|capital|energy|international|watch|network|radio|tv|media|press|"
    r"front|brigades?|organi[sz]ation|committee|center|centre|court|house|office|logistics|"
    r"shipping|systems|technologies|services|industries|airways|railways|solutions|labs)\b",
    re.IGNORECASE)


def _looks_personal(words: SpacySpan) -> bool:
    """Two or three capitalised names the small pipeline gave no entity type ("Ana Lind"):
    a person's name far more often than an organisation's, which names itself as one."""
    toks = [t for t in words if not t.is_punct]
    return 2 <= len(toks) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and not t.ent_type_ and t.is_alpha and
        t.lower_.strip(".") not in TITLES for t in toks) and not _ORG_WORDS.search(words.text)


def role_of(sent_text: str, name: str) -> str | None:
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
                    w[:1].islower() and w.lower() not in TITLES and keep and not
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


def according_to(span: SpacySpan) -> list[Token]:
    """Objects of "according to" (with their conjuncts); for a document with its author
    ("a statement by the ministry", "a letter from Mayor X", "a declaration filed in court by
    X"), the author."""
    out = []
    for t in span:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
        elif t.lower_ == "per" and t.dep_ == "prep":
            # "per a statement from the club", "per Axios"; not "$5 per share", "per cent"
            objs = [c for c in t.children if c.dep_ == "pobj" and (
                c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} or
                c.text[:1].isupper() or c.lemma_.lower() in DOCUMENTS or
                ANON_HEAD.search(c.text))]
        else:
            continue
        for c in objs:
            c = document_author(c) or c
            out.append(c)
            out.extend(x for x in c.conjuncts)
    return out


# what someone wrote or filed, when the text names who: the author is the source
DOCUMENTS = STATEMENT_NOUNS | {"declaration", "filing", "affidavit", "document", "complaint",
                               "indictment", "testimony", "transcript", "notice", "order",
                               "ruling", "decision", "paper", "record", "email", "e-mail"}
_AUTHORED = frozenset({"file", "issue", "release", "publish", "write", "sign", "send", "submit",
                       "post", "prepare", "obtain"})


def document_author(tok: Token) -> Token | None:
    """The author of a document named by `tok`: the object of its "by" / "from", or of "by"
    after a participle ("filed in federal court by X"); None when the text names none."""
    if tok.lemma_.lower() not in DOCUMENTS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORED:
            for a in c.children:
                if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by"):
                    obj = next((x for x in a.children if x.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def cited(span: SpacySpan) -> list[Token]:
    """Objects of a participle "citing" / "quoting": sources an outlet or speaker relies on."""
    out = []
    for t in span:
        if t.lemma_.lower() in {"cite", "quote"} and t.dep_ != "ROOT" and not any(
                c.dep_ == "nsubj" for c in t.children):
            for c in t.children:
                if c.dep_ == "dobj":
                    out.append(c)
                    out.extend(c.conjuncts)
    return out


def quoted_objects(span: SpacySpan) -> list[Token]:
    """"X quoted Y as saying": Y is the speaker of what follows, X reports it."""
    out = []
    for t in span:
        if t.lemma_.lower() in {"quote", "cite"} and any(c.dep_ == "nsubj" for c in t.children):
            for c in t.children:
                if c.dep_ == "dobj":
                    out.append(c)
                    out.extend(c.conjuncts)
    return out


def reporting_subjects(span: SpacySpan) -> list[tuple[Token, Token]]:
    """(verb, subject) for every reporting verb of a sentence whose subject the parse gives."""
    out = []
    for tok in span:
        if is_reporting(tok):
            subj = subject(tok)
            if subj is not None:
                out.append((tok, subj))
    return out
