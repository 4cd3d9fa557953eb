"""Names of speakers: the canonical name, type and role for a subject token, the owner of a
statement noun ("the ministry's statement"), and the title or appositive beside a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .first_names import given_name_gender
from .sources import DOCUMENTS, document_author
from .speakers import (
    ANON_HEAD,
    DASHES,
    DATELINE,
    GOV_WORDS,
    GROUP_WORDS,
    OCCUPATIONS,
    TITLES,
    age,
    entity_of,
    speaker_range,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def statement_owner(tok: Token) -> Token | None:
    """Who issued the statement that is the subject: "the ministry's statement", "the ministry
    statement", "a statement from the ministry", "his letter" (the owner, to be resolved like
    any speaker); None when the noun is no statement or names no owner ("the statement")."""
    if tok.lower_ not in DOCUMENTS and tok.lemma_.lower() not in DOCUMENTS or \
            tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    def body(t: Token) -> bool:  # "the ministry", "the rebels"; not "a news report"
        return t.pos_ == "PROPN" or t.pos_ == "NOUN" and bool(
            GOV_WORDS.search(t.text) or GROUP_WORDS.search(t.text) or ANON_HEAD.search(t.text)
            or t.lemma_.lower() in _ISSUERS)

    owners = [c for c in tok.children if c.dep_ in {"poss", "compound"} and
              (body(c) or c.lower_ in {"his", "her", "its", "their"})]
    author = document_author(tok)  # "from the ministry", "released on Monday by X"
    if author is not None and body(author):
        owners.append(author)
    return owners[0] if owners else None


_ISSUERS = frozenset({"company", "firm", "campaign", "party", "organization", "organisation",
                      "committee", "family", "club", "team", "school", "hospital", "airline"})


def speaker_from(tok: Token) -> tuple[str, str, str | None]:
    """Canonical name, speaker type and role for a subject token. A statement noun names
    its owner as the speaker: "the Defense Ministry statement said" -> Defense Ministry,
    "Smith's letter says" -> Smith."""
    owner = statement_owner(tok)
    if owner is not None and owner.pos_ != "PRON":
        tok = owner
    name, stype, role = _speaker_from(tok)
    name = re.sub(r"\s+(himself|herself|itself|themselves)$", "", name)
    if tok.tag_ in {"NNS", "NNPS"}:  # "but that county clerks had warned": "that" opens the
        name = re.sub(r"^(?:that|this)\s+", "", name)  # clause ("that clerks" is no phrase)
    # 'four people "familiar with the talks"': the speaker without the article's quote marks
    name = " ".join(re.sub(r"[“”\"]|^‘|’$", "", name).split())
    return name, stype, role


def _name_before_dash(doc: Doc, a: int, b: int) -> int | None:
    """End of a name set off by a spaced dash ("Ana Ruiz - the mayor's sister - said"): the
    small parser reads the name as a modifier of the description after the dash."""
    for i in range(a + 1, b):
        if doc[i].text in DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            names = doc[a:i]
            if all(t.pos_ == "PROPN" for t in names) and any(t.ent_type_ for t in names):
                return i
            return None
    return None


# seats of government named like a person or a place by the small pipeline
_SEATS = re.compile(r"(?i)(?:the\s+)?(?:downing street|white house|kremlin|elys[eé]e(?: palace)?|"
                    r"blue house|number 10|no\.? 10)")


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
    named = _name_after_of_phrase(tok, a, b)
    if named is not None:
        name_a, name_b, comma = named
        title = doc[comma + 1:name_a].text  # "..., Commander Tim Hawkins,": his title too
        role = doc[a:comma].text
        return doc[name_a:name_b].text, "person", f"{title}, {role}" if title else role
    body = _appositive_body(tok)
    if body is not None:
        return body
    after = _name_set_off_after(tok)
    if after is not None:
        name_a, name_b = after
        title = doc[tok.i + 2:name_a].text  # "a police spokesman, Sgt. Tom Reyes,": his title
        role = doc[a:tok.i + 1].text
        return doc[name_a:name_b].text, "person", f"{title}, {role}" if title else role
    text = doc[a:b].text
    if _SEATS.fullmatch(text):
        return re.sub(r"(?i)^the\s+", "", text), "government", None
    # a name modifying a common noun is whose the speaker is, not who: "A Carr campaign
    # aide said" is the aide; "President Trump", "Chief Ana Roos" are the name
    compound = {"appos", "compound"} if tok.pos_ == "PROPN" else {"appos"}
    near = {tok.i} | {c.i for c in tok.children if c.dep_ in compound} | (
        {tok.head.i} if tok.dep_ == "appos" else set())
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= a and e.end <= b
               and any(e.start <= i < e.end for i in near) and not _SEATS.fullmatch(e.text)]
    if persons:
        ent = persons[-1]
        start = ent.start
        while start < ent.end - 2 and doc[start].lower_ in OCCUPATIONS:
            start += 1  # "Activist Ana Ruiz" tagged whole: the job is the role (an honorific
            # stays: "Ayatollah Ali Khamenei", "Pope Francis")
        while start > a and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                doc[start - 1].lower_.strip(".") not in _NOT_NAME_WORDS and \
                not doc[start - 1].ent_type_:
            start -= 1
        name = re.sub(r"['’]s$", "", doc[start:ent.end].text)
        sent = doc[ent.start].sent
        return name, "person", role_of(sent.text, name,
                                       main_verb_at=sent.root.idx - sent.start_char)
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
    last_title = max((t.i for t in words if t.lower_.strip(".") in _NOT_NAME_WORDS), default=None)
    if last_title is not None and all(t.pos_ == "PROPN" for t in words) and \
            b - last_title - 1 >= 2 and all(t.is_title and not GOV_WORDS.search(t.text)
                                            for t in doc[last_title + 1:b]):
        # "Police Chief Ana Roos" when the small pipeline knows no person there: the name
        # after the title ("General Motors" keeps its one word)
        return re.sub(r"['’]s$", "", doc[last_title + 1:b].text), "person", \
            doc[a:last_title + 1].text
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and
               c.i == tok.i + 1), None)
    of_what = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
    if tok.pos_ == "PROPN" and of is not None and of_what is not None and \
            of_what.pos_ == "PROPN" and _looks_personal(doc[a:tok.i + 1]):
        # "Ana Lind of the Nordic Shipping Institute": a person and where she works
        role = re.sub(r"^the\s+", "", doc[of.i + 1:of.right_edge.i + 1].text)
        return doc[a:tok.i + 1].text, "person", role
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and
                  doc[c.left_edge.i - 1].text == ","), None)
    if tok.pos_ == "PROPN" and appos is not None and _looks_personal(doc[a:tok.i + 1]):
        # "Ana Lind, the governor," when the small pipeline knows no person there
        role = doc[appos.left_edge.i:appos.right_edge.i + 1].text.strip(" ,")
        return doc[a:tok.i + 1].text, "person", role
    if tok.pos_ == "NOUN" and appos is not None and appos.pos_ == "PROPN" and (
            _looks_personal(doc[appos.left_edge.i:appos.i + 1]) or
            _given_named(tok, doc[appos.left_edge.i:appos.i + 1])):
        # "His rival, Ana Ruiz, says" when the small pipeline knows no person there: the name
        # set off after the description
        name = doc[appos.left_edge.i:appos.i + 1].text
        # the description up to the comma before the name: "A spokeswoman for the ministry"
        return name, "person", doc[a:appos.left_edge.i - 1].text.rstrip(" ,") or \
            doc[a:tok.i + 1].text
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
    elif tok.lower_ in _NAMED_BODIES and any(
            c.dep_ == "compound" and c.ent_type_ in _TYPED or c.dep_ == "poss" and
            c.pos_ == "PROPN" for c in tok.children):
        stype = "organization"  # "the Clinton campaign", "the Carr camp", "Hollis's campaign"
    elif tok.pos_ == "PROPN" and any(age(c) for c in tok.children):
        # "Ruiz, 61, said": only a person has an age
        sent = tok.sent
        return name, "person", role_of(sent.text, name,
                                       main_verb_at=sent.root.idx - sent.start_char)
    elif tok.pos_ == "NOUN" and tok.lower_ in _BODY_HEADS and any(
            c.dep_ in {"poss", "compound", "amod"} for c in tok.children):
        stype = "organization"  # "the state clerks' association" names a body
    else:
        stype = "person" if _looks_personal(doc[a:b]) else \
            "organization" if tok.pos_ == "PROPN" else "unnamed"
    return name, stype, None


def _appositive_body(tok: Token) -> tuple[str, str, str | None] | None:
    """"The utility, Coastal Power & Light, said", "Its parent company, Vantage Holdings,":
    the body's name set off after a description of it is who speaks."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in _PERSON_NOUNS or \
            not any(c.dep_ in {"det", "poss"} for c in tok.children):
        return None
    name = next((c for c in tok.children if c.dep_ in {"appos", "conj"} and c.i > tok.i and
                 doc[c.left_edge.i - 1].text == "," and c.pos_ == "PROPN"), None)
    ent = entity_of(name) if name is not None else None
    if ent is None or ent.label_ not in {"ORG", "GPE", "NORP"} or \
            doc[ent.start - 1].text != "," or ent.end >= len(doc) or \
            doc[ent.end].text not in {",", "-", "–", "—"}:
        return None
    text = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
    kind = "government" if GOV_WORDS.search(tok.text) or GOV_WORDS.search(text) else \
        "group" if GROUP_WORDS.search(tok.text) else "organization"
    return text, kind, None


# a body's head noun: qualified ("the state clerks' association") it names that body
_BODY_HEADS = frozenset({"association", "federation", "foundation", "institute", "league",
                         "society", "charity", "club", "company", "firm", "corporation",
                         "network", "bank", "airline", "hospital", "university", "school"})


_ORG_WORDS = re.compile(
    r"\b(inc|ltd|corp|co|company|group|party|bank|news|times|post|agency|university|council|"
    r"institute|association|foundation|fund|league|club|union|ministry|airlines?|motors|"
    r"holdings|partners|capital|energy|international|watch|network|radio|tv|media|press|"
    r"front|brigades?|organi[sz]ation|committee|center|centre|court|house|office|logistics|"
    r"shipping|systems|technologies|services|industries|airways|railways|solutions|labs)\b",
    re.IGNORECASE)


# entity types the small pipeline gives names reliably enough to trust; it calls some
# personal names WORK_OF_ART or PRODUCT
_TYPED = frozenset({"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC"})


# what a person is, written before the name like a title in news copy ("Witness Ana Ruiz",
# "Economist Ana Ruiz"); the small parser tags it as part of the name at a sentence's start.
# Not in TITLES, which name matching drops: "Lawyer" is no one's name, "Baker" may be.
_ROLE_NOUNS = frozenset({
    "witness", "resident", "activist", "lawyer", "attorney", "professor", "analyst",
    "economist", "historian", "researcher", "scientist", "expert", "survivor", "protester",
    "protestor", "organizer", "organiser", "volunteer", "commentator", "strategist",
    "pollster", "lawmaker", "legislator", "candidate", "challenger", "incumbent", "nominee",
    "author", "novelist", "filmmaker", "journalist", "reporter", "columnist", "blogger"})
# words of a title that is more than one word ("Senate Majority Leader", "Opposition Leader")
_TITLE_PARTS = frozenset({"leader", "majority", "minority", "whip", "opposition", "supreme",
                          "executive", "operating", "financial", "officer", "commissioner",
                          "superintendent", "inspector", "attorney", "solicitor", "surgeon"})
_NOT_NAME_WORDS = TITLES | _ROLE_NOUNS | _TITLE_PARTS


_NAMED_BODIES = frozenset({"campaign", "camp", "team", "office", "staff", "foundation"})


def _name_set_off_after(tok: Token) -> tuple[int, int] | None:
    """"According to the city's finance director, Miguel Santos, ...": the small parser
    hangs the name on the comma, not on the description; a person's name set off by commas
    right after a description of a person renames it (token range of the name)."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _PERSON_NOUNS or \
            tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    i = tok.i + 2
    while i < len(doc) - 1 and (doc[i].lower_.strip(".") in TITLES or doc[i].text == "."):
        i += 1
    ent = entity_of(doc[i])
    if ent is None or ent.label_ != "PERSON" or ent.end >= len(doc) or \
            doc[ent.end].text not in {",", ".", ";"}:
        return None
    return max(ent.start, i), ent.end


def _name_after_of_phrase(tok: Token, a: int, b: int) -> tuple[int, int, int] | None:
    """"The chief executive of Acme Harbor, Lars Holm, said": the small parser hangs the name
    on "Acme Harbor"; a person's name set off by commas right after a description's "of" /
    "for" / "at" phrase renames the description (token range of the name, and the index of
    the comma that ends the description). A place there
    ("The mayor of Springfield, Illinois,") is no name and stays."""
    if tok.pos_ != "NOUN" and tok.lower_ not in TITLES:
        return None
    doc = tok.doc
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "at"}):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            app = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and
                        doc[c.left_edge.i - 1].text == ","), None)
            if app is None or not (a < app.left_edge.i and app.right_edge.i < b):
                continue
            words = doc[app.left_edge.i:app.right_edge.i + 1]
            ent = entity_of(app)
            if ent is not None and ent.label_ == "PERSON" and \
                    words.start <= ent.start and ent.end <= words.end:
                return ent.start, ent.end, app.left_edge.i - 1
            if ent is None and _looks_personal(words):
                return words.start, words.end, app.left_edge.i - 1
    return None


def _looks_personal(words: SpacySpan) -> bool:
    """Two or three capitalised names the small pipeline gave no entity type ("Ana Lind"):
    a person's name far more often than an organisation's, which names itself as one."""
    toks = [t for t in words if not t.is_punct]
    return 2 <= len(toks) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in _TYPED and t.is_alpha and
        t.lower_.strip(".") not in TITLES for t in toks) and not _ORG_WORDS.search(words.text)


def _given_named(head: Token, words: SpacySpan) -> bool:
    """"Her lawyer, Marcus Delaney," where the small pipeline typed the name an organisation:
    a person's description before it and a known given name first make it a person's."""
    toks = [t for t in words if not t.is_punct]
    return head.lemma_.lower() in _PERSON_NOUNS and 2 <= len(toks) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in toks) and \
        given_name_gender(words.text) is not None and not _ORG_WORDS.search(words.text)


# verbs of saying: they end a role ("X said"), and a relative clause holding one is the
# statement, not part of the description
_CITING = frozenset({"quotes", "quoted", "quoting", "cites", "cited", "citing"})
_SAYING = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks",
    "noted", "notes", "explained", "explains", "insisted", "insists", "argued", "argues",
    "recalled", "recalls"})
# words that end a title run before a name: '"...," says Tomas Reul' has no title "says"
_NOT_ROLE_WORDS = _SAYING | frozenset({
    "according", "to", "that", "and", "but", "which", "who", "whom", "whose", "as", "while",
    "when", "where", "because", "if", "though", "although", "after", "before", "since", "is",
    "was", "are", "were", "be", "been", "being", "became", "becomes", "how", "what", "why"})


_QUOTE_CHARS = "\"“”'‘’`"
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_JOINERS = frozenset({"and", "but", "yet", "so", "also", "then", "both", "either", "neither"})
# a segment opening with one of these is a phrase about time, place or manner, no description
_NOT_ROLE_OPENERS = frozenset({
    "in", "on", "at", "as", "meanwhile", "according", "after", "before", "from", "by", "with",
    "during", "since", "until", "while", "when", "if", "especially", "for", "to", "because",
    "although", "though", "unlike", "like", "despite", "whether"})
_FINITE = frozenset({"would", "will", "has", "have", "had", "could", "should", "can", "may",
                     "might", "did", "does", "do", "is", "was", "are", "were"})
# a phrase of time before a name: "A day later,", "An hour after the vote,", "Years ago,"
_WHEN = re.compile(
    r"\b(later|ago|earlier|afterwards?)\b|^(?:an?|one|the|that|this|last|next|every|some)\s+"
    r"(?:\w+\s+)?(?:day|week|month|year|hour|minute|decade|night|morning|evening|afternoon|"
    r"weekend|moment)s?(?:\s+(?:later|ago|after|before|earlier|into)\b|\s*$)", re.IGNORECASE)
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss"})
# (and an article: "called a Whitfield run" makes the name a modifier, with no role)
_TRAILING_PREPS = frozenset({"by", "of", "to", "for", "with", "from", "at", "in", "on", "a",
                             "an"})


def _descriptive(text: str) -> bool:
    """Can these words be a role? Not a clause with its own subject or verb ("when he
    criticized", "would have consequences"), not a phrase of time or place ("After the vote",
    "especially in the evening session"), not a headline ("ECONOMY FAVORS TRUMP -"), not a
    phrase cut before its object ("a declaration filed in federal court by")."""
    raw = [w for w in (x.strip(_QUOTE_CHARS + ",") for x in text.split()) if w]
    words = [w.lower() for w in raw]
    if not words or words[0] in _NOT_ROLE_OPENERS or words[-1] in _TRAILING_PREPS or \
            set(words) <= _HONORIFICS:  # "Mr." says nothing about what the person is
        return False
    if _WHEN.search(text):
        return False  # "A day later, Ruiz said": when, not who
    # "he", "He", "I"; not "IT" (a department), "May" (a month) or "Will" (a name)
    if any(w.lower() in _SUBJECT_PRONOUNS and not (len(w) > 1 and w.isupper()) or
           w in _FINITE for w in raw) or ":" in text:
        return False
    if words[-1] in _SAYING | _CITING:
        return False  # "The Associated Press quotes X, head of ...": who reports, no role
    caps = sum(1 for w in raw if len(w) > 2 and w.isupper() and w.isalpha())
    return caps < 3 or 2 * caps < len(words)


# the head of a role given without an article ("president of the union", "spokesman for X")
_ROLE_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "head", "executive",
                         "founder", "co-founder", "professor", "member", "leader", "editor",
                         "analyst", "researcher", "fellow", "economist", "lawyer", "attorney",
                         "manager", "owner", "coordinator", "official", "adviser", "advisor",
                         "partner", "dean", "officer", "organizer", "organiser", "counsel"})
# heads of a body named in common nouns ("the county sheriff's office")
_BODY_NOUNS = ("office|department|agency|ministry|bureau|service|council|commission|board|"
               "police|university|hospital|institute|union|committee|administration")
# nouns for a person that an appositive name can follow ("Her lawyer, Marcus Delaney,")
_PERSON_NOUNS = _ROLE_HEADS | frozenset({
    "aide", "deputy", "assistant", "secretary", "director", "chairman", "chairwoman", "chief",
    "minister", "mayor", "governor", "senator", "judge", "prosecutor", "rival", "opponent",
    "challenger", "predecessor", "successor", "colleague", "friend", "neighbor", "neighbour",
    "wife", "husband", "son", "daughter", "sister", "brother", "mother", "father", "boss"})


def role_of(sent_text: str, name: str, main_verb_at: int | None = None) -> str | None:
    """The appositive or title words next to a name: 'Iraq's caretaker prime minister'.
    `main_verb_at` (the sentence's root, as a character offset) tells an appositive from the
    statement after "According to X," ("..., the city faces a deficit"), which reaches it."""
    i = sent_text.find(name)
    if i < 0:
        return None
    before = sent_text[:i]
    dateline = DATELINE.match(before)
    if dateline:  # "COLUMBUS, Ohio (AP) - Senate candidate X": the place is no title
        before = before[dateline.end():]
    after = sent_text[i + len(name):]
    segs = [x.strip() for x in before.split(",")]
    lead = segs[-1] if segs else ""
    parts = []
    if lead:
        words = lead.split()
        # keep the title run right before the name ("Interior Minister", "commission chair")
        keep: list[str] = []
        for w in reversed(words):
            if w.lower().strip(_QUOTE_CHARS) in _NOT_ROLE_WORDS or re.search(r"[\"“”?!]", w) or \
                    not w.strip(_QUOTE_CHARS) or (
                    w[:1].islower() and w.lower() not in TITLES and keep and not
                    keep[0][:1].islower() and w.lower() not in {"of", "the", "for", "in"}):
                break
            keep.insert(0, w)
        while keep and keep[0].lower() in _JOINERS:
            keep.pop(0)  # "And Florida's attorney general X": the role without the "And"
        lead = " ".join(keep)
        if re.match(r"^\s+(?:said|says|believes|thinks|claimed|claims)\s+(?:would|was|is|will|"
                    r"were|had|has|could|should|might|may)\b", sent_text[i + len(name):]):
            lead = ""  # "money Cruz said would go to transit": the noun the clause is about
        if not _descriptive(lead):
            lead = ""  # "when he criticized X": a clause about X, no role
        if lead:
            parts.append(lead)
    # the phrase before "X," describes X only when X is set off as its appositive ("The
    # coach, Ana Ruiz, said", '..." said the coach, Ana Ruiz.'); in "The move, Ruiz said,
    # was overdue" or "Good news, Ruiz said." it is what Ruiz talks about
    set_off = re.match(r"^(?:\s+of\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})?"
                       r"\s*(?:,|[.!?\"“”’]*\s*$)", after) is not None
    # "A protester at the site, Ana Ruiz says ...": an indefinite description is no topic
    indefinite = len(segs) >= 2 and re.match(r"(?i)(?:an?|another)\s", segs[-2].strip()) is not None
    if not lead and len(segs) >= 2 and segs[-1] == "" and (set_off or indefinite):
        prev = segs[-2].strip().lstrip(_QUOTE_CHARS).strip()
        verb_first = prev.split(maxsplit=1)
        if len(verb_first) == 2 and verb_first[0].lower() in _SAYING:
            prev = verb_first[1]  # '"We lost," said the coach, Ana Ruiz.': the coach
        # "Her comments came a day after the state party chairman, Robert Kane, told": the
        # description is the noun phrase after the clause's last linking word
        cut = list(re.finditer(r"\b(?:after|before|since|than|following|when|while|until|"
                               r"because|as)\s+(?=(?:the|a|an|his|her|its|their)\s)", prev))
        if cut and not _WHEN.search(prev):  # ("An hour after the vote, X said": when)
            prev = prev[cut[-1].end():]
        first = prev.split()[0].lower() if prev else ""
        # "Asked whether ..., Berg said": a participle clause, not a description
        clause = first.endswith(("ed", "ing")) and first not in TITLES
        if prev and not clause and _descriptive(prev) and len(prev) < 90:
            parts.append(prev)
    after_at = i + len(name)
    aged = re.match(r"^,\s*\d{1,3}(?=\s*,)", after)
    if aged:  # "Jane Roe, 52, a teacher from Ohio,": the description after the age
        after, after_at = after[aged.end():], after_at + aged.end()
    m = re.match(r"^,\s*((?:a|an|the|his|her|its|their) [^,]{3,80}?)(?:,|\.|$)", after)

    def reaches_verb(length: int) -> bool:  # the words after the name run into the statement
        return main_verb_at is not None and after_at < main_verb_at < after_at + length

    if m is None:  # "Nick Clegg, Meta's president of global affairs,"
        m = re.match(r"^,\s*((?:[A-Z][\w.&-]*\s)*[A-Z][\w.&-]*['’]s (?:[a-z][\w-]*\s?){1,4}"
                     r"[^,]{0,60}?)(?:,|\.|$)", after)
    if m is None:  # wire style drops the article: "Maria Delgado, president of the union,"
        bare = re.match(r"^,\s*((?:[a-z][\w'’-]*\s+){1,3}(?:of|for|at)\s+[^,]{3,70}?)(?:,|\.|$)",
                        after)
        if bare and any(w in _ROLE_HEADS or w in TITLES for w in
                        bare.group(1).split(" of ")[0].split(" for ")[0].split(" at ")[0].split()):
            m = bare
    if m and not reaches_verb(m.end(1)):
        desc, *rel = re.split(r"\s+(?:who|whom|whose|which|that)\b", m.group(1), maxsplit=1)
        # "Vik, a lawyer who has often said ...": the description without the relative clause
        # that holds the statement ("a Democrat who chairs the committee" is kept whole)
        said = rel and any(w.strip(".,;:\"“”") in _SAYING for w in rel[0].lower().split())
        parts.append(desc if said else m.group(1))
    of = re.match(r"^\s+of\s+(?:the\s+)?([A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?"
                  r"[A-Z][\w'’&.-]*){0,6})", after)
    if of is None:  # "Lt. Gina Marsh of the county sheriff's office": a body named in
        # common nouns
        of = re.match(rf"^\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){{0,4}}(?:{_BODY_NOUNS}))\b", after)
    if of and not reaches_verb(of.end()):
        where = of.group(1)  # "Ana Lind of the Nordic Shipping Institute"
        parts.append(where if re.search(r"\b[A-Z]\.[A-Z]\.$", where) else where.rstrip("."))
    role = ", ".join(p.strip(" ,\"“”") for p in parts if p.strip(" ,\"“”"))
    return role or None
