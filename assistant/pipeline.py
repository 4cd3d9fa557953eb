"""analyze(): article -> candidates -> short model calls -> grounded `ArticleAnalysis`."""

from __future__ import annotations

import asyncio
import contextvars
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import prompts, prose
from .article import Article, neutralise, parse_article, read_text
from .assemble import to_claims, to_cues, to_facts
from .candidates import Attribution, Candidates, extract
from .client import LLMClient, RunStats, start_run
from .decisions import apply_checks, apply_media, check_budget, needs_check, sentence_ids
from .errors import InputError, LLMError, LLMOutputError
from .grounding import enforce, span
from .llm_schemas import Attributions, CombinedAnswer, SummaryAnswer, attributions_for
from .models import (
    ArticleAnalysis,
    Claim,
    Dropped,
    FlaggedSpan,
    Meta,
    OpenQuestion,
    SourcedFact,
    SummaryChecks,
    Uncertainty,
)
from .settings import Settings, resolve_settings
from .turns import as_turns, link_continuations
from .verify import undateline, verify_summary

Progress = Callable[[str], None]
RESERVED = 1720  # tokens kept free for a call's answer (at most 810, doubled on a re-ask) and slack
MAX_LINES = 40  # cues or items listed in one prompt


def _noop(_: str) -> None:
    return None


@contextmanager
def _timed(seconds: dict[str, float], stage: str, progress: Progress) -> Iterator[None]:
    progress(stage)
    t0 = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = round(seconds.get(stage, 0.0) + time.perf_counter() - t0, 3)


def detect_language(article: Article) -> str:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return str(detect(article.body_text[:5000]))
    except LangDetectException:
        return "unknown"


def analyze(source: str | Path | None = None, *, text: str | None = None,
            html: bool | None = None, client: LLMClient | None = None,
            settings: Settings | None = None, progress: Progress | None = None) -> ArticleAnalysis:
    """Analyse one article (a path, '-' for stdin, or `text=`) and return grounded results."""
    settings = settings or resolve_settings()
    progress = progress or _noop
    seconds: dict[str, float] = {}
    with _timed(seconds, "read", progress):
        raw, label, title = read_text(source, text=text, html=html)
    with _timed(seconds, "parse", progress):  # segmenting and the spaCy parse
        article = parse_article(raw, source=label, title=title)
    if client is None:
        from .client import build_client

        with _timed(seconds, "load_model", progress):
            client = build_client(settings)
    return analyze_article(article, client=client, settings=settings, progress=progress,
                           seconds=seconds)


async def analyze_async(source: str | Path | None = None, **kwargs: Any) -> ArticleAnalysis:
    """The same analysis off the event loop's thread (llama.cpp and openai sync calls block)."""
    return await asyncio.to_thread(analyze, source, **kwargs)


def analyze_article(article: Article, *, client: LLMClient, settings: Settings,
                    progress: Progress | None = None,
                    seconds: dict[str, float] | None = None) -> ArticleAnalysis:
    progress = progress or _noop
    seconds = seconds if seconds is not None else {}
    stats = start_run()
    with _timed(seconds, "candidates", progress):
        language = detect_language(article)
        if language not in {"en", "unknown"}:
            raise InputError(f"the article looks like {language!r}, not English; only English is "
                             "analysed", reason="language", source=article.source)
        cands = extract(article)
    run = _Run(article, cands, client, settings, stats)
    with _timed(seconds, "model", progress):
        run.ask()
    with _timed(seconds, "merge", progress):
        result = run.build(seconds, language)
    with _timed(seconds, "verify", progress):
        result = run.verify(result)
    if settings.claim_unit == "turn":
        result = as_turns(result)
    return result.model_copy(update={"meta": result.meta.model_copy(
        update={"seconds": dict(seconds)})})


def article_messages(article: Article, sentence_ids: list[str] | None = None,
                     controls: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """System prompt + the article as numbered sentences: the prefix every call shares.
    The model's copy has control tokens broken and instruction-like text withheld; offsets
    are unaffected (every span is cut from `article.text`)."""
    numbered = neutralise(article.numbered(sentence_ids), controls)
    numbered = numbered.replace("<<<", "«").replace(">>>", "»")
    # Straight quotes copied into a JSON string end it early and derail small models;
    # the model sees curly ones (offsets are unaffected: spans are cut from the text).
    numbered = re.sub(r'"([^"\n]*)"', "“\\1”", numbered).replace('"', "”")
    title = neutralise(article.title, controls) if article.title else "(none)"
    if article.title and any(article.in_instruction(p.start, p.end) for p in article.paragraphs
                             if p.kind == "title"):
        title = "[instruction-like text withheld]"
    user = prompts.render("article", title=title, numbered=numbered)
    return [{"role": "system", "content": prompts.system_message()},
            {"role": "user", "content": user}]


class _Run:
    def __init__(self, article: Article, cands: Candidates, client: LLMClient,
                 settings: Settings, stats: RunStats) -> None:
        self.article = article
        self.cands = cands
        self.client = client
        self.settings = settings
        self.stats = stats
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []
        self.attributions = Attributions(checks=[], missed=[], media=[])
        self.summary: SummaryAnswer | None = None
        self.summary_error: str | None = None
        self.prose_points: list[str] | None = None  # the combined strategy's written key points
        self.model_uncertainty: CombinedAnswer | None = None
        self.cand_ids = {f"C{i + 1}": c for i, c in enumerate(cands.claims)}
        self.context_tokens = 0
        self.split_reason: str | None = None
        self._first_chunk: list[str] | None = None
        self.outlet_ids = {f"O{i + 1}": m for i, m in enumerate(cands.maybe_outlets)}
        self.chunks = 1

    # ---- prompts -------------------------------------------------------------------------
    def _prefix(self, sentence_ids: list[str] | None = None) -> list[dict[str, str]]:
        return article_messages(self.article, sentence_ids, self.client.control_tokens())

    def _organisation_lines(self, only: set[str] | None = None) -> tuple[str, list[str]]:
        listed = [(oid, m) for oid, m in self.outlet_ids.items()
                  if only is None or m.sentence.id in only]
        text = "; ".join(f"{oid} {m.name} [{m.sentence.id}]" for oid, m in listed)
        return text or "none", [oid for oid, _ in listed]

    def _candidate_lines(self, only: set[str] | None = None
                         ) -> tuple[str, str, type[Attributions]]:
        """Candidates the model must check, the sentences already attributed by the parser
        (listed in the combined prompt only: the decomposed check's answer model already
        excludes them), and the answer model narrowed to the listed ids and the unattributed
        sentences."""
        lines, listed, covered = [], [], []
        for cid, c in self.cand_ids.items():
            if only is not None and c.sentence.id not in only:
                continue
            if not needs_check(c):
                covered += self._sentence_ids(c)
                continue
            cue = " ".join(self.article.text[c.start:c.end].split())[:80]
            lines.append(f'{cid} [{c.sentence.id}] proposed speaker: {c.speaker} | "{cue}"')
            listed.append(cid)
        covered += [f.sentence.id for f in self.cands.facts
                    if only is None or f.sentence.id in only]
        open_ids = [x.id for x in self.article.sentences
                    if x.id not in covered and (only is None or x.id in only)]
        done = ", ".join(dict.fromkeys(covered)) or "none"
        _, orgs = self._organisation_lines(only)
        return "\n".join(lines) or "(none)", done, attributions_for(listed, open_ids, orgs)

    def _cue_lines(self, only: set[str] | None = None) -> str:
        cues = [c for c in self.cands.cues if only is None or c.sentence.id in only]
        return "\n".join(f"- {c.kind}: \"{c.cue}\" [{c.sentence.id}]" for c in cues[:MAX_LINES]) \
            or "(none)"

    def _item_lines(self, only: set[str] | None = None) -> str:
        lines = [f"c{i + 1}: {c.speaker} [{c.sentence.id}]" for i, c in
                 enumerate(self.cands.claims) if only is None or c.sentence.id in only]
        lines += [f"f{i + 1}: {f.outlet} [{f.sentence.id}]" for i, f in
                  enumerate(self.cands.facts) if only is None or f.sentence.id in only]
        return "\n".join(lines[:MAX_LINES]) or "(none)"

    def _context(self) -> dict[str, Any]:
        ids = [f"c{i + 1}" for i in range(len(self.cands.claims))] + \
              [f"f{i + 1}" for i in range(len(self.cands.facts))]
        return {"article_text": self.article.text, "candidate_ids": list(self.cand_ids),
                "sentence_ids": [s.id for s in self.article.sentences], "item_ids": ids,
                "outlet_ids": list(self.outlet_ids),
                "dropped": self.stats.dropped}

    # ---- calls ---------------------------------------------------------------------------
    def _chunks(self) -> list[list[str]]:
        """One part when the whole prompt fits the model's context (counted with the model's
        own tokenizer on the embedded path); else paragraphs with one of overlap."""
        prefix = "\n".join(m["content"] for m in self._prefix())
        tasks = self._candidate_lines()[0] + prompts.load("attributions")
        need = self.client.count_tokens(prefix) + self.client.count_tokens(tasks) + RESERVED
        self.context_tokens = need - RESERVED
        if need <= self.settings.n_ctx:
            return [[s.id for s in self.article.sentences]]
        self.split_reason = (f"the article needs about {need} tokens with the instructions and "
                             f"answers; the model's context holds {self.settings.n_ctx} "
                             "(NEWSGROUNDER_N_CTX)")
        fixed = need - self.client.count_tokens(self.article.body_text)
        budget = self.settings.n_ctx - fixed
        chunks: list[list[str]] = [[]]
        size = 0
        paras = [p for p in self.article.paragraphs if p.kind == "body"]
        sizes = [self.client.count_tokens(p.text) for p in paras]
        for i, p in enumerate(paras):
            if size + sizes[i] > budget and chunks[-1]:
                chunks.append([s.id for s in paras[i - 1].sentences])
                size = sizes[i - 1]
            chunks[-1].extend(s.id for s in p.sentences)
            size += sizes[i]
        return chunks

    def ask(self) -> None:
        chunks = self._chunks()
        self.chunks = len(chunks)
        if len(chunks) > 1:
            self.warnings.append(f"article split into {len(chunks)} overlapping parts for the "
                                 f"model ({self.split_reason}); the summary uses the first part")
        if self.settings.strategy == "combined" and len(chunks) == 1:
            self._ask_combined()
            return
        jobs: list[tuple[str, list[dict[str, str]], type[Any], int]] = []
        for sids in chunks:
            only = set(sids) if len(chunks) > 1 else None
            msgs = self._prefix(sids if len(chunks) > 1 else None)
            lines, _, answer = self._candidate_lines(only)
            msgs[-1]["content"] += "\n\n" + prompts.render(
                "attributions", candidates=lines,
                organisations=self._organisation_lines(only)[0])
            jobs.append(("attributions", msgs, answer, check_budget(lines)))
        first = chunks[0] if len(chunks) > 1 else None
        self._first_chunk = first
        msgs = self._prefix(first)
        msgs[-1]["content"] += "\n\n" + prompts.render("summary")
        jobs.append(("summary", msgs, SummaryAnswer, 120))
        answers = self._run_jobs(jobs)
        attributions = [a for (stage, *_), a in zip(jobs, answers, strict=True) if stage == "attributions"]
        self.attributions = Attributions.model_construct(
            checks=[c for a in attributions for c in a.checks],
            missed=[m for a in attributions for m in a.missed],
            media=[m for a in attributions for m in a.media])
        self.summary = answers[-1]

    def _run_jobs(self, jobs: list[tuple[str, list[dict[str, str]], type[Any], int]]
                  ) -> list[Any]:
        """Independent calls: in order on the embedded model (one KV cache, one article prefix),
        concurrently on a remote endpoint (bounded by settings.concurrency)."""
        def call(job: tuple[str, list[dict[str, str]], type[Any], int]) -> Any:
            stage, msgs, model, max_tokens = job
            try:
                return self.client.structured(stage, msgs, model, context=self._context(),
                                              max_tokens=max_tokens)
            except LLMOutputError as exc:
                if stage != "summary":
                    raise
                # the findings stand without the model's summary: the lead replaces it
                self.summary_error = f"{exc.cause or 'invalid'} output"
                return None

        if self.client.backend != "remote" or self.settings.concurrency <= 1 or len(jobs) == 1:
            return [call(j) for j in jobs]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(jobs))) as pool:
            futures = [pool.submit(contextvars.copy_context().run, call, j) for j in jobs]
            return [f.result() for f in futures]

    def _ask_combined(self) -> None:
        msgs = self._prefix()
        lines, done, _ = self._candidate_lines()
        msgs[-1]["content"] += "\n\n" + prompts.render(
            "combined", candidates=lines, covered=done, cues=self._cue_lines(),
            items=self._item_lines())
        ans = self.client.structured("combined", msgs, CombinedAnswer, context=self._context(),
                                     max_tokens=900)
        self.attributions = Attributions.model_construct(checks=ans.checks, missed=ans.missed,
                                                         media=[])
        self.summary = SummaryAnswer.model_construct(summary=ans.summary)
        self.prose_points = ans.key_points
        self.model_uncertainty = ans

    # ---- merge ---------------------------------------------------------------------------
    def verify(self, analysis: ArticleAnalysis) -> ArticleAnalysis:
        """The one text the model writes, checked sentence by sentence (see verify.py)."""
        if not analysis.summary:
            lead = analysis.key_points[0] if analysis.key_points else ""
            if self.summary_error is None or not lead:
                return analysis
            checks = SummaryChecks(sentences=0, problems=[], rewritten=False, fallback=True,
                                   dropped=[])
            meta = analysis.meta.model_copy(update={"summary_checks": checks, "warnings": [
                *analysis.meta.warnings, f"the model's summary could not be read "
                f"({self.summary_error}); the summary is the article's lead sentence"]})
            return analysis.model_copy(update={"summary": undateline(lead), "meta": meta})
        first = self._first_chunk

        def rewrite(problems: str) -> str | None:
            msgs = self._prefix(first)
            msgs[-1]["content"] += "\n\n" + prompts.render("summary_fix", problems=problems)
            try:
                ans = self.client.structured("summary_fix", msgs, SummaryAnswer,
                                             context=self._context(), max_tokens=120)
            except LLMError:
                return None
            return ans.summary

        lead = analysis.key_points[0] if analysis.key_points else ""
        rep = verify_summary(analysis.summary, self.article, analysis, rewrite, lead)
        checks = SummaryChecks(sentences=rep.sentences, problems=rep.problems,
                               rewritten=rep.rewritten, fallback=rep.fallback,
                               dropped=[Dropped(section="summary", reason=why, detail=s[:200])
                                        for s, why in rep.dropped])
        warnings = list(analysis.meta.warnings)
        if rep.fallback:
            warnings.append("the model's summary failed its checks twice; the summary is the "
                            "article's lead sentence")
        meta = analysis.meta.model_copy(update={
            "summary_checks": checks, "warnings": warnings,
            "llm_calls": self.stats.llm_calls, "prompt_tokens": self.stats.prompt_tokens,
            "completion_tokens": self.stats.completion_tokens, "reasks": self.stats.reasks,
            "dropped": [*analysis.meta.dropped, *checks.dropped]})
        return analysis.model_copy(update={"summary": rep.text, "meta": meta})

    def _sentence_ids(self, item: Attribution) -> list[str]:
        return sentence_ids(self.article, item)

    def _key_points(self, claims: list[Claim], facts: list[SourcedFact]) -> list[str]:
        if self.prose_points is not None:  # the combined strategy's model wrote its own
            return self.prose_points
        return prose.key_points(self.article, claims, facts)

    def build(self, seconds: dict[str, float], language: str) -> ArticleAnalysis:
        text = self.article.text
        claims_in = apply_media(self.attributions, self.outlet_ids, self.cands.facts,
                                apply_checks(self.article, self.cand_ids,
                                             self.cands.facts, self.attributions,
                                             self.dropped))
        claims = link_continuations(to_claims(self.article, claims_in, self._sentence_ids),
                                    [c.continues for c in claims_in])
        facts = to_facts(self.article, self.cands.facts, self._sentence_ids)
        cues = to_cues(self.article, self.cands.cues, claims, facts)
        ua = self.model_uncertainty
        if ua is not None:
            level = ua.level
            questions = [OpenQuestion(question=q.question, about=q.about)
                         for q in ua.open_questions]
            doubt = ua.uncertainty_summary
        else:
            level = prose.level(cues)
            questions = prose.open_questions(cues, claims, facts)
            doubt = prose.summary(cues, level)
        summary = self.summary
        self.dropped += [Dropped(**d) for d in self.stats.dropped]
        self.dropped += [Dropped(section="sourced_facts" if b.is_fact else "claims",
                                 reason="inside instruction-like text",
                                 detail=f"{b.speaker}: {b.sentence.id}")
                         for b in self.cands.blocked]
        flags = [FlaggedSpan(kind=f.kind, reason=f.reason, evidence=span(text, f.start, f.end))
                 for f in self.article.flags]
        for flag in flags:
            where = next((s.id for s in self.article.sentences if s.start < flag.evidence.end
                          and flag.evidence.start < s.end), "title")
            self.warnings.append(f"{flag.reason} ({where})")
        meta = Meta(model=self.client.model, backend=self.client.backend,  # type: ignore[arg-type]
                    strategy=self.settings.strategy, prompt_version=prompts.prompt_version(),
                    llm_calls=self.stats.llm_calls, prompt_tokens=self.stats.prompt_tokens,
                    completion_tokens=self.stats.completion_tokens, retries=self.stats.retries,
                    reasks=self.stats.reasks,
                    retry_wait_seconds=round(self.stats.retry_wait_seconds, 3),
                    cache_hits=self.stats.cache_hits, seconds=seconds, language=language,
                    chunks=self.chunks, context_tokens=self.context_tokens,
                    split_reason=self.split_reason, dropped=self.dropped, flags=flags,
                    warnings=list(dict.fromkeys(self.warnings)))
        analysis = ArticleAnalysis(
            title=self.article.title, text=text,
            summary=summary.summary if summary else "",
            key_points=self._key_points(claims, facts),
            claims=claims, sourced_facts=facts,
            uncertainty=Uncertainty(level=level, cues=cues,
                                    summary=doubt, open_questions=questions),
            meta=meta)
        return enforce(analysis)
