"""What becomes of candidates after the model answered (assistant/assemble.py)."""

from __future__ import annotations

import pytest

from assistant.article import parse_article
from assistant.assemble import canonical_names, dedupe_claims, from_sentence, to_claims
from assistant.candidates import Attribution
from assistant.models import Dropped

TEXT = ("Harbor master Lena Ostrova said the pier would reopen in June, adding that the "
        "divers had finished. Ostrova also said the cost had doubled. "
        '"We will not close it again," a port engineer said.')


def _claim(article, sent, speaker, start, end, *, embedded=False, stype="person"):
    return Attribution(sentence=sent, speaker=speaker, speaker_type=stype, role=None,
                       start=start, end=end, kind="indirect", embedded=embedded)


def test_a_clause_proposed_twice_for_one_speaker_becomes_one_claim_over_both() -> None:
    art = parse_article(TEXT, min_words=1)
    s = art.sentences[0]
    cut = TEXT.index(", adding")
    main = _claim(art, s, "Lena Ostrova", s.start, cut)
    clause = _claim(art, s, "Lena Ostrova", cut + 2, s.end, embedded=True)
    dropped: list[Dropped] = []
    out = dedupe_claims(art, [main, clause], dropped)
    assert len(out) == 1 and (out[0].start, out[0].end) == (s.start, s.end)
    assert [d.reason for d in dropped] == ["duplicate statement"]


def test_two_speakers_in_one_sentence_stay_two_claims() -> None:
    art = parse_article(TEXT, min_words=1)
    s = art.sentences[0]
    cut = TEXT.index(", adding")
    a = _claim(art, s, "Lena Ostrova", s.start, cut)
    b = _claim(art, s, "the divers", cut + 2, s.end, embedded=True, stype="unnamed")
    assert len(dedupe_claims(art, [a, b], [])) == 2


@pytest.mark.parametrize(("text", "full", "short"), [
    (TEXT, "Lena Ostrova", "Ostrova"),
    # a surname written without its article prefix
    ("Colonel Hamid al-Rawi denied the report on Monday. The road is open, Rawi said.",
     "Hamid al-Rawi", "Rawi"),
])
def test_a_surname_takes_the_full_name_used_elsewhere(text: str, full: str, short: str) -> None:
    art = parse_article(text, min_words=1)
    first, second = art.sentences[0], art.sentences[1]
    claims = [_claim(art, first, full, first.start, first.end),
              _claim(art, second, short, second.start, second.end)]
    canonical_names(claims)
    assert [c.speaker for c in claims] == [full, full]


def test_a_sentence_the_model_found_keeps_its_quote_and_exact_span() -> None:
    art = parse_article(TEXT, min_words=1)
    s = art.sentences[2]
    found = from_sentence(art, s, "a port engineer")
    assert found.kind == "direct" and found.speaker_type == "unnamed"
    (claim,) = to_claims(art, [found], lambda c: [c.sentence.id])
    assert claim.quote == "We will not close it again"  # the closing comma is the frame's
    assert TEXT[claim.evidence.start:claim.evidence.end] == s.text
