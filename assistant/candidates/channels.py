"""How something was said (tweet, statement, interview with X) and to which outlet.

"told AFP", "in an interview with Fox News", "in a statement to the Post", "quoted by Tass",
"speaking on MSNBC", "published by state media": the speaker's claim gets the channel, and the
outlet gets a sourced fact that cites the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Attribution
from .outlet_names import MEDIA_NOUN
from .outlets import canonical_outlet, find_outlets_in, is_named_outlet

QUOTE_RE = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’")

CHANNEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(in a|in an|a) (post|message) on (?:(?:his|her|their|its) )?(X|Twitter)\b|"
                r"\bwrote on (X|Twitter)\b|"
                r"\bposted on (X|Twitter)\b", re.IGNORECASE), "post on X"),
    (re.compile(r"\b(said|wrote|posted) on X\b"), "post on X"),
    (re.compile(r"\btweet(ed|s|ing)?\b|\bon Twitter\b", re.IGNORECASE), "tweet"),
    # ("in a post on his Truth Social platform")
    (re.compile(r"\b(on|in a post on) (?:(?:his|her|their|its) (?:own )?)?"
                r"(Facebook|Instagram|Telegram|Truth Social|LinkedIn)\b|"
                r"\bin an? (Facebook|Instagram|Telegram|Truth Social|LinkedIn|TikTok|YouTube) "
                r"(post|video|message|statement|livestream)\b|\b(Telegram|Facebook|Instagram|"
                r"YouTube|TikTok) (channel|page|account)\b", re.IGNORECASE),
     "social media post"),
    (re.compile(r"\b(?:in|via|through) (?:a|an|his|her|their|its) social media (?:post|posting|"
                r"message|statement|video)\b|\b(?:posted|wrote) on social media\b|"
                r"\b(?:in|via) an? (?:[\w-]+ )?(?:post|message|video) on social media\b",
                re.IGNORECASE),
     "social media post"),
    (re.compile(r"\b(?:leading|led|delivering|delivered|at|during) (?:the )?Friday prayers?\b|"
                r"\bFriday sermon\b", re.IGNORECASE), "Friday prayers sermon"),
    (re.compile(r"\b(?:in|during) (?:a|an|his|her|their|the) (?:\w+ )?sermon\b", re.IGNORECASE),
     "sermon"),
    (re.compile(r"\bpress conference\b", re.IGNORECASE), "press conference"),
    (re.compile(r"\bnews conference\b", re.IGNORECASE), "news conference"),
    (re.compile(r"\bpress release\b", re.IGNORECASE), "press release"),
    (re.compile(r"\bblog post\b", re.IGNORECASE), "blog post"),
    (re.compile(r"\b(in a|in an|the) (written |joint |brief |short |emailed |e-mailed |prepared |"
                r"separate )?statement\b|"
                r"\bstatement (said|read|from|by|issued)\b|"
                r"\b(?:issued|released|put out|sent) an? (?:\w+ )?statement\b", re.IGNORECASE),
     "statement"),
    (re.compile(r"\bin an? (?:open |joint |written |recorded |televised |regulatory |"
                r"court |securities |stock exchange |annual |quarterly )?(letter|memo|email|"
                r"speech|address|briefing|filing|report|video)\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\b((?:earnings|conference|investor) call)\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\b(?:in a|in an|in their|in its) (?:research )?note to (?:clients|investors)\b|"
                r"\bresearch note\b", re.IGNORECASE), "research note"),
    # "according to a letter from X", "according to court documents filed by X"
    (re.compile(r"\baccording to (?:an?|the|his|her|their|its) (?:[\w-]+ ){0,2}?(statement|"
                r"letter|memo|e-?mail|declaration|filing|affidavit|complaint|indictment|"
                r"testimony|transcript|readout)\b|\baccording to (court (?:documents|papers|records|"
                r"filings))\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\bin an? (?:[\w-]+ )?interview\b", re.IGNORECASE), "interview"),
    (re.compile(r"\b(?:at|during) an? (?:[\w-]+ ){0,3}?(briefing|rally|hearing|speech|summit|"
                r"meeting)\b", re.IGNORECASE), "{0}"),
    # "told a press briefing", "telling a rally": the occasion is the audience
    (re.compile(r"\b(?:told|tells|telling|addressed|addressing) an? (?:[\w-]+ ){0,3}?(briefing|"
                r"rally|hearing|summit|meeting)\b", re.IGNORECASE), "{0}"),
    (re.compile(r"\bon (television|TV|radio|state television)\b", re.IGNORECASE), "broadcast"),
    (re.compile(r"\bin text messages?\b", re.IGNORECASE), "text message"),
)

# Frames that put a speaker's words in an outlet: the outlet follows the frame.
_TO_OUTLET = re.compile(
    r"\b(?:told|tells|telling|tell|speaking to|spoke to|speaking with|spoke with|talking to|"
    r"talked to|said to|wrote to|writing to|confirmed (?:\w+ ){0,3}to|"
    r"(?:an?|the|his|her|their|its)\s+(?:\w+\s+){0,2}interview(?:s)?\s+(?:\w+\s+){0,3}"
    r"(?:with|to|on|by)|interviewed by|"
    r"(?:an?|the|his|her|their|its)\s+(?:written\s+|emailed\s+|e-mailed\s+)?"
    r"(?:statement|comments?|remarks?|message|e-?mail|response)\s+(?:sent\s+)?to|remarks to|comments to|"
    r"(?:quoted|cited) (?:as saying )?by|published by|(?:obtained|seen|reviewed) by|published in|carried by|broadcast by|broadcast on|"
    r"aired by|aired on|appearing on|appeared on|speaking on|said on|interview on|"
    r"(?:an?|the|his|her|their|its)\s+(?:\w+\s+){0,2}appearance\s+on|"
    r"said (?:(?:early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight)(?: (?:morning|afternoon|evening|night))? )on|"
    r"(?:commentator|host|anchor|guest|pundit|analyst|contributor)s?\s+(?:on|for|at)|"
    r"op-ed (?:in|for)|column (?:in|for)|wrote in|writing in|told reporters from)\s+$",
    re.IGNORECASE)
# "in the CNN interview", "during a Fox News appearance": the outlet names the occasion.
_IN_THE = re.compile(r"\b(?:in|during|on|at)\s+(?:an?|the|his|her|their|its)\s+$", re.IGNORECASE)
_OUTLET_EVENT = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+)?(?:interview|broadcast|programme|program|"
                           r"show|appearance|podcast|town hall)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?:a\s+|the\s+|an\s+)?(?:\w+\s+){0,2}?"
                        r"(?:report|story|article|dispatch|broadcast)?\s*(?:by|in|from)?\s*$",
                        re.IGNORECASE)
# "a statement published by state media": the channel is the statement, the outlet carried it.
_PUBLISHED = re.compile(r"\b(published|carried|aired|broadcast|posted) (by|on|in)\b", re.I)
_AUDIENCE = re.compile(r"\b(television|TV|channel|radio|newspaper|reporters|journalists|agency|"
                       r"broadcaster|daily|magazine|podcast|outlet|network|station)\b",
                       re.IGNORECASE)


def blank_quotes(text: str) -> str:
    """Quoted words replaced by spaces (offsets kept): frames are read outside quotes only."""
    return QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


_ANAPHOR = re.compile(
    rf"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:(?:{MEDIA_NOUN})\b|(?:Post|Times|Journal|Globe|Herald|Tribune|"
    r"Telegraph|Observer|Star|Sun|Mail|Express|Standard|Chronicle|Gazette|Examiner|Inquirer|"
    r"Agency)\b|[A-Z][\w'’-]+\b(?!\s+[A-Z]))")  # "the Courier" after "the Nordic Courier"
Resolver = Callable[[str, int], "str | None"]


def is_anaphor(phrase: str) -> bool:
    """"the agency", "the newspaper", "the Post": a phrase that points back to an outlet."""
    return bool(_ANAPHOR.fullmatch(phrase.strip()))


def outlet_mentions(sent_text: str, resolve: Resolver | None = None,
                    base: int = 0) -> list[tuple[int, int, str]]:
    """Outlets named in a sentence outside quotes, with anaphora ("the agency", "the Post")
    resolved by `resolve(phrase, absolute_offset)`: (start, end, canonical) in `sent_text`."""
    plain = blank_quotes(sent_text)
    hits = list(find_outlets_in(plain))
    if resolve is not None:
        for m in _ANAPHOR.finditer(plain):
            if any(a < m.end() and m.start() < b for a, b, _ in hits):
                continue
            canon = resolve(m.group(0), base + m.start())
            if canon:
                hits.append((m.start(), m.end(), canon))
    return sorted(hits)


def _frames_among(plain: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for a, b, canon in mentions:
        if not is_named_outlet(canon):
            continue
        lead = re.match(r"(?:the|a|an)\s+", plain[a:b], re.IGNORECASE)
        before = plain[max(0, a - 80):a]
        with_lead = plain[max(0, a - 80):a + (lead.end() if lead else 0)]
        after = plain[b:b + 40]
        if _TO_OUTLET.search(before) or (_IN_THE.search(with_lead) and
                                         _OUTLET_EVENT.match(after)):
            out.append((a, b, canon))
    return out


_MEDIA_ONLY = re.compile(r"(?:interview\w*\s+(?:\w+\s+){0,3}(?:with|on|to|by)|published (?:by|in)|"
                         r"carried by|broadcast (?:by|on)|aired (?:by|on)|"
                         r"(?:speaking|appearing|appeared|said) on)\s+(?:the\s+)?$", re.I)


def unknown_frames(sent_text: str, names: list[tuple[int, str, bool]]) -> list[str]:
    """Names (at their offsets in `sent_text`) that sit where an outlet would: "told X" for an
    organisation; "in an interview with X", "published by X" for any name (the parser often
    takes a foreign outlet's name for a person's)."""
    plain = blank_quotes(sent_text)
    out = []
    for a, n, org in names:
        before = plain[max(0, a - 80):a]
        if (org and _TO_OUTLET.search(before)) or _MEDIA_ONLY.search(before):
            out.append(n)
    return out


# "in a statement to the Post", "in emailed comments to Reuters": written, not an interview
_WRITTEN_TO = re.compile(r"\b(statement|comments?|remarks|message|e-?mail|response)\s+"
                         r"(?:sent\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTED_BY = re.compile(r"\b(?:quoted|cited)\s+(?:as\s+saying\s+)?by\s+(?:the\s+)?$", re.I)
_QUERY_BY = re.compile(r"\b(?:responding|in response|replying) to (?:an? )?(?:query|queries|"
                       r"questions?|inquiry|inquiries|request for comment)\s+(?:from|by)\s+"
                       r"(?:the\s*)?$", re.IGNORECASE)
# "Tass quoted local officials as saying", "Reuters quotes a resident": the outlet carries it
_QUOTES_SOMEONE = re.compile(r"^(?:['’]s)?\s*(?:news agency\s+|newspaper\s+)?(?:quoted|quotes|"
                             r"cited|cites)\s+(?!(?:a|an|the|its|his|her)\s+(?:report|study|"
                             r"survey|poll)\b)", re.IGNORECASE)


def _frame_label(plain: str, at: int, outlet: str) -> str:
    """What a frame before an outlet's name says of the channel: "statement to X", "quoted by
    X", "response to a query by X", else an interview."""
    before = plain[max(0, at - 60):at]
    written = _WRITTEN_TO.search(before)
    if written:
        return f"{written.group(1).lower()} to {outlet}"
    if _QUOTED_BY.search(before):
        return f"quoted by {outlet}"
    if _SEEN_BY.search(before):  # "in a memo to staff, which was seen by Reuters": a memo
        docs = _SEEN_DOCUMENT.findall(plain[:at])
        if docs:
            return docs[-1].lower()
    if _WRITING_IN.search(before):  # "Writing in the Daily Telegraph, X said": his article
        return f"article in {outlet}"
    piece = _WROTE_FOR.search(before)
    if piece:  # "in an op-ed for the Post": the speaker wrote it, the outlet published it
        return f"{piece.group(1).lower()} in {outlet}"
    return f"interview with {outlet}"


_SEEN_BY = re.compile(r"\b(?:obtained|seen|reviewed|viewed)\s+by\s+(?:the\s+)?$", re.I)
_SEEN_DOCUMENT = re.compile(r"\b(letter|memo|e-?mail|text message|message|document|filing|"
                            r"report|recording|video)s?\b", re.IGNORECASE)
_WRITING_IN = re.compile(r"\bwriting\s+(?:in|for)\s+(?:the\s+)?$", re.IGNORECASE)
_WROTE_FOR = re.compile(r"\b(op-ed|column|essay|commentary|opinion piece)\s+(?:in|for)\s+$",
                        re.IGNORECASE)


def frames_and_channel(sent_text: str, resolve: Resolver | None = None, base: int = 0
                       ) -> tuple[list[tuple[int, int, str]], str | None]:
    """The outlets a speaker talked to or was carried by in this sentence ((start, end,
    canonical), offsets in `sent_text`) and how it was said, from one reading of its outlet
    mentions."""
    plain = blank_quotes(sent_text)
    mentions = outlet_mentions(sent_text, resolve, base)
    frames = _frames_among(plain, mentions)
    return frames, _channel(plain, mentions, frames)


def channel(sent_text: str, resolve: Resolver | None = None, base: int = 0) -> str | None:
    return frames_and_channel(sent_text, resolve, base)[1]


def _channel(plain: str, mentions: list[tuple[int, int, str]],
             frames: list[tuple[int, int, str]]) -> str | None:
    if frames and not _PUBLISHED.search(plain):
        return _frame_label(plain, frames[0][0], frames[0][2])
    for a, b, canon in mentions:
        if not is_named_outlet(canon):
            continue
        if _QUOTES_SOMEONE.match(plain[b:b + 40]):
            return f"quoted by {canon}"
        # the outlet asked; what it was told is the speaker's claim, not its report
        if _QUERY_BY.search(plain[max(0, a - 40):a]):
            return f"response to a query by {canon}"
    for pat, label in CHANNEL_PATTERNS:
        m = pat.search(plain)
        if m:
            if label == "{0}":
                return m.group(m.lastindex or 0).lower() if m.lastindex else m.group(0).lower()
            return label
    m = re.search(r"\b(?i:in|during) (?i:an|the|a) ([A-Z][\w.&' -]{1,40}?) interview\b", plain)
    if m and is_named_outlet(canonical_outlet(m.group(1))):
        return f"interview with {canonical_outlet(m.group(1))}"
    if frames:
        return f"interview with {frames[0][2]}"
    m = re.search(r"\b(?:speaking to|told|in an interview with)\s+((?:the |a |an )?[^,.;]{2,60}?)"
                  r"(?=,|\.|;| that\b| on\b| in\b| (?:he|she|they|it|we|I)\b|$)", plain)
    if m:
        target = m.group(1).strip()
        outlet = canonical_outlet(target.split(",")[0])
        if outlet is None and not _AUDIENCE.search(target):
            return None  # "told supporters": an audience, not a channel
        return f"interview with {outlet or target}"
    return None


# channels of one message, which a speaker's later statements do not share
_ONE_OFF = re.compile(r"\b(tweet|post|text message|letter|memo|e-?mail|filing|report|video)\b")


def carry_over(claims: list[Attribution], previous: list[Attribution]) -> None:
    """A speaker interviewed by an outlet, or speaking in a statement or at a briefing, goes on
    speaking there: "A Hamas official told AFP ..." then "he added", "according to the
    official" keep "interview with AFP". One-off messages (a tweet, a letter) do not carry
    over."""
    for c in claims:
        if c.channel is None:
            c.channel = next((o.channel for o in reversed(previous)
                              if _same_speaker(o.speaker, c.speaker) and o.channel and
                              not _ONE_OFF.search(o.channel)), None)


def _same_speaker(one: str, other: str) -> bool:
    """"Todd Blanche" and a later "Blanche" (full names are given back after every sentence
    is read)."""
    a, b = one.lower(), other.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)
