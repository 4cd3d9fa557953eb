"""The model-written text is checked: summaries that misattribute, invent a number, state a
claim as fact or switch script are caught; answers cite sentences that support them."""

from __future__ import annotations

import json

import pytest

from assistant import analyze, parse_article
from assistant.qa import NOT_SAID, answer_question
from assistant.verify import check_sentence
from tests.conftest import completion

TEXT = ("The Navy said on Thursday that a drone had been destroyed near the strait. President "
        "Dana Holt called the incident 'the latest of many provocative and hostile actions by "
        "Norland.' Norland's deputy foreign minister Abbas Varga denied that any of its drones "
        "had been destroyed. 'I am worried that the ship shot down its own drone by mistake,' he "
        "wrote on Friday. About 3,000 sailors serve on the ship, officials said. The drone flew "
        "within 1,000 yards of the ship before it was hit, the Navy said.")


def summary(text: str) -> str:
    return json.dumps({"summary": text})


@pytest.fixture
def base(make_client):  # noqa: ANN001, ANN201
    client, _ = make_client()
    return analyze(text=TEXT, client=client, settings=client.settings)


@pytest.mark.parametrize(("sentence", "problem"), [
    ("The incident is described as provocative and hostile by Norland.",
     "credits to Norland what the article attributes to Dana Holt"),
    ("About 4,000 sailors serve on the ship.", "gives the number 4000"),
    ("The ship shot down its own drone by mistake.", "states as fact"),
    ("Dana Holt said the drone was destroyed by a laser buggy.", "says things the article"),
    ("Holt met Vladimir Putin to discuss the drone.", "names 'Vladimir Putin'"),
    ("The Navy said the drone was destroyed, 但 Norland denied it.", "another script"),
])
def test_each_kind_of_wrong_sentence_is_caught(base, sentence: str, problem: str) -> None:
    problems = check_sentence(sentence, parse_article(TEXT), base).problems
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("sentence", [
    "The Navy said a drone was destroyed near the strait, which Norland denied.",
    "Dana Holt called the incident provocative and hostile.",
    "Abbas Varga said the ship may have shot down its own drone by mistake.",
])
def test_faithful_sentences_pass(base, sentence: str) -> None:
    assert check_sentence(sentence, parse_article(TEXT), base).problems == []


def test_a_failing_summary_is_rewritten_once_then_checked(make_client) -> None:
    bad = "Norland called the incident hostile. About 4,000 sailors serve on the ship."
    good = "The Navy said a drone was destroyed near the strait; Norland denied it."
    client, create = make_client({"summary": [summary(bad), summary(good)]})
    a = analyze(text=TEXT, client=client, settings=client.settings)
    assert a.summary == good
    checks = a.meta.summary_checks
    assert checks is not None and checks.rewritten and not checks.fallback
    assert any("4000" in p for p in checks.problems)
    fix_prompt = create.calls[-1]["messages"][-1]["content"]
    assert "rewrite the summary" in fix_prompt and "4000" in fix_prompt


def test_sentences_still_wrong_are_dropped_and_nothing_left_falls_back(make_client) -> None:
    bad = "Holt met Vladimir Putin on Friday."
    client, _ = make_client({"summary": [summary(bad), summary(bad)]})
    a = analyze(text=TEXT, client=client, settings=client.settings)
    checks = a.meta.summary_checks
    assert checks is not None and checks.fallback and checks.dropped
    assert "Putin" not in a.summary and a.summary == a.key_points[0]
    assert any("lead sentence" in w for w in a.meta.warnings)


def test_a_summary_cut_inside_an_abbreviation_keeps_whole_sentences(make_client) -> None:
    client, _ = make_client({"summary": [summary(
        "The Navy said a drone was destroyed near the strait. The U.")]})
    a = analyze(text=TEXT, client=client, settings=client.settings)
    assert a.summary == "The Navy said a drone was destroyed near the strait."


def _qa(make_client, base, answer: dict) -> object:  # noqa: ANN001
    client, _ = make_client({"qa": [completion(json.dumps(answer))]})
    return answer_question("Who said the drone was destroyed?", parse_article(TEXT), base,
                           client)


def test_an_answer_citing_the_wrong_sentence_gets_the_right_one(make_client, base) -> None:
    art = parse_article(TEXT)
    wrong = next(s.id for s in art.sentences if "sailors" in s.text)
    ans = _qa(make_client, base, {"found": True, "sentence_ids": [wrong],
                                  "answer": "The Navy said a drone had been destroyed."})
    assert ans.found and ans.citations
    assert all("destroyed" in c["text"] for c in ans.citations)
    assert all(c["id"] != wrong for c in ans.citations)


def test_an_answer_that_misattributes_says_the_article_does_not_answer(make_client,
                                                                       base) -> None:
    ans = _qa(make_client, base, {"found": True, "sentence_ids": ["S1"],
                                  "answer": "Vladimir Putin said the drone was destroyed."})
    assert not ans.found and ans.text == NOT_SAID and "Putin" in (ans.withheld or "")


def test_eval_qa_scores_answers_and_citations(make_client, tmp_path) -> None:
    from assistant.evals.gold import load_gold_file
    from assistant.evals.qa_eval import run
    from tests.conftest import GOLD

    seed = load_gold_file(GOLD / "seed-iran-guards-warn.json")
    at = seed.text.find("AFP said that the U.S. is also set to transfer")
    qfile = tmp_path / "q.json"
    qfile.write_text(json.dumps({"articles": [{"article": seed.id, "questions": [
        {"question": "What did AFP say about Patriot systems from Kuwait?",
         "answer_spans": [[at, at + 60]]},
        {"question": "What did the mayor of Paris say?", "answer_spans": []}]}]}))
    art = parse_article(seed.text)
    sid = next(s.id for s in art.sentences if s.start <= at < s.end)
    client, _ = make_client({"qa": [
        completion(json.dumps({"found": True, "sentence_ids": [sid], "answer":
                               "AFP said the U.S. is set to transfer two more Patriot "
                               "systems from Kuwait to Iraq."})),
        completion(json.dumps({"found": False, "sentence_ids": [], "answer": ""}))]})
    scores = run(GOLD, qfile, client, client.settings, tmp_path / "o", lambda _: None)
    assert scores == {"answer_accuracy": 1.0, "citation_precision": 1.0, "questions": 2}


def test_a_rewrite_that_talks_about_the_article_is_not_a_summary(base) -> None:
    from assistant.verify import verify_summary

    meta = "The article attributes this statement to Norland, who makes none in the article."
    rep = verify_summary("About 4,000 sailors serve on the ship.", parse_article(TEXT), base,
                         lambda problems: meta, fallback="LEAD")
    assert rep.rewritten and rep.fallback and rep.text == "LEAD"
    assert any("talks about the article" in why for _, why in rep.dropped)


def test_the_headlines_own_framing_and_a_qualified_speaker(make_client) -> None:
    text = ("Harbor Pilots Warn Port Against Night Closures\n\nThe Harbor Pilots Association "
            "(HPA) said on Monday that closing the port at night would put ships at risk. "
            "Port director Mara Quist said the closures would save money. The pilots' "
            "spokesman Tom Reyes said they would meet the port board on Friday.")
    client, _ = make_client()
    a = analyze(text=text, client=client, settings=client.settings)
    art = parse_article(text)
    ok = ["Harbor pilots warn the port against night closures.",
          "The pilots said closing the port at night would put ships at risk."]
    for sentence in ok:
        assert check_sentence(sentence, art, a).problems == [], sentence
    wrong = check_sentence("The port's mayor said the closures would save money.", art, a)
    assert any("mayor" in p for p in wrong.problems), wrong.problems


def test_acronyms_the_article_spells_out() -> None:
    from assistant.attribution_check import _expansions

    got = _expansions("The Harbor Pilots Association (HPA) said so. The UN (UN) met.")
    assert got["HPA"] == "Harbor Pilots Association"


@pytest.mark.parametrize(("sentence", "problem"), [
    ("The article discusses the vote on the harbor budget and what it means.", "talks about"),
    ("The Harbor Post reported that the council had voted to…", "cut off"),
    ("The Harbor Post reported this.", "says nothing"),
    ("He told the council that the budget would pass on Monday.", "opens with a pronoun"),
])
def test_a_summary_sentence_useless_whatever_its_facts(sentence: str, problem: str) -> None:
    from assistant.verify import form

    assert any(problem in p for p in form(sentence, first=True))


def test_the_fallback_lead_loses_its_dateline() -> None:
    from assistant.verify import undateline

    assert undateline("HARBORTOWN (Reuters) - The council voted.") == "The council voted."
    assert undateline("PORT ELLEN, Norland (AP) — The council voted.") == "The council voted."
    assert undateline("U.S. officials said the council voted.").startswith("U.S. officials")


def test_the_articles_own_sentence_passes_but_a_quote_as_fact_does_not(base) -> None:
    art = parse_article(TEXT)
    lead = art.sentences[0].text
    assert check_sentence(lead, art, base).problems == []
    wrong = check_sentence("I am worried that the ship shot down its own drone by mistake.",
                           art, base)
    assert any("states as fact" in p for p in wrong.problems), wrong.problems


def test_spaced_initials_are_the_articles_abbreviation(make_client) -> None:
    text = TEXT.replace("The Navy said", "The U.S. Navy said", 1)
    client, _ = make_client({"summary": [summary(
        "The U. S. Navy said a drone was destroyed near the strait; Norland denied it.")]})
    a = analyze(text=text, client=client, settings=client.settings)
    assert a.summary == "The U.S. Navy said a drone was destroyed near the strait; Norland denied it."
    assert a.meta.summary_checks is not None and not a.meta.summary_checks.rewritten


def test_a_question_about_someone_the_article_never_names_is_not_sent(make_client,
                                                                     base) -> None:
    client, create = make_client()
    ans = answer_question("What did the mayor of Lisbon say?", parse_article(TEXT), base,
                          client)
    assert not ans.found and ans.text == NOT_SAID and "Lisbon" in (ans.withheld or "")
    assert not any("answer a reader" in str(c["messages"]) for c in create.calls)


def _analysed(make_client, text: str):  # noqa: ANN001, ANN202
    client, _ = make_client()
    return parse_article(text), analyze(text=text, client=client, settings=client.settings)


def _ask(make_client, art, analysis, question: str, answer: str, ids: list[str]):  # noqa: ANN001, ANN202
    client, _ = make_client({"qa": [completion(json.dumps({
        "found": True, "sentence_ids": ids, "answer": answer}))]})
    return answer_question(question, art, analysis, client)


def test_an_answer_about_someone_other_than_asked_is_withheld(make_client, base) -> None:
    said = "The Navy said a drone had been destroyed near the strait."
    ans = _ask(make_client, parse_article(TEXT), base, "What did Abbas Varga say?", said, ["S1"])
    assert not ans.found and "someone other than Abbas Varga" in (ans.withheld or "")
    # the same answer to the question it does answer is shown
    ans = _ask(make_client, parse_article(TEXT), base, "What did the Navy say?", said, ["S1"])
    assert ans.found and ans.citations[0]["id"] == "S1"


PIER = ("Old Pier to Close\n\nThe Harbour Authority said on Monday that the old pier would "
        "close to traffic next month for repairs. The pier was built in 1950 and carries about "
        "2,000 cars a day. Shop owners near the pier said they feared losing customers during "
        "the repairs, which could last a year.")


def test_a_source_named_only_next_door_does_not_make_a_sentence_support(make_client) -> None:
    # the second sentence is the article's own narration: an answer crediting it to the
    # Harbour Authority (named in the sentence before) is not supported by it
    art, a = _analysed(make_client, PIER)
    q = "When was the pier built?"
    ans = _ask(make_client, art, a, q, "The Harbour Authority said the pier was built in 1950.",
               ["S2"])
    assert not ans.found, ans.citations
    ans = _ask(make_client, art, a, q, "The pier was built in 1950.", ["S2"])
    assert ans.found and [c["id"] for c in ans.citations] == ["S2"]


NESTED = ("Dam Safety Questions Linger\n\nIn a statement to the Valley Courier, spokeswoman Mara "
          "Lenz repeated what Governor Tom Hale has said for a week, that the Orsk dam was "
          "safe and that no village would be evacuated. Engineers who inspected the dam on "
          "Monday declined to comment. Residents of two villages below the dam said they had "
          "packed their cars and were ready to leave at short notice.")


def test_an_answer_restating_the_articles_own_nested_attribution_passes(make_client) -> None:
    art, a = _analysed(make_client, NESTED)
    restated = ("Mara Lenz repeated what Governor Tom Hale has said for a week, that the Orsk "
                "dam was safe and that no village would be evacuated.")
    assert check_sentence(restated, art, a).problems == []
    # the same words with the speakers swapped are not the article's
    swapped = ("Tom Hale repeated what spokeswoman Mara Lenz has said for a week, that the "
               "Orsk dam was safe and that no village would be evacuated.")
    assert check_sentence(swapped, art, a).problems != []


def test_a_statement_noun_names_its_owner_as_speaker() -> None:
    from assistant.attribution_check import same_source
    from assistant.candidates import extract

    text = ("Drills Continue Near the Port\n\nThe Defense Ministry statement said the drills "
            "near the port would continue through the weekend despite the protests. Maria "
            "Lund's letter says the company had not been told of the drills before they began. "
            "The Washington Post, quoting an internal memo, said the drills had been planned "
            "for months.")
    found = extract(parse_article(text))
    assert [c.speaker for c in found.claims][:2] == ["Defense Ministry", "Maria Lund"]
    assert [f.outlet for f in found.facts] == ["The Washington Post"]
    # a nationality before an organisation the parser reads as one name may be left out
    assert same_source("Russian Defense Ministry", "The Defense Ministry said")
    assert not same_source("Russian Navy", "The Defense Ministry said")


def test_two_descriptions_of_one_unnamed_source_count_as_one() -> None:
    from assistant.qa import _both_unnamed

    assert _both_unnamed("An Iraqi army source", ["The Iraqi officer"])
    # a determiner alone is no shared qualifier; a named speaker is not a description
    assert not _both_unnamed("The spokesman", ["The minister"])
    assert not _both_unnamed("A Syrian official", ["The Iraqi officer"])
    assert not _both_unnamed("Ali Rahimi", ["The Iraqi officer"])
