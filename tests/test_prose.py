"""Key points and uncertainty prose built by code from grounded items; narrowed answer schemas."""

import json

import pytest

from assistant import analyze, parse_article
from assistant.candidates import extract
from assistant.llm_schemas import attributions_for
from tests.conftest import gold

SEED = gold("seed-iran-guards-warn")["text"]


def test_key_points_are_article_sentences_one_per_source(make_client) -> None:
    client, _ = make_client()
    a = analyze(text=SEED, client=client, settings=client.settings)
    assert 3 <= len(a.key_points) <= 5
    body = " ".join(a.text.split())
    assert all(k in body for k in a.key_points)
    assert a.key_points[0].startswith("As Baghdad")  # the lead comes first
    # no two key points are the first statement of the same source
    owners = [next((c.speaker for c in a.claims if " ".join(c.evidence.text.split()) in k), k)
              for k in a.key_points[1:]]
    assert len(owners) == len(set(owners))


def test_open_questions_follow_the_most_serious_cues(make_client) -> None:
    client, _ = make_client()
    a = analyze(text=SEED, client=client, settings=client.settings)
    u = a.uncertainty
    assert u.level in {"medium", "high"} and "unnamed sources" in u.summary
    assert 2 <= len(u.open_questions) <= 4
    ids = {i.id for i in [*a.claims, *a.sourced_facts, *u.cues]}
    for q in u.open_questions:
        assert q.about and set(q.about) <= ids
    cue_kinds = {c.id: c.kind for c in u.cues}
    first = cue_kinds[u.open_questions[0].about[-1]]
    assert first in {"anonymous_source", "unconfirmed_report", "unverified_claim", "conflict"}


def test_an_article_without_cues_says_so(make_client) -> None:
    text = ("The city council approved the new budget on Monday by a vote of seven to two. "
            "Mayor Ann Lee said the plan adds twelve bus routes and repairs three bridges. "
            "Council member Tom Hart said the spending on roads was overdue and welcome. "
            "The budget takes effect in January, when the new fiscal year begins for the city.")
    client, _ = make_client()
    a = analyze(text=text, client=client, settings=client.settings)
    assert a.uncertainty.level == "low" and not a.uncertainty.open_questions
    assert a.uncertainty.summary.startswith("No hedging")


def test_answer_schema_allows_only_listed_ids() -> None:
    schema = attributions_for(["C2", "C5"], ["S3", "S9"]).model_json_schema()
    checks, missed = schema["properties"]["checks"], schema["properties"]["missed"]
    # one speaker under each listed id, in order, nothing else
    assert list(checks["properties"]) == ["C2", "C5"] and checks["required"] == ["C2", "C5"]
    assert checks["additionalProperties"] is False
    assert missed["items"]["properties"]["sentence"]["enum"] == ["S3", "S9"]
    assert attributions_for([], ["S1"]).model_json_schema()["properties"]["checks"][
        "properties"] == {}


def test_a_check_answer_keyed_by_id_reads_as_checks() -> None:
    model = attributions_for(["C2", "C5"], ["S3"])
    ctx = {"article_text": "Mayor Ana Lind and the port authority spoke.",
           "candidate_ids": ["C2", "C5"], "sentence_ids": ["S3"]}
    got = model.model_validate({"checks": {"C2": "Ana Lind", "C5": "the port authority"},
                                "missed": [], "media": []}, context=ctx)
    assert [(c.id, c.speaker) for c in got.checks] == [("C2", "Ana Lind"),
                                                       ("C5", "the port authority")]


def test_the_grammar_really_carries_the_enum() -> None:
    """llama.cpp's schema-to-grammar converter must see the narrowed ids (DESIGN.md warns that
    it can fail open)."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    from assistant.client import _inline_refs

    schema = _inline_refs(attributions_for(["C2"], ["S3", "S9"]).model_json_schema())
    gbnf = json_schema_to_gbnf(json.dumps(schema))
    assert '"\\"C2\\""' in gbnf and '"\\"S9\\""' in gbnf and "string" in gbnf


def test_free_relative_clause_is_not_a_statement() -> None:
    art = parse_article("Some analysts think a Senate bid is likely whatever the governor says "
                        "now. Nobody in the capital knows what the senator said at the dinner, "
                        "and the party has not commented on the matter at all this week or "
                        "the week before.")
    speakers = {c.speaker for c in extract(art).claims}
    assert "the governor" not in speakers and "the senator" not in speakers


def test_a_clause_reattributed_to_the_sentence_speaker_is_not_duplicated(make_client) -> None:
    from tests.test_pipeline import EMBEDDED as text

    cands = extract(parse_article(text)).claims
    cid, cand = next((f"C{i + 1}", c) for i, c in enumerate(cands) if c.embedded)
    main = next(c for c in cands if c.sentence.id == cand.sentence.id and not c.embedded)
    answer = json.dumps({"checks": [{"id": cid, "speaker": main.speaker}],
                         "missed": []})
    client, _ = make_client({"attributions": [answer]})
    a = analyze(text=text, client=client, settings=client.settings)
    in_sentence = [c for c in a.claims if c.sentence_ids == [cand.sentence.id]]
    assert len(in_sentence) == 1 and in_sentence[0].speaker == main.speaker
    assert any(d.reason == "duplicate statement" for d in a.meta.dropped)


def test_cue_patterns_for_vague_sources_unnamed_polls_and_likelihood() -> None:
    from assistant.candidates import find_cues

    art = parse_article(
        "Some bond investors say the merger came too late for the port. Polls show the mayor "
        "well ahead of her rival in the race. A strike is likely whatever the union decides "
        "tonight. The Daily Courier, citing four party strategists, reported that the vote "
        "would be delayed. The new rules could lift exports next year, the ministry said.")
    cands = extract(art)
    kinds = {(c.kind, c.cue.lower()) for c in find_cues(art, cands.claims, cands.facts)}
    assert ("vague_attribution", "some bond investors say") in kinds
    assert ("missing_context", "polls show") in kinds
    assert ("prediction", "is likely") in kinds
    assert ("anonymous_source", "four party strategists") in kinds
    assert ("hedge", "could") in kinds


def test_two_statements_by_one_speaker_in_one_sentence_are_two_claims() -> None:
    art = parse_article(
        "Mayor Ann Lee said the budget would pass this week, but she warned that the vote "
        "could slip to March if the council stalls. The treasurer said the city had enough "
        "cash for the winter and that bond payments were on schedule for the whole year ahead.")
    claims = [c for c in extract(art).claims]
    lee = [art.text[c.start:c.end] for c in claims if c.speaker == "Ann Lee"]
    assert lee == ["Mayor Ann Lee said the budget would pass this week",
                   "she warned that the vote could slip to March if the council stalls."]
    treasurer = [c for c in claims if "treasurer" in c.speaker.lower()]
    assert len(treasurer) == 1  # "said A and that B" is one statement


def test_a_reporting_clause_put_first_is_a_statement_of_its_own() -> None:
    art = parse_article(
        "Mayor Ann Lee spoke at the harbour on Friday. Although she acknowledged that the "
        "storm had damaged the pier, she insisted that the ferry would run on Monday. "
        "Praising what she called the calm of the crews, Lee warned drivers against using the "
        "coast road until the weekend.", min_words=1)
    lee = [art.text[c.start:c.end] for c in extract(art).claims if "Lee" in c.speaker]
    assert lee[:2] == ["Although she acknowledged that the storm had damaged the pier",
                       "she insisted that the ferry would run on Monday."]
    # a participle put first tells how she warned: one statement
    assert len(lee) == 3 and lee[2].startswith("Praising what she called")


def test_a_question_about_two_outlets_names_both(make_client) -> None:
    client, _ = make_client()
    a = analyze(text=SEED, client=client, settings=client.settings)
    q = next(q for q in a.uncertainty.open_questions if "The Washington Post" in q.question)
    assert q.question.startswith("Have the reports attributed to The New York Times and The "
                                 "Washington Post")
    assert {f.id for f in a.sourced_facts if f.outlet in {"The New York Times",
            "The Washington Post"} and f.sentence_ids == ["S15"]} <= set(q.about)


@pytest.mark.parametrize(("speaker", "found"), [
    ("Huckabee's campaign", True),  # the model's straight apostrophe for the article's curly one
    ("Huckabee’s campaign", True),
    ("Carson's campaign", False),
])
def test_a_speaker_is_found_in_the_text_whatever_its_apostrophe(speaker: str, found: bool) -> None:
    from assistant.llm_schemas import speaker_in_text

    text = "Huckabee’s campaign said the fees were reported in full."
    assert speaker_in_text(speaker, text) is found
