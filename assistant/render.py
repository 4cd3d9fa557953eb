"""Markdown view of an analysis, for people and for the eval report."""

from __future__ import annotations

from .article import visible
from .models import ArticleAnalysis


def _cell(text: str | None) -> str:
    """A table cell; invisible and direction-control characters are shown, never hidden."""
    return visible(text or "").replace("|", "\\|").replace("\n", " ")


def to_markdown(a: ArticleAnalysis) -> str:
    out = [f"# {a.title or 'Article analysis'}", "", "## Summary", "", a.summary or "_none_", ""]
    if a.key_points:
        out += ["## Key points", ""] + [f"- {k}" for k in a.key_points] + [""]
    out += ["## Claims", "", "| id | speaker | role | kind | channel | quote or statement |",
            "|---|---|---|---|---|---|"]
    for c in a.claims:
        said = f"“{c.quote}”" if c.quote else c.content
        out.append(f"| {c.id} | {_cell(c.speaker)} | {_cell(c.role)} | {c.kind} | "
                   f"{_cell(c.channel)} | {_cell(said)} |")
    out += ["", "## Sourced facts", "", "| id | outlet | cites | statement |", "|---|---|---|---|"]
    for f in a.sourced_facts:
        out.append(f"| {f.id} | {_cell(f.outlet)} | {_cell(', '.join(f.underlying_sources))} | "
                   f"{_cell(f.statement)} |")
    u = a.uncertainty
    out += ["", f"## Uncertainty: {u.level}", "", u.summary or "", "", "| kind | cue | where |",
            "|---|---|---|"]
    for cue in u.cues:
        out.append(f"| {cue.kind} | {_cell(cue.cue)} | {_cell(cue.evidence.text)} |")
    if u.open_questions:
        out += ["", "### To verify next", ""]
        out += [f"- {q.question} ({', '.join(q.about) or 'article'})" for q in u.open_questions]
    m = a.meta
    if m.flags:
        out += ["", "## Ignored or hidden text", "", "| kind | where | what |", "|---|---|---|"]
        out += [f"| {f.kind} | {_cell(f.evidence.text[:160])} | {_cell(f.reason)} |"
                for f in m.flags]
    out += ["", f"_{m.backend} model {m.model}, {m.llm_calls} LLM calls, "
                f"{m.prompt_tokens}+{m.completion_tokens} tokens, "
                f"{sum(m.seconds.values()):.1f} s, prompts {m.prompt_version}_", ""]
    return "\n".join(out)
