"""Cross-check verdicts, evidence spans in references, same-source counting and dates."""

import json
import re
from pathlib import Path

import pytest

from assistant import parse_article
from assistant.crosscheck import analyze_with_references
from tests.conftest import ROOT, completion, gold

DATA = ROOT / "tests" / "data"


def judge(kwargs):
    """A scripted judge: reads the item and passages the pipeline sent, as a model would."""
    text = kwargs["messages"][-1]["content"]
    item = text.split("Statement from the article:")[1].split("\n")[0]
    first = re.search(r"^(P\d+): (.*)$", text, re.MULTILINE)
    if first and "not planning" in first.group(2) and "Pentagon was planning" in item:
        ans = {"verdict": "contradicted", "passage": first.group(1), "reason": "denied"}
    elif first and "Ain al-Asad" in first.group(2) and "Ain al-Asad" in item:
        ans = {"verdict": "supported", "passage": first.group(1), "reason": "same deployment"}
    else:
        ans = {"verdict": "not_mentioned", "passage": "", "reason": "not there"}
    return completion(json.dumps(ans))


def run(tmp_path: Path, refs: list[str], make_client, dated: bool = False):
    art = tmp_path / "article.txt"
    art.write_text(("Published 2020-03-31\n\n" if dated else "") +
                   gold("seed-iran-guards-warn")["text"])
    client, create = make_client({"crosscheck": [judge]})
    cc = analyze_with_references(art, [DATA / r for r in refs], client=client,
                                 settings=client.settings)
    return cc, create


def item_for(cc, needle: str):
    return next(i for i in cc.items if needle in i.text)


def test_supported_contradicted_and_not_mentioned(tmp_path: Path, make_client) -> None:
    cc, create = run(tmp_path, ["ref-afp-wire.txt", "ref-denial.txt", "ref-unrelated.txt"],
                     make_client)
    patriot = item_for(cc, "Ain al-Asad base last week")
    assert [v.verdict for v in patriot.verdicts] == ["supported", "not_mentioned",
                                                     "not_mentioned"]
    ev = patriot.verdicts[0].evidence
    assert ev is not None and cc.references[0].text[ev.start:ev.end] == ev.text
    plans = item_for(cc, "Pentagon was planning attacks")
    assert plans.verdicts[1].verdict == "contradicted"
    # the unrelated reference never reaches the model: retrieval finds nothing similar
    judged = [c for c in create.calls if "TASK: does another document" in
              c["messages"][-1]["content"]]
    assert not any("harvest" in c["messages"][-1]["content"] for c in judged)


def test_outlets_citing_the_same_source_count_once(tmp_path: Path, make_client) -> None:
    # the item is AFP's report: outlets repeating AFP confirm nothing independently
    cc, _ = run(tmp_path, ["ref-afp-wire.txt", "ref-second-outlet.txt", "ref-independent.txt"],
                make_client)
    patriot = item_for(cc, "Ain al-Asad base last week")
    assert patriot.supporting_references == 3 and patriot.independent_sources == 1
    assert [v.original_source for v in patriot.verdicts] == ["AFP", "AFP", "r3"]


def test_a_denial_read_as_support_is_corrected_by_polarity() -> None:
    from assistant.polarity import polarity_clash

    assert polarity_clash("officials said the dam had collapsed on Friday",
                          "the dam was damaged but had not collapsed, officials said")
    assert polarity_clash("the ministry was not planning new taxes",
                          "the ministry was planning new taxes next year")
    # negation elsewhere in the sentence, or on both sides, is no clash
    assert not polarity_clash("a source who asked not to be named said the dam collapsed",
                              "the dam collapsed on Friday, according to a source")
    assert not polarity_clash("rescuers have not reached the villages",
                              "rescuers had still not reached eleven villages")


@pytest.mark.parametrize(("statement", "passage", "clash"), [
    # a verb of denial: its clause is the denied proposition
    ("The mayor denied that the storm destroyed the old harbour bridge.",
     "The storm destroyed the old harbour bridge on Monday, officials said.", True),
    # a claim called false / not true: its subject, without the wrapper noun
    ("Reports that the ferry company sold its northern routes are false, the chairman said.",
     "The ferry company sold its northern routes to a rival last week.", True),
    ("Claims about the army shelling the market are not true, a spokesman said.",
     "Witnesses said the army shelled the market on Sunday.", True),
    # the other direction: the reference denies what the article asserts
    ("The mayor said the storm destroyed the old harbour bridge.",
     "The mayor denied that the storm destroyed the old harbour bridge.", True),
    # the same topic without most of the denied proposition is no clash
    ("The mayor denied that the storm destroyed the old harbour bridge.",
     "The storm damaged several homes near the harbour.", False),
    # a denial that is itself negated, a claim called true, a denial with no proposition
    ("The government did not dispute the report that the ferry company sold its routes.",
     "The ferry company sold its northern routes.", False),
    ("The minister said the claims about the new tax rise were true.",
     "The new tax rise was approved in March.", False),
    ("Police dismissed the report.", "The report said the police arrested ten people.", False),
    # "not only" adds, it does not deny
    ("The paper reported that not only did the army send tanks to the border, it also sent "
     "drones.", "The army sent tanks to the border on Monday.", False),
])
def test_a_denied_proposition_asserted_elsewhere_is_a_clash(statement: str, passage: str,
                                                           clash: bool) -> None:
    from assistant.polarity import polarity_clash

    assert polarity_clash(statement, passage) is clash


def test_the_judge_names_a_listed_passage_first() -> None:
    from assistant.crosscheck import judgement_for

    schema = judgement_for(["P1", "P2"]).model_json_schema()
    assert list(schema["properties"])[0] == "passage"
    assert schema["properties"]["passage"]["enum"] == ["P1", "P2", ""]


def test_single_anonymous_source_is_flagged(tmp_path: Path, make_client) -> None:
    cc, _ = run(tmp_path, ["ref-unrelated.txt"], make_client)
    officials = item_for(cc, "U.S. coalition officials have said")
    assert officials.single_anonymous_source


def test_reference_published_before_the_article_cannot_confirm(tmp_path: Path,
                                                               make_client) -> None:
    cc, _ = run(tmp_path, ["ref-old.txt"], make_client, dated=True)
    patriot = item_for(cc, "Ain al-Asad base last week")
    assert patriot.verdicts[0].verdict == "not_mentioned"
    assert "before the article" in patriot.verdicts[0].reason
    assert any("2019-12-01" in n for n in cc.notes)


def test_crosscheck_gold_scoring(tmp_path: Path, make_client) -> None:
    from assistant.evals.crosscheck_eval import load_cases, run

    cases = load_cases(ROOT / "evals" / "crosscheck")
    assert len(cases) >= 2 and all(c["references"] for c in cases)
    seed_case = tmp_path / "gold"
    seed_case.mkdir()  # the scripted judge knows the seed case's passages only
    (seed_case / "seed.json").write_text((ROOT / "evals" / "crosscheck" /
                                          "seed-patriots.json").read_text())
    client, _ = make_client({"crosscheck": [judge]})
    scores = run(str(seed_case), client, client.settings, tmp_path)
    assert scores["item_found"] == 1.0
    assert scores["verdict_accuracy"] == 1.0 and scores["evidence_overlap"] == 1.0
    assert scores["seconds_per_case"] >= 0


def test_crosscheck_gate_has_floors_and_a_ceiling_for_false_corroborations() -> None:
    from assistant.evals.crosscheck_eval import gate

    limits = {"min": {"supported_recall": 0.8}, "max": {"false_corroborations": 0.01}}
    assert gate({"supported_recall": 0.9, "false_corroborations": 0.0}, limits) == []
    fails = gate({"supported_recall": 0.5, "false_corroborations": 0.05}, limits)
    assert len(fails) == 2 and "ceiling" in fails[1]
    assert gate({}, limits)  # a missing metric fails both ways


def test_same_event_checks_around_the_verdict() -> None:
    from datetime import date

    from assistant.crosscheck_checks import number_clash, same_event_verdict, text_date

    assert text_date("Harbor news\nMarch 31, 2020\nThe port ...") == date(2020, 3, 31)
    assert text_date("A caption. Jan. 7, 2020\n\nBody text.") is None  # not a dateline
    assert number_clash("two rockets hit the base", "10 missiles hit the base")
    assert number_clash("two rockets hit the base", "Two rockets were fired at it") is None
    item, later = "Two rockets hit the Lindhaven base.", "Two rockets hit the Lindhaven base."
    spring, next_year = date(2020, 4, 1), date(2021, 3, 4)
    assert same_event_verdict("supported", item, later, spring, next_year)[0] == "not_mentioned"
    assert same_event_verdict("supported", item, later, spring, spring)[0] == "supported"
    assert same_event_verdict("supported", item, "Ten rockets hit the base.", spring,
                              spring)[0] == "contradicted"
    assert same_event_verdict("supported", item, "Ten rockets hit the base.", None,
                              None)[0] == "not_mentioned"
    # a year apart, a passage is about another event: it contradicts nothing either
    assert same_event_verdict("contradicted", item, "Ten rockets hit the base.", spring,
                              next_year)[0] == "not_mentioned"
    assert same_event_verdict("contradicted", item, "Ten rockets hit the base.", spring,
                              spring)[0] == "contradicted"


def test_retrieval_finds_a_paraphrase_by_meaning() -> None:
    from assistant import embeddings
    from assistant.crosscheck import Retriever

    if embeddings.model() is None:
        pytest.skip("the 'eval' extra (offline sentence embeddings) is not installed")
    ref = parse_article("The harbour office published its weekly notice on Monday. Cranes two "
                        "and three were repaired in March. A spokesman said the claim that the "
                        "quay had collapsed was not true. Ferries ran on time all week long, "
                        "and the cafe at the terminal reopened after a renovation.",
                        min_words=1)
    found = [s.text for _, s in Retriever().passages(ref, "The port denied reports that the "
                                                          "pier had fallen into the sea.")]
    assert any("not true" in t for t in found), found


def test_a_passage_on_the_same_topic_does_not_confirm_an_item() -> None:
    from assistant.crosscheck import Retriever, confirms

    item = "Harbor Line said it would cut 1,200 jobs after freight rates fell."
    topic = "Analysts said the job cuts at Harbor Line should help its margins next year."
    same = "Harbor Line will cut 1,200 jobs because freight rates fell, the company said."
    r = Retriever()
    assert not confirms(item, topic, r.cosine(item, topic))
    assert confirms(item, same, r.cosine(item, same))


DENYING = ("Mayor Denies Bridge Was Hit\n\nMayor Lena Ostrova on Tuesday denied that the storm "
           "destroyed the old harbour bridge in Velmar, and said the crossing would reopen on "
           "Thursday after an inspection. Shops along the harbour stayed shut for a second day "
           "while crews cleared fallen trees from the main road into town.")
ASSERTING = ("Storm Damage in Velmar\n\nThe storm destroyed the old harbour bridge in Velmar "
             "late on Monday, two engineers who inspected the site told reporters. Crews spent "
             "Tuesday clearing fallen trees from the roads, and ferries carried people across "
             "the harbour while the town waited for a decision on a temporary crossing.")


def test_a_reference_asserting_what_a_statement_denies_contradicts_it(make_client) -> None:
    # the judge calls the pair "not mentioned" (small models do); the parse of the denial
    # ("denied that the storm destroyed the old harbour bridge") and the reference that
    # asserts it make it a contradiction, with the asserting passage as evidence
    client, _ = make_client({"crosscheck": [completion(json.dumps(
        {"verdict": "not_mentioned", "passage": "", "reason": "not there"}))]})
    cc = analyze_with_references(parse_article(DENYING), [], client=client,
                                 settings=client.settings,
                                 reference_texts=[("engineers", ASSERTING)])
    denial = item_for(cc, "denied that the storm")
    v = denial.verdicts[0]
    assert v.verdict == "contradicted" and v.evidence is not None
    assert "destroyed the old harbour bridge" in v.evidence.text
    # a reference on the same storm that does not assert the denied proposition is no clash
    other = ASSERTING.replace("The storm destroyed the old harbour bridge in Velmar",
                              "The storm flooded several shops near the harbour in Velmar")
    cc = analyze_with_references(parse_article(DENYING), [], client=client,
                                 settings=client.settings,
                                 reference_texts=[("engineers", other)])
    assert item_for(cc, "denied that the storm").verdicts[0].verdict == "not_mentioned"


def test_evidence_is_the_confirming_passage_with_the_items_numbers() -> None:
    from assistant.crosscheck import Retriever, _more_specific

    item = "Air defences intercepted two rockets fired at the Lindhaven base on Tuesday."
    ref = parse_article("Air defences intercepted a rocket attack on the Lindhaven base on "
                        "Tuesday, the army said. An officer said air defences intercepted two "
                        "rockets fired at the Lindhaven base. Another said three rockets were "
                        "fired at the Lindhaven base and intercepted by air defences.",
                        min_words=1)
    vague, specific, clashing = ref.sentences
    r = Retriever()
    assert _more_specific(item, vague, [vague, specific, clashing], r) is specific
    assert _more_specific(item, specific, [vague, specific, clashing], r) is None
    # a passage with other numbers is never the better evidence
    assert _more_specific(item, vague, [vague, clashing], r) is None


FERRY = ("Ferry Service Resumes in Velmar\n\nThe harbour authority said on Monday that two "
         "ferries would resume service between Velmar and Ostby on Thursday after repairs to "
         "the quay were finished. Ticket prices will stay the same through the summer, and "
         "the authority expects about 900 passengers a day in the first week.")


@pytest.mark.parametrize("reference, expected", [
    # another matter in the same town: the judge's "contradicted" has nothing to stand on
    ("Crews cleared fallen trees from the main road into Velmar on Tuesday, and the town "
     "council met to plan repairs to its library roof after the storm.", "not_mentioned"),
    # the same statement with another number: a contradiction code can see
    ("The harbour authority said on Monday that five ferries would resume service between "
     "Velmar and Ostby on Thursday.", "contradicted"),
])
def test_the_judges_contradicted_needs_the_same_statement(make_client, reference: str,
                                                          expected: str) -> None:
    def contradicting(kwargs):
        first = re.search(r"^(P\d+): ", kwargs["messages"][-1]["content"], re.MULTILINE)
        return completion(json.dumps({"verdict": "contradicted", "reason": "differs",
                                      "passage": first.group(1) if first else ""}))

    client, _ = make_client({"crosscheck": [contradicting]})
    cc = analyze_with_references(parse_article(FERRY), [], client=client,
                                 settings=client.settings,
                                 reference_texts=[("other", "Velmar News\n\n" + reference +
                                                   " More details will follow later.")])
    item = item_for(cc, "two ferries would resume")
    v = item.verdicts[0]
    assert v.verdict == expected, v.reason
    assert v.reason != "no similar passage"  # the judge was asked
