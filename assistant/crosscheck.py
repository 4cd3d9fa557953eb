"""Cross-check: what other articles or reference documents say about each claim and fact.

Retrieval first (lexical or offline embeddings pick a few candidate passages per reference),
judgement second (one short model call per item and reference that has candidates), so cost
grows with the number of items, not with the size of the references.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationInfo, model_validator

from . import embeddings, prompts
from .article import Article, Sentence, load_article
from .candidates import Attribution, extract, find_outlets_in
from .client import LLMClient, start_run
from .crosscheck_checks import (
    Verdict,
    agreeing_counts,
    far_apart,
    number_clash,
    same_event_verdict,
    text_date,
)
from .grounding import span
from .llm_schemas import narrowed
from .models import ArticleAnalysis, Span, Strict
from .pipeline import analyze_article
from .polarity import content, denial_asserted, polarity_clash
from .settings import Settings

MIN_RELEVANCE = 0.3
SUPPORT_SHARE = 0.45  # of the item's content words, for a "supported" verdict to stand
SUPPORT_COSINE = 0.75  # or this close in meaning (a paraphrase in other words)
MIN_SIMILARITY = 0.38  # cosine of all-MiniLM-L6-v2 vectors: paraphrases score 0.4-0.7, other news 0.1-0.3


class Judgement(Strict):
    # The passage comes first: naming the passage about the same event, then judging it,
    # is what the small model does reliably (asked verdict-first it answered not_mentioned).
    passage: str = Field(description="Id of the passage about the same event, e.g. P2; empty "
                                     "if none is.")
    verdict: Verdict = Field(description="supported, contradicted or not_mentioned.")
    reason: str = Field(description="One short sentence.", json_schema_extra={"maxLength": 200})

    @model_validator(mode="after")
    def known_passage(self, info: ValidationInfo) -> Judgement:
        ids = set((info.context or {}).get("passage_ids", ()))
        if self.verdict != "not_mentioned" and self.passage not in ids:
            if (info.context or {}).get("lenient"):
                self.verdict, self.passage = "not_mentioned", ""
            else:
                raise ValueError(f"passage must be one of {', '.join(sorted(ids))}")
        return self


def judgement_for(passage_ids: list[str]) -> type[Judgement]:
    """`Judgement` whose schema allows only these passage ids (or none)."""
    def narrow(schema: dict[str, Any]) -> None:
        schema["properties"]["passage"]["enum"] = [*passage_ids, ""]

    return narrowed(Judgement, narrow)


class ReferenceVerdict(Strict):
    reference: str = Field(description="Reference id, e.g. r1.")
    verdict: Verdict = Field(description="What this reference says about the item.")
    evidence: Span | None = Field(description="Span in the reference text that the verdict "
                                              "rests on; with not_mentioned, the closest "
                                              "passage that the checks set aside, if any.")
    reason: str = Field(description="One line.")
    original_source: str = Field(description="Outlet the reference itself cites for it, or the "
                                             "reference id when it cites no one.")


class ItemCheck(Strict):
    item: str = Field(description="Claim or fact id in the article's analysis.")
    text: str = Field(description="The item's evidence text.")
    verdicts: list[ReferenceVerdict] = Field(description="One per reference.")
    supporting_references: int = Field(description="References that support the item.")
    independent_sources: int = Field(description="Supporting references after collapsing "
                                                 "those that trace back to the same source; a "
                                                 "reference repeating the item's own outlet "
                                                 "does not count.")
    single_anonymous_source: bool = Field(description="The item rests on one unnamed source.")


class Reference(Strict):
    id: str = Field(description="r1, r2, ...")
    source: str = Field(description="File name or label.")
    published: date | None = Field(description="Publication date when the text gives one.")
    text: str = Field(description="The reference text; evidence spans index into it.")


class CrossCheck(Strict):
    analysis: ArticleAnalysis = Field(description="The article's own analysis.")
    references: list[Reference] = Field(description="The documents compared with.")
    items: list[ItemCheck] = Field(description="Per claim and fact, what references say.")
    notes: list[str] = Field(description="Caveats, e.g. references published before the events.")


def published_date(text: str) -> date | None:
    return text_date(text)


def relevance(query: str, passage: str) -> float:
    """Shared content words (6-letter stems) over the query's: cheap, deterministic retrieval."""
    q, p = content(query), content(passage)
    shared = q & p
    return len(shared) / len(q) if q and len(shared) >= 3 else 0.0


class Retriever:
    """Passages of a reference like an item: shared content words, or (with the offline
    sentence-embedding model) closeness in meaning, so "a barrage of rockets" finds "two
    rockets" and "denied" finds "not true". Each reference's sentences are embedded once."""

    def __init__(self) -> None:
        self._vectors: dict[int, Any] = {}
        self.embedded = embeddings.model() is not None

    def _ref_vectors(self, ref: Article) -> Any:
        key = id(ref)
        if key not in self._vectors:
            self._vectors[key] = embeddings.encode([s.text for s in ref.sentences])
        return self._vectors[key]

    def passages(self, ref: Article, query: str, k: int = 3) -> list[tuple[str, Any]]:
        lexical = [relevance(query, s.text) for s in ref.sentences]
        vecs = self._ref_vectors(ref) if self.embedded else None
        if vecs is not None and len(ref.sentences):
            q = embeddings.encode([query])
            sims = [float(x) for x in vecs @ q[0]]
        else:
            sims = [0.0] * len(ref.sentences)
        scored = [(max(lex if lex >= MIN_RELEVANCE else 0.0, sim if sim >= MIN_SIMILARITY
                       else 0.0), s) for lex, sim, s in zip(lexical, sims, ref.sentences,
                                                            strict=True)]
        scored = sorted((x for x in scored if x[0] > 0), key=lambda x: -x[0])[:k]
        return [(f"P{i + 1}", s) for i, (_, s) in enumerate(scored)]

    def cosine(self, a: str, b: str) -> float | None:
        if not self.embedded:
            return None
        v = embeddings.encode([a, b])
        return float(v[0] @ v[1])


def confirms(item: str, passage: str, cosine: float | None) -> bool:
    """Enough of the item in the passage to confirm it, whatever the judge says: most of its
    content words, or a near-paraphrase by meaning. The 1.5B judge calls passages on the same
    topic "supported" (most of its false corroborations on the written and real cases shared
    under 45 % of the item's content words and had a cosine under 0.7)."""
    q, p = content(item), content(passage)
    share = len(q & p) / len(q) if q else 0.0
    return share >= SUPPORT_SHARE or (cosine is not None and cosine >= SUPPORT_COSINE)


def _conflict_shown(item: str, passage: str, retriever: Retriever) -> bool:
    """Code sees the two texts disagree (other numbers, one negates the other), or the passage
    is close enough to the item to be about the same statement."""
    return bool(number_clash(item, passage) or polarity_clash(item, passage)) or \
        confirms(item, passage, retriever.cosine(item, passage))


def passages(ref: Article, query: str, k: int = 3) -> list[tuple[str, Any]]:
    return Retriever().passages(ref, query, k)


def _more_specific(item: str, chosen: Sentence, cands: list[Sentence],
                   retriever: Retriever) -> Sentence | None:
    """Another retrieved passage that also confirms the item and gives more of its counts
    ("two rockets" where the chosen one says "a rocket attack"): the better evidence."""
    have = agreeing_counts(item, chosen.text)
    best = max(cands, key=lambda s: agreeing_counts(item, s.text))
    if best is chosen or agreeing_counts(item, best.text) <= have or \
            number_clash(item, best.text) or \
            not confirms(item, best.text, retriever.cosine(item, best.text)):
        return None
    return best


def _original_source(ref: Article, facts_by_sentence: dict[str, list[Attribution]],
                     sentence_id: str, fallback: str) -> str:
    """The outlet a reference relies on for this passage ("according to AFP", "citing
    Reuters"), so several outlets repeating one wire count as one source."""
    sent = ref.sentence(sentence_id)
    if sent is None:
        return fallback
    facts = [f for f in facts_by_sentence.get(sentence_id, []) if f.outlet and
             f.outlet != "unnamed reports"]
    if facts:
        return facts[0].outlet or fallback
    named = find_outlets_in(sent.text)
    return named[0][2] if named else fallback


def analyze_with_references(article: str | Path | Article, references: Sequence[str | Path],
                            *, client: LLMClient, settings: Settings,
                            analysis: ArticleAnalysis | None = None,
                            reference_texts: list[tuple[str, str]] | None = None,
                            published: date | None = None,
                            reference_dates: Sequence[date | None] | None = None) -> CrossCheck:
    """Analyse `article` (or reuse `analysis`) and judge each item against each reference.

    References are files, or (label, text) pairs in `reference_texts` (e.g. uploads).
    `published` and `reference_dates` (in the order files, then texts) are publication dates
    when known; otherwise a date is read from the first lines of each text.
    """
    main = article if isinstance(article, Article) else load_article(article)
    if analysis is None:
        analysis = analyze_article(main, client=client, settings=settings)
    loaded = [load_article(r, min_words=5) for r in references] + [
        load_article(label, text=text, min_words=5) for label, text in reference_texts or []]
    refs = [(f"r{i + 1}", ref) for i, ref in enumerate(loaded)]
    ref_facts: dict[str, dict[str, list[Attribution]]] = {}
    for rid, ref in refs:  # parse each reference's outlet reports once, not per item
        by_sentence: dict[str, list[Attribution]] = {}
        for f in extract(ref).facts:
            by_sentence.setdefault(f.sentence.id, []).append(f)
        ref_facts[rid] = by_sentence
    main_date = published or published_date(main.text)
    given = list(reference_dates or [])
    dates = {rid: (given[i] if i < len(given) and given[i] else published_date(ref.text))
             for i, (rid, ref) in enumerate(refs)}
    retriever = Retriever()
    earlier = {rid for rid, d in dates.items() if main_date and d and d < main_date}
    # "rests on a single anonymous source": the analysis found an anonymous-source cue about
    # the item, and a fact cites no other source
    anonymous = {i for u in analysis.uncertainty.cues if u.kind == "anonymous_source"
                 for i in u.about}
    items = [(c.id, c.evidence.text, c.id in anonymous) for c in analysis.claims]
    own_outlet = {f.id: f.outlet for f in analysis.sourced_facts}
    items += [(f.id, f.evidence.text, f.id in anonymous and len(f.underlying_sources) <= 1)
              for f in analysis.sourced_facts]
    start_run()
    checks = []
    for iid, text, anon in items:
        verdicts = []
        for rid, ref in refs:
            cands = retriever.passages(ref, text)
            if not cands:
                verdicts.append(ReferenceVerdict(reference=rid, verdict="not_mentioned",
                                                 evidence=None, reason="no similar passage",
                                                 original_source=rid))
                continue
            listing = "\n".join(f"{pid}: {' '.join(s.text.split())}" for pid, s in cands)
            msgs = [{"role": "system", "content": prompts.render("system")},
                    {"role": "user", "content": prompts.render(
                        "crosscheck", item=" ".join(text.split()), reference=rid,
                        passages=listing)}]
            j = client.structured("crosscheck", msgs, judgement_for([p for p, _ in cands]),
                                  context={"passage_ids": [p for p, _ in cands]}, max_tokens=120)
            chosen = dict(cands).get(j.passage)
            ev = span(ref.text, chosen.start, chosen.end) if chosen is not None and \
                j.verdict != "not_mentioned" else None
            orig = _original_source(ref, ref_facts[rid], chosen.id, rid) if chosen is not None \
                else rid
            verdict, reason = j.verdict, j.reason
            if verdict == "contradicted" and chosen is not None and \
                    not _conflict_shown(text, chosen.text, retriever):
                # the judge's own "contradicted" needs what a "supported" needs: a passage about
                # the same statement (its one such verdict on the real pairs was on another
                # event); set aside first, so the denial check below still looks at the passages
                verdict = "not_mentioned"
                reason = "the passage shares too little of the item to contradict it"
            if verdict == "supported" and chosen is not None and \
                    polarity_clash(text, chosen.text):
                verdict = "contradicted"
                reason = "the passage negates what the statement asserts, or the reverse"
            k = denial_asserted(text, [s.text for _, s in cands]) \
                if verdict != "contradicted" else None
            if k is not None and not far_apart(main_date, dates[rid], cands[k][1].text):
                chosen = cands[k][1]
                ev = span(ref.text, chosen.start, chosen.end)
                orig = _original_source(ref, ref_facts[rid], chosen.id, rid)
                verdict, reason = "contradicted", "the passage asserts what the statement denies"
            if verdict == "supported" and chosen is not None and not confirms(
                    text, chosen.text, retriever.cosine(text, chosen.text)):
                verdict = "not_mentioned"
                reason = "the passage shares too little of the item to confirm it"
            if rid in earlier and verdict == "supported":
                verdict, reason = "not_mentioned", "published before the article: cannot confirm"
            elif chosen is not None:
                verdict, why = same_event_verdict(verdict, text, chosen.text, main_date,
                                                  dates[rid])
                reason = why or reason
            if verdict == "supported" and chosen is not None:
                better = _more_specific(text, chosen, [s for _, s in cands], retriever)
                if better is not None:
                    chosen, ev = better, span(ref.text, better.start, better.end)
                    orig = _original_source(ref, ref_facts[rid], chosen.id, rid)
            verdicts.append(ReferenceVerdict(reference=rid, verdict=verdict, evidence=ev,
                                             reason=reason, original_source=orig))
        support = [v for v in verdicts if v.verdict == "supported"]
        checks.append(ItemCheck(item=iid, text=text, verdicts=verdicts,
                                supporting_references=len(support),
                                independent_sources=len({v.original_source for v in support}
                                                        - {own_outlet.get(iid)}),
                                single_anonymous_source=anon))
    notes = [] if retriever.embedded else [
        "retrieval used shared words only (install the 'eval' extra for the offline sentence-"
        "embedding model): passages in other words may be missed"]
    refs_out = []
    for rid, ref in refs:
        d = dates[rid]
        if rid in earlier:
            notes.append(f"{rid} was published {d} before the article ({main_date}): it cannot "
                         "confirm events the article reports as new")
        refs_out.append(Reference(id=rid, source=ref.source, published=d, text=ref.text))
    return CrossCheck(analysis=analysis, references=refs_out, items=checks, notes=notes)


def to_markdown(cc: CrossCheck) -> str:
    by_id = {c.id: f"{c.speaker}: {c.quote or c.content}" for c in cc.analysis.claims}
    by_id.update({f.id: f"{f.outlet}: {f.statement}" for f in cc.analysis.sourced_facts})
    refs = ", ".join(f"{r.id} = {r.source}" for r in cc.references)
    out = ["# Cross-check", "", f"References: {refs}", "",
           "| item | statement | " + " | ".join(r.id for r in cc.references) +
           " | independent support | single anonymous source |",
           "|---|---|" + "---|" * len(cc.references) + "---|---|"]
    for it in cc.items:
        cells = " | ".join(v.verdict for v in it.verdicts)
        out.append(f"| {it.item} | {by_id.get(it.item, it.text)[:120]} | {cells} | "
                   f"{it.independent_sources} | {'yes' if it.single_anonymous_source else ''} |")
    out += [""] + [f"- {n}" for n in cc.notes]
    return "\n".join(out) + "\n"
