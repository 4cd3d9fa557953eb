"""Streamlit chat page: paste or upload an article, see the grounded analysis, ask about it.

Thin on purpose: every decision lives in the `assistant` package.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from assistant import (
    AssistantError,
    InputError,
    as_turns,
    examples_data,
    parse_article,
    resolve_settings,
    to_markdown,
)
from assistant.article import decode_bytes, html_to_text, looks_like_html, visible
from assistant.models import ArticleAnalysis
from assistant.pipeline import analyze_article
from assistant.qa import answer_question
from assistant.ui import (
    VERDICT_COLOURS,
    claim_rows,
    cue_rows,
    facts_by_outlet,
    flag_rows,
    highlight_html,
    marked_text,
    verdict_rows,
)

st.set_page_config(page_title="newsgrounder", layout="wide")


@st.cache_resource(show_spinner="Loading the model...")
def get_client(backend: str, base_url: str, model: str) -> Any:
    from assistant import build_client

    settings = resolve_settings(backend=backend, base_url=base_url or None, model=model or None,
                                api_key=_secret_key())
    return build_client(settings, progress=False), settings


def _secret_key() -> str | None:
    try:
        key = st.secrets.get("OPENAI_API_KEY")
    except (FileNotFoundError, AttributeError, KeyError):
        key = None
    except Exception:  # noqa: BLE001 - no secrets.toml at all: fall back to the environment
        key = None
    return key or os.environ.get("OPENAI_API_KEY")


state = st.session_state
state.setdefault("messages", [])
state.setdefault("analysis", None)
state.setdefault("article", None)

with st.sidebar:
    st.header("Model")
    backend = st.radio("Backend", ["embedded", "remote"],
                       index=1 if os.environ.get("OPENAI_BASE_URL") else 0)
    base_url = st.text_input("Base URL", os.environ.get("OPENAI_BASE_URL", ""),
                             disabled=backend == "embedded")
    model = st.text_input("Model", os.environ.get("NEWSGROUNDER_MODEL", ""))
    st.toggle("One claim per speaker turn", key="per_turn",
              help="A quote that runs on after 'X said.' with no saying verb of its own is "
              "shown as part of the statement before it, not as a claim of its own.")
    st.caption("API key: " + ("set (from secrets or environment)" if _secret_key()
                              else "not set"))
    st.header("Start")
    example = st.selectbox("Example article", ["(none)", *examples_data.names()])
    load_example = st.button("Analyse example")
    upload = st.file_uploader("Upload an article", type=["txt", "md", "html", "htm"])
    st.header("Cross-check")
    ref_files = st.file_uploader("Reference documents", type=["txt", "md", "html", "htm"],
                                 accept_multiple_files=True)
    run_check = st.button("Cross-check the analysed article",
                          disabled=state.analysis is None or not ref_files)


def client_and_settings() -> tuple[Any, Any]:
    if "test_client" in state:  # the one seam tests use: a scripted client
        return state["test_client"], state["test_settings"]
    return get_client(backend, base_url if backend == "remote" else "", model)


def show_analysis(a: ArticleAnalysis) -> None:
    a = as_turns(a) if state.get("per_turn") else a
    for row in flag_rows(a):
        st.warning(f"{row['what']}: “{row['where']}”")
    st.subheader("Summary")
    st.write(a.summary or "_no summary_")
    for k in a.key_points:
        st.markdown(f"- {k}")
    st.subheader("Claims")
    st.dataframe(claim_rows(a), hide_index=True, width="stretch")
    st.subheader("Sourced facts")
    for outlet, rows in facts_by_outlet(a).items():
        st.markdown(f"**{outlet}**")
        for r in rows:
            st.markdown(f"- {visible(r['statement'])}" + (f" _(cites {r['cites']})_" if r["cites"] else ""))
    st.subheader(f"Uncertainty: {a.uncertainty.level}")
    st.write(a.uncertainty.summary)
    st.dataframe(cue_rows(a), hide_index=True, width="stretch")
    for q in a.uncertainty.open_questions:
        st.markdown(f"- {q.question} ({', '.join(q.about) or 'article'})")
    ids = ["(none)"] + [c.id for c in a.claims] + [f.id for f in a.sourced_facts] + [
        u.id for u in a.uncertainty.cues]
    selected = st.selectbox("Show an item in the text", ids, key=f"sel-{id(a)}")
    with st.expander("Article with evidence highlighted", expanded=True):
        st.markdown(highlight_html(a, None if selected == "(none)" else selected),
                    unsafe_allow_html=True)


def run_analysis(text: str, label: str) -> None:
    state.messages.append({"role": "user", "kind": "text", "content": f"Article: {label}"})
    try:
        if looks_like_html(text):
            text, title = html_to_text(text, label)
        else:
            title = None
        article = parse_article(text, source=label, title=title)
        client, settings = client_and_settings()
        with st.status("Analysing...", expanded=True) as status:
            def progress(stage: str) -> None:
                status.write(f"{stage}...")
            analysis = analyze_article(article, client=client, settings=settings,
                                       progress=progress)
            status.update(label="Analysis done", state="complete")
        state.article, state.analysis = article, analysis
        state.messages.append({"role": "assistant", "kind": "analysis", "analysis": analysis})
    except AssistantError as exc:
        state.messages.append({"role": "assistant", "kind": "error",
                               "content": exc.user_message()})


def run_question(question: str) -> None:
    state.messages.append({"role": "user", "kind": "text", "content": question})
    try:
        client, _ = client_and_settings()
        ans = answer_question(question, state.article, state.analysis, client)
        cites = " ".join(f"[{c['id']}] “{c['text']}”" for c in ans.citations)
        state.messages.append({"role": "assistant", "kind": "text",
                               "content": ans.text + (f"\n\nSources: {cites}" if cites else "")})
    except AssistantError as exc:
        state.messages.append({"role": "assistant", "kind": "error",
                               "content": exc.user_message()})


def run_crosscheck(files: list[Any]) -> None:
    from assistant.crosscheck import analyze_with_references

    state.messages.append({"role": "user", "kind": "text", "content": "Cross-check against: " +
                           ", ".join(f.name for f in files)})
    try:
        client, settings = client_and_settings()
        texts = [(f.name, decode_bytes(f.getvalue(), f.name)) for f in files]
        with st.status("Cross-checking...", expanded=False):
            cc = analyze_with_references(state.article, [], client=client, settings=settings,
                                         analysis=state.analysis, reference_texts=texts)
        state.messages.append({"role": "assistant", "kind": "crosscheck", "crosscheck": cc})
    except AssistantError as exc:
        state.messages.append({"role": "assistant", "kind": "error",
                               "content": exc.user_message()})


def show_crosscheck(cc: Any) -> None:
    st.subheader("Cross-check")
    st.dataframe(verdict_rows(cc), hide_index=True, width="stretch")
    for note in cc.notes:
        st.warning(note)
    for ref in cc.references:
        spans = [(v.evidence.start, v.evidence.end, VERDICT_COLOURS[v.verdict],
                  f"{it.item} {v.verdict}") for it in cc.items for v in it.verdicts
                 if v.reference == ref.id and v.evidence is not None]
        with st.expander(f"{ref.id}: {ref.source}", expanded=bool(spans)):
            st.markdown(marked_text(ref.text, spans), unsafe_allow_html=True)


st.title("newsgrounder")
st.caption("Paste an article to analyse it; then ask questions about it.")

if load_example and example != "(none)":
    run_analysis(examples_data.read(example), example)
if upload is not None and state.get("uploaded") != upload.file_id:
    state.uploaded = upload.file_id
    try:
        run_analysis(decode_bytes(upload.getvalue(), upload.name), upload.name)
    except InputError as exc:
        state.messages.append({"role": "assistant", "kind": "error",
                               "content": exc.user_message()})

if run_check and ref_files and state.analysis is not None:
    run_crosscheck(list(ref_files))
if state.get("pending_refs") and state.analysis is not None:  # programmatic (tests, scripts)
    run_crosscheck(state.pop("pending_refs"))

prompt = st.chat_input("Paste an article, or ask about the analysed one")
if prompt:
    if state.analysis is None or len(prompt.split()) > 60:
        run_analysis(prompt, "pasted text")
    else:
        run_question(prompt)

for i, m in enumerate(state.messages):
    with st.chat_message(m["role"]):
        if m["kind"] == "analysis":
            if i == max(j for j, x in enumerate(state.messages) if x["kind"] == "analysis"):
                show_analysis(m["analysis"])
            else:
                st.write(f"Earlier analysis: {m['analysis'].summary}")
        elif m["kind"] == "crosscheck":
            show_crosscheck(m["crosscheck"])
        elif m["kind"] == "error":
            st.error(m["content"])
        else:
            st.markdown(m["content"])

if state.analysis is not None:
    with st.sidebar:
        st.header("Download")
        done: ArticleAnalysis = as_turns(state.analysis) if state.get("per_turn") \
            else state.analysis
        st.download_button("Analysis (JSON)", done.model_dump_json(indent=2),
                           file_name="analysis.json", mime="application/json")
        st.download_button("Analysis (Markdown)", to_markdown(done), file_name="analysis.md",
                           mime="text/markdown")
