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
from .conflicts import count_conflicts
from .model import Attribution, Cue
from .quotes import find_quotes
from .speakers import ANON_HEAD, VAGUE_GROUPS
from .verbs import DECIDED

# "who declined to be named": a cue on its own, and part of its source's cue when it follows
# an unnamed speaker's name
_ANONYMITY = (r"(?:who|which) (?:asked|spoke on condition|requested|declined|refused) (?:not )?"
              r"to be (?:named|identified)")
# (kind, pattern): phrase-level, case-insensitive.
# "more likely", "less likely", "as likely", "twice as likely": a comparison, not a forecast
_UNCOMPARED = r"(?<!\bmore )(?<!\bless )(?<!\bmost )(?<!\bleast )(?<!\bas )"
CUES: tuple[tuple[str, str], ...] = (
    ("hedge", r"\bat least(?= (\d|one|two|three|four|five|six|seven|eight|nine|ten|a |an |half|several|some|\w+ (hundred|thousand|dozen)))"),
    ("hedge", r"\breportedly\b"),
    ("hedge", r"\ballegedly\b|\bpurportedly\b|\bostensibly\b"),
    # "the alleged gunman": what the text calls him is not established
    ("hedge", r"(?:(?<=\bthe )|(?<=\ban )|(?<=\ba )|(?<=\bhis )|(?<=\bher )|(?<=\btheir )|"
              r"(?<=\bits ))(alleged|suspected)\b"),
    ("hedge", r"\bapparently\b|\bpresumably\b|\bsupposedly\b"),
    ("hedge", r"\b(appears?|appeared|seems?|seemed) to\b"),
    ("hedge", r"\b(an estimated|roughly|approximately|up to(?= \d))\b"),
    ("hedge", r"\bmay have\b|\bmight have\b|\bcould have\b"),
    ("hedge", r"\bmay well\b|\bmight well\b"),
    # (not the month: "on May 3", "in May")
    ("hedge", r"\b(?-i:(?!May\b))(could|might|may)\b(?! (not|have|hamper|lead|trigger|cause|rise|worsen|delay|"
              r"spark|well)\b)(?= \w+)"),
    ("hedge", r"\b(is|are|was|were) (widely |generally )?(believed|thought|understood|"
              r"presumed|suspected) to\b"),
    ("hedge", rf"\b(probably|perhaps|possibly|{_UNCOMPARED}likely)\b(?! to\b)"),
    # an assessment given as a belief or an estimate ("the official estimated", "Washington
    # believes the militias ..."); "believed to" is above, "believes in" is not an assessment
    ("hedge", r"\b(believes|believed|estimated)\b(?! (to|in)\b)"),
    ("hedge", r"\bnot (immediately |yet )?clear\b|\bunclear\b"),
    ("hedge", r"\bif confirmed\b|\bit is possible\b"),
    ("hedge", r"\bdetected signs\b|\bsigns that\b"),
    ("speculation", r"\bspeculat\w*"),
    ("speculation", r"\bpossible\b"),
    ("speculation", r"\bsuggest(ed|s|ing)?\b(?! that they)"),
    ("speculation", r"\bindicat(es|ed|ing)\b"),
    ("speculation", r"\brumou?rs?\b|\bconjecture\b"),
    # "for fear of reprisals": why a source hides, not a guess about events
    ("speculation", r"(?<!\bfor )\b(fears?|concerns?) (that|of|over|about)\b|\bworried that\b"),
    ("speculation", r"\b(fears?|concerns?|worries) (that )?(\w+ ){1,3}(may|might|could|would)\b"),
    ("speculation", r"\bcould be\b|\bmight be\b"),
    ("prediction", r"\bimminent\b"),
    ("prediction", r"\b(is|are|was|were) (also )?set to\b"),
    # "were 12% less likely to develop it": a comparison of rates, no forecast
    ("prediction", rf"\b({_UNCOMPARED}likely|unlikely|expected) to\b"),
    ("prediction", r"\b(is|are|was|were|seems?|looks?) (very |highly |increasingly )?"
                   r"(likely|unlikely)\b(?! to\b)"),
    ("prediction", r"\bexpects?\b|\bforecasts?\b|\bpredict\w*"),
    ("prediction", r"\b(would|will) (turn into|be met|lead to|result in|trigger|spark)\b"),
    ("prediction", r"\bcould (hamper|lead|trigger|cause|rise|worsen|delay|spark)\b"),
    ("prediction", r"\b(plans?|planning|planned) to\b"),
    ("prediction", r"\b(increases?|raises?) the (likelihood|risk|chances?)\b"),
    ("prediction", r"\bwould be (severe|swift|decisive|harsh|crushing|devastating)\b"),
    ("anonymous_source", rf"\b{_ANONYMITY}\b"),
    ("anonymous_source", r"\bon (the )?condition (of|that he|that she|that they)"
                         r" (anonymity|not be (named|identified))\b"),
    ("anonymous_source", r"\bspoke (to \w+ )?on condition of anonymity\b"),
    ("anonymous_source", r"\b(asking|asked|requesting|requested) that (his|her|their) (full )?"
                         r"(name|identity) not be (used|published|given|disclosed|revealed)\b"),
    ("anonymous_source", r"(?<!the )\b(people|persons|sources?|officials?) (familiar|close|briefed|"
                         r"with knowledge) (with|to|on|of)\b"),
    ("anonymous_source", r"\b(who|which) declined to be named\b|\bnot authori[sz]ed to (speak|"
                         r"discuss|comment)\b"),
    ("anonymous_source", r"\b(unnamed|anonymous|unidentified) (\w+ ){0,2}(officials?|sources?|"
                         r"diplomats?|persons?|people|officers?)\b"),
    # counted but unnamed, also where they are not the speaker ("a call between two senior
    # Iranian officials")
    ("anonymous_source", r"\b(two|three|four|several|some|many) ((senior|top|high-ranking|local|"
                         r"[A-Z][\w-]+) ){0,3}(officials|sources)\b"),
    ("vague_attribution", r"\b(reports|media|media reports) (said|say|says|suggest\w*|claim\w*)"
                          r"\b|\baccording to (media )?reports\b"),
    ("vague_attribution", r"\b(some|many|critics|observers|analysts|experts) (say|said|believe)\b"),
    ("vague_attribution", r"\b(some|many|several|few|other) (\w+ ){1,2}(say|said|believe|think|"
                          r"argue|argued|warn|warned)\b"),
    ("vague_attribution", r"\bit (is|was|had been|has been) (\w+ly |just |also |long |once )?"
                          r"(said|believed|understood|claimed|alleged|thought)\b"),
    ("vague_attribution", r"\b(is|are|was|were) (said|alleged|rumou?red|reported) to\b"),
    ("vague_attribution", r"\b(is|are) known to\b|\bwidely (viewed|seen|regarded|considered)\b"),
    # "the account could not be verified": the report is unconfirmed; "Reuters could not
    # verify the images" (below): what the images claim is unverified
    ("unconfirmed_report", r"\bcould not be (independently |immediately )?(verified|confirmed|"
                           r"authenticated)\b|\bnot been (independently )?authenticated\b|"
                           r"\b(neither|none)\b[^.;:\"“”]{0,40}?\bcould be (independently )?"
                           r"(verified|confirmed)\b"),
    ("unconfirmed_report", r"\b(would|could|did) not (immediately )?confirm\b"),
    ("unconfirmed_report", r"\bdeclined to (confirm|comment)( or deny)?( the report)?\b|"
                           r"\bneither (confirm|confirmed|confirms) nor (deny|denied|denies)\b"),
    ("unconfirmed_report", r"\b(did not|didn['’]t) (immediately )?comment on (the|a|this|that|"
                           r"those|these) (\w+ )?reports?\b"),
    ("unconfirmed_report", r"\bunconfirmed\b|\bnot been (independently )?(verified|confirmed)\b"),
    # the same doubt said of the claim itself ("impossible to verify", "no independent
    # confirmation", "have not been substantiated")
    ("unconfirmed_report", r"\b(impossible|difficult|hard) to (independently )?(verify|confirm)\b|"
                           r"\bno (independent |official )?confirmation\b|"
                           r"\bnot been substantiated\b|\bunsubstantiated\b"),
    ("unconfirmed_report", r"\breported in recent (days|weeks)\b"),
    ("unconfirmed_report", r"\bleaked\b|\bpreliminary (assessment|report|findings)\b"),
    ("unverified_claim", r"\bboast(ed|s|ing)?\b|\bbragg?(ed|s|ing)?\b"),
    ("unverified_claim", r"\bclaim(ed|ing)\b|\bclaims? that\b"),
    # an accusation not yet proven: "prosecutors allege that", "the lawsuit alleges"
    ("unverified_claim", r"\balleg(es|e|ing)\b|\balleged that\b"),
    ("unverified_claim", r"\b(blames?|blamed|blaming)\b"),
    # a claim slipped into a relative clause ("a drone that it said was flying in its
    # airspace"): the text gives the assertion without anything that checks it
    ("unverified_claim", r"\b(that|which) (it|he|she|they) (said|says|claimed|claims)\b"),
    ("unverified_claim", r"\bdid not (immediately )?respond to (a )?requests? for comment\b|"
                         r"\b(did not|didn['’]t) (immediately )?(respond|reply|comment)\b|"
                         r"\bdid not (immediately )?return (an? )?(phone |telephone )?(calls?|messages?|"
                         r"e-?mails?|requests?)\b"),
    # the same silence with the subject negated, or told from the messages' side
    # (the cue is the named group: the verb, not the whole clause)
    ("unverified_claim", r"\b(?:neither|none of)\b[^.;:\"“”]{0,60}?\b(?P<cue>(?:responded|replied)"
                         r" to (?:\w+ ){0,2}requests? for comment)\b"),
    ("unverified_claim", r"\b(?:messages|calls|e-?mails|requests for comment)\b[^.;:\"“”]{0,40}?"
                         r"\b(?P<cue>(?:was|were) not (?:immediately )?returned)\b"),
    ("unverified_claim", r"\bcould not (immediately |independently )?(verify|confirm)\b|"
                         r"\b(was|were|is|are) (not able|unable) to (immediately |independently )?"
                         r"(verify|confirm)\b"),
    ("unverified_claim", r"\b(was|were|is|are) (not )?(immediately )?(unavailable|not available) "
                         r"for comment\b|\bcould not (immediately )?be reached\b"),
    ("unverified_claim", r"\binsisted\b|\binsistence\b"),
    # a threat asserted to justify acting ("disrupt an imminent attack", "was planning an
    # 'imminent attack'"): what the other side planned is the speaker's unverified claim
    ("unverified_claim", r"\b(planning|plotting|preparing|disrupt\w*|thwart\w*|prevent\w*|"
                         r"foil\w*) an? [\"“‘']?imminent\b"),
    ("unverified_claim", r"\bwithout (providing |giving |offering )?(any )?evidence\b|"
                         r"\bno evidence (was|were|has been|had been) (offered|provided|given|"
                         r"presented)\b"),
    # ("denied his request", "denied bail": a decision, no account disputed)
    ("conflict", r"\b(?:denied|denies|deny|denial)\b(?!(?: (?:him|her|them|his|her|their|its|"
                 rf"the|a|an|any))?(?: \w+)? (?:{'|'.join(sorted(DECIDED))})s?\b)"),
    ("conflict", r"\brejected the (claim|report|allegations?|accusations?)\b"),
    # "disputed", "disputes the figures"; not the noun ("following the dispute closely")
    ("conflict", r"\bdisputed\b|(?<!\bthe )(?<!\ba )\bdisputes?\b(?! over\b| between\b| with\b)"
                 r"(?=\s+(that|the|this|these|those|his|her|its|their|claims?|reports?|any)\b)|"
                 r"\bcontradict\w*|\bcontested\b"),
    ("conflict", r"\ba (higher|lower|different) (figure|toll|number|account)\b"),
    ("conflict", r"\bnot true\b|\buntrue\b"),
    ("conflict", r"\bconflicting\b|\bdisagree\w*\b|\bcast doubt\b|\braise[sd]? questions\b"),
    ("conflict", r"\bslamm?ed\b|\brefuted\b|\bcountered\b"),
    ("conflict", r"\bcould not be reconciled\b|\binconsistent with\b"),
    # the cue is "despite": the reports it sets against are a cue of their own ("despite
    # media reports suggesting ...": a vague attribution)
    ("conflict", r"\bdespite\b(?= (\w+ ){0,3}(reports?|claims?|assertions?|statements?)\b)"),
    ("missing_context", r"\bdid not (say|specify|give|disclose|explain|elaborate|provide|"
                        r"identify|name|release|publish|reveal)\b|\bwithout (giving|providing|specifying|naming)\b"),
    ("missing_context", r"\bdid not specifically mention\b|\bdidn['’]t specify\b"),
    # a question left open on purpose ("wouldn't say when", "declined to say how many")
    ("missing_context", r"\b(?:(?:would|will|could) not|(?:wouldn|won|couldn)['’]t|declined to|"
                        r"refused to) (say|specify|disclose|elaborate|explain|identify|name)\b"),
    # the same refusal with the subject negated ("Neither Ruiz nor Berg would say whether")
    ("missing_context", r"\b(?:neither|no|none)\b[^.;:\"“”]{0,60}?\b(?:would|will|could) "
                        r"(say|specify|disclose|elaborate|explain|identify|name|comment)\b"),
    ("missing_context", r"\b(polls?|surveys?|studies|data|figures) (show|shows|showed|suggest|"
                        r"suggests|suggested)\b"),
    ("missing_context", r"\bit (was|is|remains) (not clear|unclear)\b"),
    # what nobody has told yet ("the exact number is unknown", "have yet to explain why",
    # "declined to provide details")
    ("missing_context", r"\b(is|are|was|were|remains?) (still |as yet |largely )?unknown\b|"
                        r"\b(has|have|had) yet to (say|explain|disclose|reveal|identify|name|"
                        r"release|specify|give)\b|\b(declined|refused) to (provide|give|release|"
                        r"share) (any )?(further |more |other )?(details|information|figures|"
                        r"data|an explanation|a reason|a timeline)\b"),
    # what the reader is not told and nobody could establish ("details have not been made
    # public", "the toll could not be determined", "whether it holds remains to be seen")
    ("missing_context", r"\bnot (yet )?(been )?(made public|disclosed|publicly released)\b|"
                        r"\bcould not be (determined|established)\b|\bremains? to be seen\b"),
    ("missing_context", r"\bno (details|further details) (were|was) (given|provided)\b|"
                        r"\b(gave|provided|offered) no (further |other |more )?(details|"
                        r"timeline|timeframe|explanation|reason|evidence|figures?)\b"),
    # what the authorities have not made known ("police have not released the name")
    ("missing_context", r"\b(has|have|had) not (yet )?(released|disclosed|identified|named|"
                        r"revealed|given(?! up))\b"),
    ("missing_context", r"\b(?:was|were|is|are) not (?:yet |immediately )?known\b"
                        r"(?! (?:for|as|to)\b)|"
                        r"\bit (is|was) not (yet |immediately )?known\b|"
                        r"\b(remains?|remained) unknown\b"),
    ("missing_context", r"\b(has|have|had) not (yet )?(commented|responded|said)\b|"
                        r"\bno (immediate )?comment\b"),
    # what the authorities have not found out or made known yet
    ("missing_context", r"\b(has|have|had) yet to (identify|release|name|say|confirm|disclose|"
                        r"determine|establish|explain|give|reveal)\b|"
                        r"\b(is|are|was|were|remains?|remained) under investigation\b"),
    ("missing_context", r"\b(not much|little) is known\b|\bno public information\b|"
                        r"\bdetails (were|are|remain) (scarce|unclear|sketchy)\b"),
)
# Inside a quote these are the speaker's own words about others, not how the article sources.
_NOT_IN_QUOTES = frozenset({"anonymous_source", "vague_attribution", "missing_context",
                            "unconfirmed_report"})
_NEGATED = re.compile(r"\b(not|never|no|n't|without)\s+(\w+\s+)?$", re.IGNORECASE)
_COMPILED = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in CUES)
_CLAUSE_END = re.compile(r"[,;]|(?<![A-Z])\.(?=\s|$)")
_ANON_KIND = re.compile(r"\b(official|source|diplomat|spokes(?:man|men|woman|women|person|people)|"
                        r"aide|insider|officer|representative|commentator|person|people)s?\b",
                        re.IGNORECASE)
# one unnamed person ("a farmer", "one harbor worker"); a group of them ("residents") is vague
_ONE_PERSON = re.compile(r"\b(resident|witness|worker|farmer|employee|villager|shopkeeper|"
                         r"driver|nurse|teacher|student|soldier|fighter|survivor|relative|"
                         r"neighbou?r|man|woman)\b", re.IGNORECASE)
_NAMED = re.compile(r"^(?:[A-Z][\w.'’-]+\s)*[A-Z][a-z]+\s[A-Z]")


def cue_window(s: Sentence, a: int, b: int, *, left: int = 3, right: int = 6) -> tuple[int, int]:
    """The cue with a few words around it, inside its clause: short enough that two cues of
    one sentence stay two, long enough to read."""
    ca, cb = clause_window(s, a, b)
    text = s.text
    lo = a - s.start
    for _ in range(left):
        j = text.rfind(" ", 0, max(0, lo - 1))
        if j < 0 or s.start + j + 1 < ca:
            lo = ca - s.start
            break
        lo = j + 1
    hi = b - s.start
    for _ in range(right):
        j = text.find(" ", hi + 1)
        if j < 0 or s.start + j > cb:
            hi = cb - s.start
            break
        hi = j
    lo, hi = max(lo, ca - s.start), min(hi, cb - s.start)
    while hi > lo and text[hi - 1] in " ,;:":
        hi -= 1
    return s.start + lo, s.start + hi


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
    """An unnamed source: a noun phrase headed by "official", "source"... with no name after
    its head ("a resident in Raqqa" is unnamed, "spokesman John Kirby" is not), and not a
    definite back-reference ("the official" points to someone introduced before)."""
    name = name.strip(" “”\"'‘’")
    if re.match(r"^(the|this|that|these|those)\s", name, re.IGNORECASE):
        return False
    m = ANON_HEAD.search(name)
    if m is None:
        return False
    rest = name[m.end():].lstrip(" ,")
    return not re.match(r"[A-Z][a-z]", rest)


_ANONYMITY_AFTER = re.compile(rf",\s*{_ANONYMITY}")


def _name_in(text: str, name: str, s: Sentence) -> tuple[int, int]:
    """Where a speaker's name stands in the sentence, with the quote marks the name leaves out
    ('four people “familiar with the talks”'); (-1, -1) if it does not."""
    pattern = r"[\s“”\"‘]*".join(re.escape(w) for w in name.split())
    m = re.compile(pattern).search(text, s.start, s.end) if pattern else None
    return (m.start(), m.end()) if m else (-1, -1)


def _attribution_cues(article: Article, claims: list[Attribution],
                      facts: list[Attribution]) -> list[Cue]:
    cues: list[Cue] = []

    def add(kind: str, phrase: str, s: Sentence, found: int | None = None) -> None:
        found = article.text.find(phrase, s.start, s.end) if found is None else found
        if found >= 0:
            wa, wb = cue_window(s, found, found + len(phrase), left=0, right=4)
            cues.append(Cue(kind=kind, cue=phrase, start=wa, end=wb, sentence=s))

    for c in claims:
        if c.speaker_type == "unnamed" and c.resolved_from is None and (
                is_anonymous(c.speaker) or
                c.speaker.lower().partition(" ")[0] in VAGUE_GROUPS | {"others"}):
            kind = "anonymous_source" if (_ANON_KIND.search(c.speaker) or
                                          _ONE_PERSON.search(c.speaker)) and not re.search(
                r"^(residents|witnesses|workers|people)$", c.speaker, re.IGNORECASE) \
                else "vague_attribution"
            at, end = _name_in(article.text, c.speaker, c.sentence)
            cond = _ANONYMITY_AFTER.match(article.text[end:c.sentence.end]) if at >= 0 else None
            # "A source, who declined to be named": one cue, the source and its condition
            add(kind, article.text[at:cond.end() + end if cond else end], c.sentence, at)
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
    # an outlet's report quoted in its own words ('The Times says: "There is little public
    # information ..."'): how it sources is how the article sources
    reports = [(f.start, f.end) for f in facts if f.outlet and not f.underlying]
    for s in article.sentences:
        quotes = [q for q in find_quotes(s, article)
                  if not any(a <= q.start < b for a, b in reports)]
        for kind, pattern in _COMPILED:
            for m in pattern.finditer(s.text):
                if kind == "conflict" and _NEGATED.search(s.text[:m.start()]):
                    continue  # "did not dispute the report": no conflict
                if kind in _NOT_IN_QUOTES and any(q.start <= s.start + m.start() < q.end
                                                  for q in quotes):
                    continue  # a speaker mentioning others' sources is not sourcing
                part = "cue" if "cue" in pattern.groupindex else 0
                a, b = s.start + m.start(part), s.start + m.end(part)
                wa, wb = cue_window(s, a, b)
                cues.append(Cue(kind=kind, cue=m.group(part), start=wa, end=wb, sentence=s))
    cues += _attribution_cues(article, claims, facts)
    cues += count_conflicts(article, claims + facts)
    cues = [c for c in cues if not article.in_instruction(c.start, c.end)]
    for f in article.flags:
        if f.kind in {"hidden_characters", "lookalike"}:
            where = next((x for x in article.sentences if x.start <= f.start < x.end), None)
            if where is not None:
                cues.append(Cue(kind="hidden_text", cue=article.text[f.start:min(f.end, where.end)],
                                start=f.start, end=min(f.end, where.end), sentence=where))
    return dedupe(cues, article.text)


# When two cues cover the same clause, the more serious kind is kept.
PRIORITY = ("hidden_text", "anonymous_source", "unconfirmed_report", "conflict", "unverified_claim",
            "vague_attribution", "speculation", "prediction", "missing_context", "hedge")


def dedupe(cues: list[Cue], article_text: str) -> list[Cue]:
    """Cues whose signalling words overlap, or that are of one kind in one window, are one
    signal to the reader: the more serious kind is kept."""
    ranked = sorted(cues, key=lambda c: (PRIORITY.index(c.kind), c.start))
    kept: list[tuple[Cue, int, int]] = []
    for cue in ranked:
        at = article_text.find(cue.cue, cue.start, cue.end)
        ca, cb = (at, at + len(cue.cue)) if at >= 0 else (cue.start, cue.end)
        if any(ka < cb and ca < kb or (k.kind == cue.kind and k.start < cue.end and
                                        cue.start < k.end) for k, ka, kb in kept):
            continue
        kept.append((cue, ca, cb))
    return sorted((k for k, _, _ in kept), key=lambda c: (c.start, c.end))
