"""`newsgrounder eval-qa`: follow-up answers against a question set (evals/qa/*.json).

Each article of the gold folder is analysed, then asked its questions. An answer is right when
it finds an answer where the set has one and one of its citations overlaps an expected span,
or says the article does not answer where the set has none; citation precision is the share
of cited sentences that overlap an expected span.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from .gold import load_gold_dir


def run(gold_dir: str | Path, questions: str | Path, client: Any, settings: Any, out: Path,
        progress: Callable[[str], None]) -> dict[str, Any]:
    from ..article import parse_article
    from ..pipeline import analyze
    from ..qa import answer_question

    try:
        qset = {a["article"]: a["questions"]
                for a in json.loads(Path(questions).read_text(encoding="utf-8"))["articles"]}
    except (OSError, ValueError, KeyError) as exc:
        raise GoldFormatError(f"{questions}: not a question set ({exc})",
                              path=str(questions)) from exc
    rows = []
    right = cited = cited_ok = 0
    for g in load_gold_dir(gold_dir):
        if g.id not in qset:
            continue
        progress(f"qa: {g.id}")
        analysis = analyze(text=g.text, client=client, settings=settings)
        article = parse_article(g.text)
        for q in qset[g.id]:
            spans = [tuple(s) for s in q["answer_spans"]]
            ans = answer_question(q["question"], article, analysis, client)
            hits = [c for c in ans.citations
                    if any(c["start"] < e and s < c["end"] for s, e in spans)]
            ok = (ans.found and bool(hits)) if spans else not ans.found
            right += ok
            cited += len(ans.citations)
            cited_ok += len(hits)
            rows.append({"article": g.id, "question": q["question"], "expected": bool(spans),
                         "found": ans.found, "right": ok, "answer": ans.text,
                         "citations": [c["id"] for c in ans.citations],
                         "supporting_citations": len(hits), "withheld": ans.withheld})
    scores = {"answer_accuracy": round(right / max(1, len(rows)), 4),
              "citation_precision": round(cited_ok / cited, 4) if cited else 0.0,
              "questions": len(rows)}
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps({"scores": scores, "answers": rows}, indent=2))
    return scores
