"""Word lists the parser-side of the pipeline leans on: reporting verbs, outlets, cues.

Kept as data in one place so they can be read, reviewed and extended without touching logic.
"""

from __future__ import annotations

import re

REPORTING_VERBS = frozenset(["say", "tell", "add", "state", "warn", "caution", "announce", "claim", "report", "write", "tweet", "post", "insist", "argue", "note", "explain", "accuse", "deny", "confirm", "vow", "pledge", "promise", "threaten", "urge", "predict", "expect", "estimate", "suggest", "believe", "describe", "compare", "boast", "echo", "acknowledge", "admit", "allege", "assert", "declare", "emphasize", "emphasise", "stress", "highlight", "maintain", "reply", "respond", "recall", "complain", "criticize", "criticise", "praise", "dismiss", "reject", "demand", "concede", "contend", "counter", "reiterate", "signal", "hint", "indicate", "disclose", "reveal", "charge", "think", "blame", "vow", "warn", "forecast", "caution", "tout", "lament", "question", "testify", "announce", "inform", "advise", "recommend", "call"])

# Verbs that only report when they govern a clause or a quote, not "call a meeting".
WEAK_VERBS = frozenset({"call", "question", "think", "indicate", "signal",
                        "note", "describe", "believe", "suggest", "highlight", "compare"})

# Outlets: canonical name -> surface forms (matched case-sensitively on word boundaries).
OUTLETS: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "Reuters": ("Reuters",),
    "AP": ("Associated Press", "AP"),
    "The New York Times": ("The New York Times", "New York Times", "NYT", "the Times"),
    "The Washington Post": ("The Washington Post", "Washington Post", "WaPo"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "CNN": ("CNN",),
    "BBC": ("BBC News", "BBC"),
    "Al Jazeera": ("Al Jazeera",),
    "The Guardian": ("The Guardian",),
    "Financial Times": ("Financial Times", "FT"),
    "Axios": ("Axios",),
    "Politico": ("Politico",),
    "NBC News": ("NBC News", "NBC"),
    "CBS News": ("CBS News", "CBS"),
    "ABC News": ("ABC News",),
    "Fox News": ("Fox News",),
    "NPR": ("NPR",),
    "Tasnim": ("Tasnim News Agency", "Tasnim"),
    "Fars": ("Fars News Agency", "Fars"),
    "IRNA": ("IRNA",),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "Anadolu": ("Anadolu Agency", "Anadolu"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap",),
}
# A name ending in one of these, or followed by one of the descriptors, is an outlet too.
OUTLET_SUFFIX = re.compile(
    r"\b(Times|Post|News|Daily|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Standard|"
    r"Observer|Express|Mail|Review|Agency|Press|Radio|TV|Television|Broadcasting|Wire|Insider)$")
OUTLET_DESCRIPTOR = re.compile(
    r"^(newspaper|news agency|agency|daily|broadcaster|outlet|news site|magazine|television|"
    r"channel|radio|tabloid|weekly|wire service)\b", re.IGNORECASE)
GENERIC_REPORTS = re.compile(
    r"^(reports?|media reports?|news reports?|local media|state media|media|press reports?|"
    r"some reports|several reports)$", re.IGNORECASE)

CHANNEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(in a|in an|a) (post|message) on (X|Twitter)\b|\bwrote on (X|Twitter)\b|"
                r"\bposted on (X|Twitter)\b", re.IGNORECASE), "post on X"),
    (re.compile(r"\btweet(ed|s)?\b|\bon Twitter\b", re.IGNORECASE), "tweet"),
    (re.compile(r"\b(on|in a post on) (Facebook|Instagram|Telegram|Truth Social|LinkedIn)\b",
                re.IGNORECASE), "social media post"),
    (re.compile(r"\bpress conference\b", re.IGNORECASE), "press conference"),
    (re.compile(r"\bnews conference\b", re.IGNORECASE), "news conference"),
    (re.compile(r"\bpress release\b", re.IGNORECASE), "press release"),
    (re.compile(r"\b(in a|in an|the) (written )?statement\b|\bstatement (said|read)\b", re.IGNORECASE),
     "statement"),
    (re.compile(r"\bin a (letter|memo|email|speech|briefing|filing|report)\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\b(at|during) a (briefing|rally|hearing|speech|summit|meeting)\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\bon (television|TV|radio|state television)\b", re.IGNORECASE), "broadcast"),
)

# Uncertainty cues: (kind, regex). Patterns are phrase-level, lower-cased matching.
CUES: tuple[tuple[str, str], ...] = (
    ("hedge", r"\bat least\b"),
    ("hedge", r"\breportedly\b"),
    ("hedge", r"\ballegedly\b"),
    ("hedge", r"\bapparently\b"),
    ("hedge", r"\b(appears?|appeared|seems?|seemed) to\b"),
    ("hedge", r"\b(an estimated|roughly|approximately|up to)\b"),
    ("hedge", r"\bmay have\b|\bmight have\b"),
    ("hedge", r"\b(could|might|may)\b(?! (not|have|hamper|lead|trigger|cause|rise|worsen|delay|"
              r"spark)\b)(?= \w+)"),
    ("speculation", r"\bspeculat\w*"),
    ("speculation", r"\bpossible\b|\bpossibly\b"),
    ("speculation", r"\bsuggest(ed|s)?\b(?! that they)"),
    ("speculation", r"\brumou?rs?\b"),
    ("speculation", r"\bhoped?\b"),
    ("prediction", r"\bimminent\b"),
    ("prediction", r"\b(is|are|was|were) (also )?set to\b"),
    ("prediction", r"\b(likely|unlikely|expected) to\b"),
    ("prediction", r"\b(is|are|was|were|seems?|looks?) (very |highly |increasingly )?"
                   r"(likely|unlikely)\b(?! to\b)"),
    ("prediction", r"\bexpects?\b|\bforecasts?\b"),
    ("prediction", r"\bwould turn into\b|\bwill turn into\b"),
    ("prediction", r"\bcould (hamper|lead|trigger|cause|rise|worsen|delay|spark)\b"),
    ("prediction", r"\b(plans?|planning|planned) to\b"),
    ("anonymous_source", r"\b(who|which) (asked|spoke on condition) not to be (named|identified)\b"),
    ("anonymous_source", r"\bon (the )?condition of anonymity\b"),
    ("anonymous_source", r"\b(people|persons|sources?) (familiar|close|briefed) (with|to)\b"),
    ("vague_attribution", r"\b(reports|media) said\b"),
    ("vague_attribution", r"\b(some|many|critics|observers|analysts|experts) (say|said|believe)\b"),
    ("vague_attribution", r"\b(some|many|several|few|other) (\w+ ){1,2}(say|said|believe|think|"
                          r"argue|argued|warn|warned)\b"),
    ("vague_attribution", r"\bit is (said|believed|understood)\b"),
    ("unconfirmed_report", r"\bcould not be (independently )?(verified|confirmed)\b"),
    ("unconfirmed_report", r"\b(would|could|did) not confirm\b"),
    ("unconfirmed_report", r"\bdeclined to (confirm|comment)( or deny)?( the report)?\b"),
    ("unconfirmed_report", r"\bunconfirmed\b|\bnot been (independently )?(verified|confirmed)\b"),
    ("unconfirmed_report", r"\breported in recent (days|weeks)\b"),
    ("unverified_claim", r"\bboast(ed|s)?\b"),
    ("unverified_claim", r"\bclaimed\b"),
    ("conflict", r"\bdenied\b|\bdenies\b|\brejected the (claim|report)\b"),
    ("conflict", r"\bdisputed?\b|\bcontradict\w*"),
    ("conflict", r"\ba (higher|lower|different) (figure|toll|number|account)\b"),
    ("missing_context", r"\bdid not (say|specify|give|disclose|explain|elaborate)\b"),
    ("missing_context", r"\bdid not specifically mention\b"),
    ("missing_context", r"\b(polls?|surveys?|studies|data|figures) (show|shows|showed|suggest|"
                        r"suggests|suggested)\b"),
    ("missing_context", r"\bit (was|is|remains) (not clear|unclear)\b"),
    ("missing_context", r"\bno (details|further details) (were|was) (given|provided)\b"),
)

# Unnamed sources: a noun phrase like these as speaker or cited source.
ANON_HEAD = re.compile(
    r"\b(official|officials|source|sources|agent|agents|diplomat|diplomats|spokesperson|spokesman|"
    r"spokeswoman|aide|aides|insider|insiders|person|people|resident|residents|witness|"
    r"witnesses|farmer|worker|workers|employee|employees|researchers|analysts|experts|"
    r"critics|observers|lawmakers|members|strategists|advisers|advisors|investors|"
    r"executives|staff|staffers|negotiators|operatives)\b", re.IGNORECASE)

TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice", "prime", "minister", "minister", "gen", "general", "maj", "major", "brig", "brigadier", "lt", "col", "colonel", "capt", "captain", "adm", "admiral", "sgt", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "chief", "commander", "chairman", "chairwoman", "chair", "ceo", "cfo", "director", "secretary", "ambassador", "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "rev", "father", "sir", "lord", "lady", "former", "deputy", "acting", "interim", "caretaker", "spokesman", "spokeswoman", "spokesperson"])
