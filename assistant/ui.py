"""Pure helpers for the Streamlit page: highlighted article HTML and table rows."""

from __future__ import annotations

import html
from typing import Any

from .article import visible
from .models import ArticleAnalysis

COLOURS = {"claim": "#ffe08a", "fact": "#a8d8ff", "cue": "#ffc2c2", "answer": "#c8f7c5"}


def highlight_html(a: ArticleAnalysis, selected: str | None = None,
                   extra: list[tuple[int, int, str]] | None = None) -> str:
    """The article with every evidence span marked; speaker or outlet shown on hover and beside.

    Overlapping spans are drawn as nested marks; `selected` (an item id) gets an outline.
    """
    marks: list[tuple[int, int, str, str, str]] = []
    for c in a.claims:
        marks.append((c.evidence.start, c.evidence.end, "claim", c.id,
                      f"{c.id} · {c.speaker} ({c.kind})"))
    for f in a.sourced_facts:
        marks.append((f.evidence.start, f.evidence.end, "fact", f.id, f"{f.id} · {f.outlet}"))
    for u in a.uncertainty.cues:
        marks.append((u.evidence.start, u.evidence.end, "cue", u.id, f"{u.id} · {u.kind}"))
    for s, e, label in extra or []:
        marks.append((s, e, "answer", "answer", label))
    events: dict[int, list[tuple[int, str]]] = {}
    for s, e, kind, iid, label in marks:
        style = f"background:{COLOURS[kind]};border-radius:3px;padding:0 1px;"
        if selected and iid == selected:
            style += "outline:2px solid #d00;"
        opening = (f'<mark class="ev ev-{kind}" data-id="{iid}" title="{html.escape(label)}" '
                   f'style="{style}">')
        closing = (f'<sup style="font-size:0.65em;color:#555">[{html.escape(label)}]</sup>'
                   "</mark>")
        events.setdefault(s, []).append((1, opening))
        events.setdefault(e, []).insert(0, (0, closing))
    out, pos, text = [], 0, a.text
    for at in sorted(events):
        out.append(html.escape(visible(text[pos:at])))
        for _, tag in sorted(events[at], key=lambda t: t[0]):
            out.append(tag)
        pos = at
    out.append(html.escape(visible(text[pos:])))
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")
    return f'<div class="article" style="line-height:1.7"><p>{body}</p></div>'


def claim_rows(a: ArticleAnalysis) -> list[dict[str, Any]]:
    return [{"id": c.id, "speaker": visible(c.speaker), "role": c.role or "", "kind": c.kind,
             "channel": c.channel or "", "quote or statement": visible(c.quote or c.content)}
            for c in a.claims]


def flag_rows(a: ArticleAnalysis) -> list[dict[str, str]]:
    """Instruction-like text, control tokens, hidden characters and lookalike letters the
    analysis found and ignored, with the place (hidden characters made visible)."""
    return [{"kind": f.kind, "what": f.reason, "where": visible(f.evidence.text[:200])}
            for f in a.meta.flags]


def facts_by_outlet(a: ArticleAnalysis) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in a.sourced_facts:
        out.setdefault(f.outlet, []).append({"id": f.id, "statement": f.statement,
                                             "cites": ", ".join(f.underlying_sources)})
    return out


def cue_rows(a: ArticleAnalysis) -> list[dict[str, Any]]:
    return [{"id": u.id, "kind": u.kind, "cue": visible(u.cue), "about": ", ".join(u.about)}
            for u in a.uncertainty.cues]


def marked_text(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Plain text with (start, end, colour, label) spans marked, for reference documents."""
    out, pos = [], 0
    for s, e, colour, label in sorted(spans):
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="ref-ev" title="{html.escape(label)}" style="background:'
                   f'{colour}">{html.escape(text[s:e])}<sup>[{html.escape(label)}]</sup></mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "<div>" + "".join(out).replace("\n", "<br>") + "</div>"


VERDICT_COLOURS = {"supported": "#c8f7c5", "contradicted": "#ffc2c2"}


def verdict_rows(cc: Any) -> list[dict[str, Any]]:
    labels = {c.id: f"{c.speaker}: {c.quote or c.content}" for c in cc.analysis.claims}
    labels.update({f.id: f"{f.outlet}: {f.statement}" for f in cc.analysis.sourced_facts})
    rows = []
    for it in cc.items:
        row: dict[str, Any] = {"id": it.item, "item": labels.get(it.item, it.text)[:140]}
        for v in it.verdicts:
            row[v.reference] = v.verdict
        row["independent support"] = it.independent_sources
        row["single anonymous source"] = "yes" if it.single_anonymous_source else ""
        rows.append(row)
    return rows
