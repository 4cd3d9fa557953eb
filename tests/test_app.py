"""The Streamlit page through AppTest, with a scripted client passed through the seam."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from assistant.client import LLMClient
from tests.conftest import ROOT, ScriptedCreate, completion, fake_settings, gold

SEED = gold("seed-iran-guards-warn")["text"]


def app(answers=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    settings = fake_settings()
    at.session_state["test_client"] = LLMClient(ScriptedCreate(answers), model="fake",
                                                backend="fake", settings=settings,
                                                sleep=lambda _: None)
    at.session_state["test_settings"] = settings
    return at.run()


def test_paste_article_then_follow_up_question() -> None:
    at = app()
    at.chat_input[0].set_value(SEED).run()
    assert not at.exception
    assert at.session_state["analysis"] is not None
    assert any("Claims" in s.value for s in at.subheader)
    assert len(at.dataframe) >= 2
    html = "".join(m.value for m in at.markdown)
    assert "ev-claim" in html and "ev-fact" in html
    at.chat_input[0].set_value("Who reported the Patriot deployment?").run()
    last = at.chat_message[-1].markdown[0].value
    assert "AFP reported it." in last and "[S11]" in last


def test_question_the_article_does_not_answer() -> None:
    at = app({"qa": [json.dumps({"found": False, "answer": "", "sentence_ids": []})]})
    at.chat_input[0].set_value(SEED).run()
    at.chat_input[0].set_value("What did the Pope say?").run()
    assert "does not say" in at.chat_message[-1].markdown[0].value


def test_example_article_and_downloads() -> None:
    at = app()
    at.sidebar.selectbox[0].set_value("seed-iran-guards-warn")
    at.sidebar.button[0].click().run()
    assert at.session_state["analysis"] is not None
    labels = [b.label for b in at.sidebar.get("download_button")]
    assert labels == ["Analysis (JSON)", "Analysis (Markdown)"]


@pytest.mark.parametrize("text,needle", [("too short", "too short"), ("   ", "")])
def test_bad_input_is_a_message_and_keeps_the_conversation(text, needle) -> None:
    at = app()
    at.chat_input[0].set_value(SEED).run()
    n = len(at.session_state["messages"])
    if not text.strip():
        return  # Streamlit ignores empty chat input: nothing to report, nothing lost
    at.session_state["analysis"] = None
    at.chat_input[0].set_value(text).run()
    assert not at.exception
    assert needle in at.error[-1].value
    assert len(at.session_state["messages"]) == n + 2


def test_model_failure_is_a_message_not_a_traceback() -> None:
    at = app({"attributions": [completion('{"checks": [', "length")]})
    at.chat_input[0].set_value(SEED).run()
    assert not at.exception
    assert "truncated" in at.error[-1].value


def test_crosscheck_in_the_page_shows_verdicts_and_passages() -> None:
    from tests.test_crosscheck import DATA, judge

    at = app({"crosscheck": [judge]})
    at.chat_input[0].set_value(SEED).run()
    up = at.sidebar.get("file_uploader")
    assert len(up) == 2  # article upload and reference documents
    # AppTest cannot upload files; call the page's own function with uploaded-like objects
    class Upload:
        def __init__(self, p):
            self.name, self._b = p.name, p.read_bytes()

        def getvalue(self):
            return self._b

    at.session_state["pending_refs"] = [Upload(DATA / "ref-afp-wire.txt"),
                                        Upload(DATA / "ref-denial.txt")]
    at.run()
    msgs = at.session_state["messages"]
    cc = next(m["crosscheck"] for m in msgs if m["kind"] == "crosscheck")
    assert any(v.verdict == "supported" for i in cc.items for v in i.verdicts)
    html = "".join(m.value for m in at.markdown)
    assert "ref-ev" in html


def test_per_turn_toggle_folds_a_run_on_quote_into_its_statement() -> None:
    from tests.test_turns import TEXT

    at = app()
    at.chat_input[0].set_value(TEXT).run()
    per_statement = len(at.dataframe[0].value)
    at.toggle(key="per_turn").set_value(True).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == per_statement - 1
    assert len(at.session_state["analysis"].claims) == per_statement  # the run is kept whole
