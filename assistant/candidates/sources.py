"""Sources named without being a subject: "according to X", a document and its author,
"citing X", "X quoted Y as saying"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .paraphrases import ISSUED_DOCUMENTS
from .speakers import ANON_HEAD

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


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
DOCUMENTS = ISSUED_DOCUMENTS | {"declaration", "filing", "affidavit", "document", "complaint",
                               "indictment", "testimony", "transcript", "notice", "order",
                               "ruling", "decision", "paper", "record", "email", "e-mail",
                               "figure", "figures", "data", "statistics", "estimate",
                               "estimates", "tally", "count", "poll", "survey", "analysis",
                               "review", "study", "studies", "research", "readout",
                               "website"}
_AUTHORED = frozenset({"file", "issue", "release", "publish", "write", "sign", "send", "submit",
                       "post", "prepare", "obtain"})


def document_author(tok: Token) -> Token | None:
    """The author of a document named by `tok`: the object of its "by" / "from", or of "by"
    after a participle ("filed in federal court by X"); None when the text names none."""
    if tok.lemma_.lower() not in DOCUMENTS and tok.lower_ not in DOCUMENTS:
        return None  # "data" has the lemma "datum"
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
                c.dep_ == "nsubj" for c in t.children) and not _without(t):
            for c in t.children:
                if c.dep_ == "dobj":
                    out.append(c)
                    out.extend(c.conjuncts)
    return out


def _without(t: Token) -> bool:
    """"reported, without citing sources, that ...": no source is named."""
    return t.i > 0 and t.doc[t.i - 1].lower_ == "without"


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
