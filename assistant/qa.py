"""Follow-up questions answered from the article and its analysis only, with sentences cited."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator
from rapidfuzz import fuzz

from . import prompts
from .article import Article, Sentence, neutralise
from .client import LLMClient, start_run
from .models import ArticleAnalysis, Strict
from .sentences import split, whole_sentences
from .verify import check_sentence, names_and_numbers, supports

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
    withheld: str | None = Field(default=None, description="A model answer that failed its "
                                 "checks, with why, kept for the record but not shown.")


def _findings(analysis: ArticleAnalysis) -> str:
    lines = [f"- {c.speaker} ({c.kind}) [{', '.join(c.sentence_ids)}]" for c in analysis.claims]
    lines += [f"- {f.outlet} reports [{', '.join(f.sentence_ids)}]; cites "
              f"{', '.join(f.underlying_sources) or 'no one'}" for f in analysis.sourced_facts]
    lines += [f"- uncertainty {u.kind}: {u.cue}" for u in analysis.uncertainty.cues]
    return "\n".join(lines) or "(nothing)"


def rank(query: str, article: Article, k: int = 8) -> list[Sentence]:
    """Sentences of the whole article most like the query (words and names shared)."""
    scored = [(fuzz.token_set_ratio(query, x.text) + fuzz.partial_ratio(query, x.text) / 4, x)
              for x in article.sentences]
    return [x for _, x in sorted(scored, key=lambda t: -t[0])[:k]]


def supporting(answer: str, article: Article, analysis: ArticleAnalysis,
               cited: list[str]) -> list[Sentence]:
    """The sentences that support the answer: the model's citations when they do, else the
    best supporting sentences found by retrieval over the whole article."""
    said_in = {sid: {c.speaker for c in analysis.claims if sid in c.sentence_ids} |
               {f.outlet for f in analysis.sourced_facts if sid in f.sentence_ids}
               for sid in (s.id for s in article.sentences)}

    def ok(x: Sentence) -> bool:
        context = x.text + " " + " ".join(said_in.get(x.id, ()))
        return supports(answer, x.text, article) and not names_and_numbers(answer, context)

    pool = [article.sentence(i) for i in cited] + rank(answer, article)
    seen: list[Sentence] = []
    for x in pool:
        if x is not None and x not in seen and ok(x):
            seen.append(x)
    if not seen:
        return []
    score = {x.id: fuzz.token_set_ratio(answer, x.text) for x in seen}
    best = max(score.values())
    close = [x for x in seen if score[x.id] >= 0.8 * best]  # the sentences that say it best
    return sorted(close[:3], key=lambda x: x.start)


def answer_question(question: str, article: Article, analysis: ArticleAnalysis,
                    client: LLMClient) -> Answer:
    """Ask the model with the same article prefix as the analysis; the answer is checked like
    the summary and cited with the sentences that support it, or the reply says the article
    does not answer."""
    question = " ".join(question.split())[:500]
    start_run()
    from .pipeline import article_messages

    msgs = article_messages(article, controls=client.control_tokens())
    msgs[-1]["content"] += "\n\n" + prompts.render("qa", findings=_findings(analysis),
                                                     question=neutralise(question))
    ctx = {"sentence_ids": [s.id for s in article.sentences]}
    ans = client.structured("qa", msgs, QAAnswer, context=ctx, max_tokens=200)
    if not ans.found or not ans.answer.strip():
        return Answer(text=NOT_SAID, found=False, citations=[])
    text = whole_sentences(ans.answer)
    wrong = [p for s in split(text) for p in check_sentence(s, article, analysis).problems]
    cites = supporting(text, article, analysis, ans.sentence_ids)
    if wrong or not cites:
        why = "; ".join(wrong) if wrong else "no sentence of the article supports the answer"
        return Answer(text=NOT_SAID, found=False, citations=[], withheld=f"{text} ({why})")
    return Answer(text=text, found=True, citations=[
        {"id": x.id, "start": x.start, "end": x.end, "text": x.text} for x in cites])
