"""Who "he", "the official", "the statement", "the agency" and "It" are: a memory of the
speakers, named subjects and outlets met so far in the article, read in order.

News style is regular enough for rules: "he said" after a quote is the speaker of that quote
(the previous statement), not the nearest name; "the official" is the last speaker called an
official; "the agency" or "the Post" is the last outlet of that kind; "It said" after an
outlet's report continues that report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .first_names import given_name_gender
from .paraphrases import ISSUED_DOCUMENTS
from .speakers import PRONOUNS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FEMALE = re.compile(r"\b(Mrs|Ms|Miss|Madam|Lady|Queen|Princess)\.?\s", re.IGNORECASE)
_MALE = re.compile(r"\b(Mr|Sir|Lord|King|Prince)\.?\s", re.IGNORECASE)
# Descriptions that stand for a person or body named earlier ("the official", "the minister").
DESCRIPTION_HEADS = frozenset(["official", "source", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier", "chancellor", "general", "commander", "officer", "diplomat", "envoy", "ambassador", "senator", "governor", "mayor", "secretary", "chief", "director", "leader", "lawmaker", "candidate", "aide", "adviser", "advisor", "lawyer", "attorney", "prosecutor", "judge", "analyst", "expert", "resident", "witness", "officer", "representative", "chairman", "chairwoman", "ceo", "head", "statement", "ministry", "department", "group", "company", "firm", "military", "army", "government", "agency", "movement", "militia", "organization", "organisation", "party", "campaign", "administration", "monitor", "observatory", "cleric", "person", "people", "association", "federation", "foundation", "institute", "league", "society"])
_PLURAL = re.compile(r"\b\w+(?<!s)s\b(?!['’])\s*$|\bpeople\b", re.IGNORECASE)
_TITLED = re.compile(
    r"\b((?:(?:Vice|Deputy|Former|Foreign|Defen[cs]e|Prime|Interior|Finance|Supreme)\s+)?"
    r"(?:President|Premier|Chancellor|Minister|Gen\.|General|Secretary|Governor|Gov\.|Mayor|"
    r"Senator|Sen\.|Leader|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Commander))\s+"
    r"((?:[A-Z][a-z'’-]+\s)*[A-Z][a-z'’-]+)")
# news copy abbreviates a title before a name and spells it out alone ("Sen. Ana Ruiz ... the
# senator said")
_ABBREVIATED = {"sen": "senator", "gen": "general", "gov": "governor", "lt": "lieutenant",
                "col": "colonel", "capt": "captain", "adm": "admiral", "sgt": "sergeant",
                "maj": "major", "brig": "brigadier", "prof": "professor",
                # a religious title is also what the next mention calls him ("the cleric")
                "ayatollah": "ayatollah cleric", "imam": "imam cleric", "rabbi": "rabbi cleric",
                "rev": "reverend cleric", "reverend": "reverend cleric",
                "bishop": "bishop cleric", "pastor": "pastor cleric",
                "cardinal": "cardinal cleric", "hojatoleslam": "hojatoleslam cleric"}


def _spelled_out(text: str) -> str:
    """"Lt. Gov. Ana Ruiz" -> "lieutenant governor ana ruiz", to match "the governor"."""
    return " ".join(_ABBREVIATED.get(w.rstrip("."), w) for w in text.lower().split())
# bodies named by a common noun ("the company", "the ministry"): an "it"
BODIES = frozenset({"ministry", "department", "military", "army", "navy", "government",
                    "agency", "company", "firm", "group", "movement", "militia", "party",
                    "administration", "council", "committee", "police", "organization",
                    "organisation", "office", "court", "commission", "campaign"})


# what news copy calls a named body the second time ("the group", "the company")
# qualifiers that point away from the body just named: "the parent company", "the rival firm"
_OTHER = frozenset({"other", "rival", "parent", "new", "former", "sister", "competing",
                    "second", "third", "another", "same", "smaller", "larger", "bigger"})
GENERIC_BODIES = frozenset({"group", "company", "firm", "union", "movement", "militia",
                            "organization", "organisation", "party", "coalition", "alliance",
                            "association", "federation", "foundation", "institute", "league",
                            "society", "monitor", "watchdog", "charity", "regulator"})


@dataclass
class Mention:
    name: str
    stype: str
    role: str | None
    pos: int  # character offset in the article
    speaker: bool  # made a statement (not only named as a subject)
    outlet: str | None = None
    channel: str | None = None
    gender: str | None = None
    crowd: bool = False  # people named as a main subject ("Fishermen blocked ..."), for "they"
    members: tuple[str, ...] = ()  # the persons of "Baker and Roe spoke ...", for "they"


@dataclass
class Discourse:
    """Everything said so far, newest last; `resolve_*` look backwards from a position."""

    mentions: list[Mention] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    guessed: dict[str, str] = field(default_factory=dict)  # from given names, text wins
    staff: dict[str, str] = field(default_factory=dict)  # reporter surname -> outlet
    surnames: set[str] = field(default_factory=set)  # last names of the article's persons
    people: list[tuple[int, str]] = field(default_factory=list)  # full names, in any role
    # "Ana Ruiz" the small pipeline tags as no person: a given name and a surname
    given_full: set[str] = field(default_factory=set)
    # "Mrs. Clinton", "Mr. Biden" where they stand: the honorific says who a "she" can be
    honored: list[tuple[int, str, str]] = field(default_factory=list)
    outlet_names: dict[str, str] = field(default_factory=dict)  # "Al-Resalah" -> canonical
    titles: dict[str, set[str]] = field(default_factory=dict)  # "president" -> {"Trump"}

    def add(self, name: str, stype: str, role: str | None, pos: int, *, speaker: bool,
            outlet: str | None = None, channel: str | None = None, crowd: bool = False,
            members: tuple[str, ...] = ()) -> None:
        if outlet is None:
            stype = self.type_of(name, stype)
        if stype == "person" and len(name.split()) > 1 and name.split()[-1][:1].isupper():
            # a full name the small pipeline did not tag as a person still makes its surname
            # one ("Deborah Jordan Reynolds ... Reynolds says")
            self.surnames.add(_surname(name))
            self._guess_gender(name)
        self.mentions.append(Mention(name=name, stype=stype, role=role, pos=pos,
                                     speaker=speaker, outlet=outlet, channel=channel,
                                     gender=self.gender(name), crowd=crowd,
                                     members=members))

    def type_of(self, name: str, stype: str) -> str:
        """"Karl Dahl ... Dahl was less positive": the small pipeline types the bare surname
        of a person named earlier as an organisation or nothing; it is that person."""
        return "person" if name in self.surnames else stype

    def members_of(self, name: str, pos: int) -> tuple[str, ...]:
        """The persons a "they" resolved to `name` stands for ("Baker and Roe"), if any."""
        return next((m.members for m in self._recent(pos) if m.name == name and m.members), ())

    def note_people(self, people: Iterable[tuple[int, str]]) -> None:
        """Full names the pipeline tags as persons, with their offsets, whatever their role in
        the sentence: the fallback antecedents of "he" and "she"."""
        for at, text in people:  # given in text order, paragraph by paragraph
            name = re.sub(r"['’]s?$", "", text).strip()
            self.people.append((at, name))
            self._guess_gender(name)

    def full_name(self, surname: str, honorific: str | None = None) -> str | None:
        """"Ana Ruiz, the mayor, met ... 'We have a deal,' Ruiz said": the one full name the
        article gives for a bare surname (None when two people share it, "Bill" and "Hillary
        Clinton", unless the `honorific` before the surname, "Mrs.", tells them apart; or when
        none is given)."""
        forms = [n for n in [*(n for _at, n in self.people), *self.given_full]
                 if _surname(n) == surname and len(_untitled(n).split()) > 1]
        gender = "f" if honorific and _FEMALE.match(honorific + " ") else \
            "m" if honorific and _MALE.match(honorific + " ") else None
        if gender is not None and len({_untitled(n) for n in forms}) > 1:
            # "Tom Baker and his wife, Jane Baker ... Mrs. Baker said": the one she can be
            forms = [n for n in forms if given_name_gender(_untitled(n)) == gender]
        if len({_untitled(n) for n in forms}) != 1:
            return None
        return max(forms, key=len)  # as written in full ("Ayatollah Ahmad Berg")

    def note_given_names(self, doc: Doc) -> None:
        """A known given name and one or two capitalised proper nouns after it: a full name
        whatever entity the pipeline gives it ("Police Chief Ana Ruiz" tagged an ORG)."""
        for t in doc:
            if t.pos_ != "PROPN" or t.lower_ in TITLES or not t.is_alpha or (
                    t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and
                    doc[t.i - 1].lower_.strip(".") not in TITLES):
                continue  # inside a longer name ("Harbor Line Shipping": no "Line")
            run = [t]
            for nxt in doc[t.i + 1:t.i + 3]:
                if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or not nxt.is_alpha:
                    break
                run.append(nxt)
            if len(run) > 1 and given_name_gender(f"{t.text} {run[1].text}") is not None:
                self.given_full.add(" ".join(x.text for x in run))

    def note_honorific(self, at: int, name: str, honorific: str) -> None:
        """"Mrs. Clinton's father grew up here, as she said": a named person in any role,
        whose honorific gives the gender at that place (the same surname may be Mr. and Mrs.
        in one article)."""
        gender = "f" if _FEMALE.match(honorific + " ") else "m" if _MALE.match(honorific + " ") \
            else None
        if gender is not None:
            self.honored.append((at, re.sub(r"['’]s?$", "", name).strip(), gender))

    def _guess_gender(self, name: str) -> None:
        """"Jane Roe": a "she", unless the text says otherwise (`genders` wins)."""
        if (given := given_name_gender(name)) is not None:
            self.guessed.setdefault(_surname(name), given)

    def gender(self, name: str) -> str | None:
        """Known for the person, under any form of the name ("Eva Lund", "Lund"): from the
        text, else from the given name."""
        key = _surname(name)
        return self.genders.get(key) or self.guessed.get(key)

    def note_gender(self, name: str, context: str) -> None:
        """"Mr. X", "Mrs. X", or "X ... his/her" right after the name fixes X's gender."""
        key = _surname(name)
        if key in self.genders:
            return
        head = context[:context.find(name) + len(name)] if name in context else ""
        if _FEMALE.search(head[-len(name) - 8:]):
            self.genders[key] = "f"
        elif _MALE.search(head[-len(name) - 8:]):
            self.genders[key] = "m"

    def observe_pronoun(self, name: str, pronoun: str) -> None:
        key = _surname(name)
        if pronoun in {"he", "him", "his"}:
            self.genders.setdefault(key, "m")
        elif pronoun in {"she", "her", "hers"}:
            self.genders.setdefault(key, "f")

    def _recent(self, pos: int, window: int = 2500) -> list[Mention]:
        return [m for m in reversed(self.mentions) if pos - window <= m.pos < pos]

    def resolve_pronoun(self, pronoun: str, pos: int) -> Mention | None:
        """The antecedent of a subject pronoun: the previous statement's speaker when it fits,
        else the nearest fitting named subject."""
        want = PRONOUNS.get(pronoun)
        recent = self._recent(pos)
        if want == "person":
            gender = "m" if pronoun == "he" else "f" if pronoun == "she" else None

            def fits(m: Mention) -> bool:
                if m.stype == "unnamed" and m.speaker:
                    return not _PLURAL.search(m.name)  # "the official" is a he or a she
                known = self.gender(m.name) or m.gender  # also learnt after the mention
                return m.stype == "person" and (gender is None or known in (None, gender))

            last_speaker = next((m for m in recent if m.speaker and m.outlet is None), None)
            nearest = next((m for m in recent if fits(m)), None)
            if last_speaker is not None and fits(last_speaker):
                # a person named after the last statement, as a subject, takes over the topic
                if nearest is not None and nearest.pos > last_speaker.pos and not nearest.speaker \
                        and nearest.name != last_speaker.name:
                    return nearest
                return last_speaker
            return nearest or self._person_of_gender(gender, pos)
        if want == "org":
            return next((m for m in recent if m.stype in {"organization", "government"} or
                         m.outlet or m.stype == "unnamed" and m.speaker and
                         m.name.split()[-1].lower() in BODIES), None)  # "the company"
        if want == "plural":
            said = next((m for m in recent if m.stype in {"group", "unnamed", "government"}
                         and m.speaker), None)
            # "Fishermen blocked the harbor. They said ...": people named as the last main
            # subject, after the last plural speaker, are who "they" are
            crowd = next((m for m in recent if m.crowd), None)
            if crowd is not None and (said is None or crowd.pos > said.pos):
                return crowd
            return said
        return None

    def _person_of_gender(self, gender: str | None, pos: int) -> Mention | None:
        """"Jane Roe met Tom Baker. 'No,' he said": when no subject fits, the nearest person
        named anywhere before whose gender is known to be the pronoun's."""
        if gender is None:
            return None
        named = [(at, name, self.gender(name)) for at, name in self.people] + self.honored
        for at, name, known in sorted(named, key=lambda n: n[0], reverse=True):
            if pos - 2500 <= at < pos and known == gender:
                return Mention(name=name, stype="person", role=None, pos=at, speaker=False,
                               gender=gender)
        return None

    def learn_titles(self, text: str) -> None:
        """"President Trump", "Foreign Minister Abbas Araghchi" anywhere in the article: who
        "the president" or "the foreign minister" is when the text never says so nearby."""
        for m in _TITLED.finditer(text):
            title = _spelled_out(m.group(1))
            self.titles.setdefault(title, set()).add(m.group(2).split()[-1])

    def resolve_title(self, phrase: str, pos: int) -> Mention | None:
        """The one person the article gives this title to, found among earlier mentions (or
        a new mention when the titled name comes only later in the text)."""
        title = " ".join(re.sub(r"^(the|that|this)\s+", "", phrase.lower()).split())
        names = self.titles.get(title, set())
        if len(names) != 1:
            return None
        (surname,) = names
        for m in self._recent(pos, 10**9):
            if m.stype == "person" and m.name.split()[-1] == surname:
                return m
        return Mention(name=surname, stype="person", role=title.title(), pos=pos, speaker=False)

    def resolve_statement(self, pos: int) -> Mention | None:
        """"the statement said": the last body or person who issued one, else the last org."""
        recent = self._recent(pos)
        return next((m for m in recent if m.speaker and m.channel and "statement" in m.channel),
                    None) or \
            next((m for m in recent if m.speaker and m.stype in {"organization", "government"}),
                 None)

    def resolve_description(self, phrase: str, pos: int, exact: bool = False) -> Mention | None:
        """"the official", "the vice president": the last speaker (or subject) whose name or
        role holds those words (all of them: "vice president" is not any president). With
        `exact` ("the U.S. official": a place or nationality qualifies it), only all of them."""
        words = re.sub(r"^(the|that|this)\s+", "", phrase.strip().lower()).split()
        if not words:
            return None
        want = " ".join(words[-3:])
        body = words[-1] in BODIES  # "the ministry" is no "spokeswoman for the ministry"
        for m in self._recent(pos, 6000):
            hay = _spelled_out(f"{m.name} {m.role or ''}")
            if re.search(rf"\b{re.escape(want)}s?\b", hay) and not (body and m.stype == "person"):
                return m
        if exact:
            return None
        if len(words) > 1 and words[0] in {"former", "vice", "deputy", "foreign", "prime",
                                           "defense", "defence", "interior", "finance"}:
            return None  # a qualified title names someone else than the bare title would
        head = words[-1]
        for m in self._recent(pos, 6000):
            hay = _spelled_out(f"{m.name} {m.role or ''}")
            if re.search(rf"\b{re.escape(head)}s?\b", hay) and not (body and m.stype == "person"):
                return m
        definite = re.match(r"(?i)(the|that|this)\s+", phrase.strip())
        qualifiers = phrase.strip()[definite.end():].split()[:-1] if definite else []
        if head in GENERIC_BODIES and definite and len(qualifiers) <= 2 and all(
                (w[:1].islower() or w.lower().endswith("-based")) and w.lower() not in _OTHER
                for w in qualifiers):
            # "the company", "the chip company", "the Oregon-based company" ("the Chinese
            # company" may be another one)
            # "Hamas said ... The group accused": the last body that spoke, by its name
            bodies = [m for m in self._recent(pos) if m.outlet is None and
                      m.stype in {"organization", "group"} and m.name[:1].isupper()]
            # else the last body the story was about ("Novalith is exploring a sale. ... the
            # company said"): a main clause's subject
            return next((m for m in bodies if m.speaker), None) or next(iter(bodies), None)
        return None

    def resolve_outlet(self, phrase: str, pos: int) -> str | None:
        """"the agency", "the newspaper": the last outlet of that kind; "the Post", "the
        Courier": the last outlet whose name ends so."""
        low = phrase.lower()
        outlets = [m.outlet for m in self._recent(pos, 8000) if m.outlet and
                   m.outlet != "unnamed reports"]
        if not outlets:
            return None
        last_word = re.sub(r"^(the|that|this)\s+", "", low).split()[-1] if low.split() else ""
        for o in outlets:
            if re.search(r"\b[Tt]he [A-Z]", phrase):  # "the Post": an outlet of that name
                if last_word and last_word == o.lower().split()[-1]:
                    return o
            elif _kind_fits(last_word, o):
                return o
        return None if re.search(r"\b[Tt]he [A-Z]", phrase) else outlets[0]

    def last_fact_outlet(self, pos: int, window: int = 600) -> str | None:
        """The outlet whose report the text was just relaying ("It said ...")."""
        for m in self._recent(pos, window):
            if m.speaker:
                return m.outlet
        return None


def _untitled(name: str) -> str:
    """"Ayatollah Ahmad Berg" and "Ahmad Berg" are one name."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _surname(name: str) -> str:
    """The key a person's gender is kept under: the last word of any form of the name."""
    return name.split()[-1] if name.split() else name


def _kind_fits(noun: str, outlet: str) -> bool:
    if outlet.endswith("state media"):
        return True  # named by kind when unnamed: "the state news agency", "state television"
    agencyish = re.search(r"agency|AFP|Reuters|AP|TASS|IRNA|Tasnim|Fars|Xinhua|Anadolu|"
                          r"Interfax|Yonhap|Kyodo|dpa|SANA|KCNA|UPI|RIA|Mehr|ISNA", outlet)
    if noun in {"agency", "wire", "service"}:
        return bool(agencyish)
    if noun in {"newspaper", "paper", "daily", "weekly", "tabloid"}:
        return not agencyish
    return True


def description_head(text: str) -> str | None:
    """"the official" -> "official"; "the statement" -> "statement"; else None."""
    m = re.match(r"^(?:the|that|this)\s+(?:[\w.-]+\s+){0,2}?([a-z]+)$", text.strip(),
                 re.IGNORECASE)
    if not m:
        return None
    head = m.group(1).lower()
    return head if head in DESCRIPTION_HEADS or head in ISSUED_DOCUMENTS or \
        head in GENERIC_BODIES else None


def is_statement_noun(head: str | None) -> bool:
    return head in ISSUED_DOCUMENTS
