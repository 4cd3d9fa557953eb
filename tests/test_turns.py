"""Claims per statement or per speaker turn: run-on quotes are linked, and folded on request."""

from __future__ import annotations

import pytest

from assistant import (
    ConfigError,
    OpenQuestion,
    UncertaintyCue,
    analyze,
    as_turns,
    resolve_settings,
)
from assistant.article import parse_article
from assistant.candidates import extract
from assistant.grounding import enforce
from assistant.turns import QUOTE_JOIN, quote_in_text

TEXT = ('"The bridge will open in May," said Maria Lindqvist, the city engineer. "We have '
        'tested every cable twice."\n\n"Nothing was left to chance," she added.\n\n'
        'The council approved the last payment on Tuesday, and the contractor said the '
        'works would end early. Traffic will be diverted during the final weeks of testing.')


def test_only_a_quote_without_a_saying_verb_of_its_own_runs_on() -> None:
    art = parse_article(TEXT, min_words=1)
    by_text = {art.text[c.start:c.end]: c for c in extract(art).claims}
    assert by_text['"We have tested every cable twice."'].continues
    added = by_text['"Nothing was left to chance,"']
    assert added.speaker == "Maria Lindqvist" and not added.continues


def test_statement_unit_links_the_run_on_quote_and_turn_unit_folds_it(make_client) -> None:
    client, _ = make_client()
    a = analyze(text=TEXT, client=client, settings=client.settings)
    assert a.meta.claim_unit == "statement"
    first, second = (next(c for c in a.claims if needle in c.evidence.text)
                     for needle in ("open in May", "every cable"))
    assert second.continues == first.id
    assert all(c.continues is None for c in a.claims if c is not second)

    t = as_turns(a)
    assert t.meta.claim_unit == "turn" and len(t.claims) == len(a.claims) - 1
    turn = next(c for c in t.claims if c.id == first.id)
    assert turn.evidence.start == first.evidence.start
    assert turn.evidence.end == second.evidence.end
    assert turn.evidence.text == t.text[turn.evidence.start:turn.evidence.end]
    assert turn.quote == f"{first.quote}{QUOTE_JOIN}{second.quote}"
    assert turn.kind == "direct" and turn.continues is None
    assert quote_in_text(turn.quote, t.text)
    # a cue or question that named the folded claim names its turn
    cue = UncertaintyCue(id="u9", kind="hedge", cue="twice", evidence=second.evidence,
                         about=[second.id, first.id])
    q = OpenQuestion(question="Who tested the cables?", about=[second.id])
    unc = a.uncertainty.model_copy(update={"cues": [cue], "open_questions": [q]})
    folded = as_turns(a.model_copy(update={"uncertainty": unc})).uncertainty
    assert folded.cues[0].about == [first.id] and folded.open_questions[0].about == [first.id]
    assert as_turns(t) == t  # already per turn
    assert enforce(t).claims == t.claims  # the joined quote passes grounding


def test_turn_unit_from_settings_and_environment(make_client, monkeypatch) -> None:
    client, _ = make_client(claim_unit="turn")
    a = analyze(text=TEXT, client=client, settings=client.settings)
    assert a.meta.claim_unit == "turn"
    assert sum("every cable" in c.evidence.text for c in a.claims) == 1
    monkeypatch.setenv("NEWSGROUNDER_CLAIM_UNIT", "paragraph")
    with pytest.raises(ConfigError, match="claim_unit must be one of statement, turn"):
        resolve_settings()


def test_a_joined_quote_is_verbatim_only_when_every_part_is_in_order() -> None:
    text = 'She said "one thing" and then "another thing".'
    assert quote_in_text(f"one thing{QUOTE_JOIN}another thing", text)
    assert not quote_in_text(f"another thing{QUOTE_JOIN}one thing", text)
    assert not quote_in_text(f"one thing{QUOTE_JOIN}a third thing", text)


def test_the_cli_option_reaches_the_settings() -> None:
    from assistant.cli import _settings, build_parser

    args = build_parser().parse_args(["analyze", "a.txt", "--claim-unit", "turn"])
    assert _settings(args).claim_unit == "turn"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "a.txt", "--claim-unit", "sentence"])


def test_a_quote_cut_by_its_frame_keeps_both_parts_in_one_claim(make_client) -> None:
    text = ('"The dam will hold," engineer Ilse Marne said on Friday, "and the road will '
            'reopen next week." The council approved the repairs on Tuesday, and the works '
            'will end before the winter. Traffic will be diverted during the final weeks.')
    client, _ = make_client()
    a = analyze(text=text, client=client, settings=client.settings)
    c = next(c for c in a.claims if "The dam will hold" in c.evidence.text)
    assert c.quote == f"The dam will hold{QUOTE_JOIN}and the road will reopen next week."
    assert c.kind == "direct" and quote_in_text(c.quote, a.text)
