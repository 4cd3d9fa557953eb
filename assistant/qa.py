"""Follow-up questions answered from the article and its analysis only, with sentences cited."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from . import prompts
from .article import Article
from .client import LLMClient, start_run
from .models import ArticleAnalysis, Strict

NOT_SAID = "The article does not say."


class QAAnswer(Strict):
    found: bool = Field(description="False when the article does not answer the question.")
    answer: str = Field(description="One to three sentences from the article's content.")
    sentence_ids: Annotated[list[str], BeforeValidator(lambda v: v[:4] if isinstance(v, list)
                                                        else v)] = Field(
        description="Ids of the supporting sentences, e.g. S4.")

    @model_validator(mode="after")
    def cited(self, info: ValidationInfo) -> QAAnswer:
        ids = set((info.context or {}).get("sentence_ids", ()))
        bad = [s for s in self.sentence_ids if s not in ids]
        if bad and not (info.context or {}).get("lenient"):
            raise ValueError(f"{', '.join(bad)} are not sentence ids of the article")
        self.sentence_ids = [s for s in self.sentence_ids if s in ids]
        return self


class Answer(Strict):
    text: str = Field(description="The answer shown to the reader.")
    found: bool = Field(description="Whether the article answers the question.")
    citations: list[dict[str, Any]] = Field(description="Cited sentences: id, start, end, text.")


def _findings(analysis: ArticleAnalysis) -> str:
    lines = [f"- {c.speaker} ({c.kind}) [{', '.join(c.sentence_ids)}]" for c in analysis.claims]
    lines += [f"- {f.outlet} reports [{', '.join(f.sentence_ids)}]; cites "
              f"{', '.join(f.underlying_sources) or 'no one'}" for f in analysis.sourced_facts]
    lines += [f"- uncertainty {u.kind}: {u.cue}" for u in analysis.uncertainty.cues]
    return "\n".join(lines) or "(nothing)"


def answer_question(question: str, article: Article, analysis: ArticleAnalysis,
                    client: LLMClient) -> Answer:
    """Ask the model with the same article prefix as the analysis; cite by sentence id."""
    question = " ".join(question.split())[:500]
    start_run()
    from .pipeline import article_messages

    msgs = article_messages(article)
    msgs[-1]["content"] += "\n\n" + prompts.render("qa", findings=_findings(analysis),
                                                     question=question)
    ctx = {"sentence_ids": [s.id for s in article.sentences]}
    ans = client.structured("qa", msgs, QAAnswer, context=ctx, max_tokens=200)
    if not ans.found or not ans.sentence_ids:
        return Answer(text=NOT_SAID, found=False, citations=[])
    cites = []
    for sid in ans.sentence_ids:
        s = article.sentence(sid)
        if s is not None:
            cites.append({"id": s.id, "start": s.start, "end": s.end, "text": s.text})
    return Answer(text=ans.answer, found=True, citations=cites)
