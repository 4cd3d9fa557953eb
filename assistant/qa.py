"""Follow-up questions answered from the article and its analysis only, with sentences cited."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator
from rapidfuzz import fuzz

from . import prompts
from .article import Article, Sentence, neutralise
from .attribution_check import same_source, sources_named
from .client import LLMClient, start_run
from .models import ArticleAnalysis, Strict
from .sentences import split, whole_sentences
from .verify import (
    check_sentence,
    join_initials,
    supports,
    unknown_names,
    unknown_numbers,
    unknown_things,
)

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
    best supporting sentences found by retrieval over the whole article. A sentence supports
    when it shares the answer's content and numbers, the answer's names are in it or in the
    sentence before or after it, and whoever the answer says said it is named by the
    sentence itself (or is its speaker in the analysis)."""
    said_in = {sid: {c.speaker for c in analysis.claims if sid in c.sentence_ids} |
               {f.outlet for f in analysis.sourced_facts if sid in f.sentence_ids}
               for sid in (s.id for s in article.sentences)}

    order = {x.id: i for i, x in enumerate(article.sentences)}
    unnamed_in = {sid: [c.speaker for c in analysis.claims if sid in c.sentence_ids and
                        c.speaker_type == "unnamed"] for sid in said_in}
    sources = [who for s in split(answer) for who in sources_named(s)]

    def ok(x: Sentence) -> bool:
        # names may come from the sentences on either side ("Khamenei vowed vengeance." after
        # the sentence naming Soleimani); numbers and content from the cited sentence itself
        i = order.get(x.id, 0)
        near = article.sentences[max(0, i - 1):i + 2]
        context = " ".join(y.text for y in near) + " " + " ".join(
            w for y in near for w in said_in.get(y.id, ()))
        # but whoever the answer says said it is named by the cited sentence itself
        own = x.text + " " + " ".join(said_in.get(x.id, ()))
        return supports(answer, x.text, article) and not unknown_names(answer, context) and \
            not unknown_things(answer, context) and not unknown_numbers(answer, own) and \
            all(same_source(who, own) or _both_unnamed(who, unnamed_in.get(x.id, []))
                for who in sources)

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


_ASKED = re.compile(r"^\s*(?:what|how|why|when|where)\s+(?:did|does|do|has|have|had|is|was)\s+"
                    r"(.+?)\s+(?:say|said|report|reported|tell|told|claim|write|announce|"
                    r"describe|warn|deny|respond|react|mean|think|add)\b", re.I)


def asked_about(question: str) -> str | None:
    """The speaker a "What did X say?" question asks about."""
    m = _ASKED.match(question)
    if m is None or m.group(1).lower() in {"he", "she", "they", "it", "the article"}:
        return None
    return m.group(1)


def _speakers_of(cites: list[Sentence], analysis: ArticleAnalysis) -> list[str]:
    ids = {x.id for x in cites}
    return [c.speaker for c in analysis.claims if ids & set(c.sentence_ids)] + [
        f.outlet for f in analysis.sourced_facts if ids & set(f.sentence_ids) and f.outlet]


_DETERMINERS = frozenset(["a", "an", "the", "one", "two", "three", "several", "some"])
_UNNAMED = re.compile(rf"^({'|'.join(_DETERMINERS)})\s", re.I)


def _qualifiers(who: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w-]+", who)} - _DETERMINERS


def _both_unnamed(who: str, speakers: list[str]) -> bool:
    """"An Iraqi army source" for a sentence whose speaker is "the Iraqi officer": two
    descriptions of one unnamed person, sharing what qualifies them."""
    if not _UNNAMED.match(who):
        return False
    mine = _qualifiers(who)
    return any(mine & _qualifiers(s) for s in speakers)


def answer_question(question: str, article: Article, analysis: ArticleAnalysis,
                    client: LLMClient) -> Answer:
    """Ask the model with the same article prefix as the analysis; the answer is checked like
    the summary and cited with the sentences that support it, or the reply says the article
    does not answer."""
    question = " ".join(question.split())[:500]
    unknown = unknown_names(question, article.text)
    if unknown:  # asked about someone or something the article never names
        return Answer(text=NOT_SAID, found=False, citations=[],
                      withheld=f"(not asked: the question {'; '.join(unknown)})")
    start_run()
    from .pipeline import article_messages

    msgs = article_messages(article, controls=client.control_tokens())
    msgs[-1]["content"] += "\n\n" + prompts.render("qa", findings=_findings(analysis),
                                                     question=neutralise(question))
    ctx = {"sentence_ids": [s.id for s in article.sentences]}
    ans = client.structured("qa", msgs, QAAnswer, context=ctx, max_tokens=200)
    if not ans.found or not ans.answer.strip():
        return Answer(text=NOT_SAID, found=False, citations=[])
    text = join_initials(whole_sentences(ans.answer))
    wrong = [p for s in split(text) for p in check_sentence(s, article, analysis).problems]
    cites = supporting(text, article, analysis, ans.sentence_ids)
    asked = asked_about(question)
    speakers = _speakers_of(cites, analysis)
    if asked and cites and not any(same_source(asked, x.text) for x in cites) and not any(
            same_source(asked, who) for who in speakers) and not _both_unnamed(asked, speakers):
        wrong.append(f"answers about someone other than {asked}")
    if wrong or not cites:
        why = "; ".join(wrong) if wrong else "no sentence of the article supports the answer"
        return Answer(text=NOT_SAID, found=False, citations=[], withheld=f"{text} ({why})")
    return Answer(text=text, found=True, citations=[
        {"id": x.id, "start": x.start, "end": x.end, "text": x.text} for x in cites])
