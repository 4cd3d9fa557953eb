"""Command line: errors become one line on stderr and a non-zero exit, here and only here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import AssistantError, GateError, InputError, LLMError

EXIT_INPUT, EXIT_LLM, EXIT_OTHER, EXIT_GATE = 2, 3, 4, 5


def _progress(stage: str) -> None:
    print(f"[newsgrounder] {stage}...", file=sys.stderr, flush=True)


def _settings(args: argparse.Namespace) -> Any:
    from .settings import resolve_settings

    return resolve_settings(model=getattr(args, "model", None),
                            base_url=getattr(args, "base_url", None),
                            strategy=getattr(args, "strategy", None),
                            claim_unit=getattr(args, "claim_unit", None),
                            model_path=getattr(args, "model_path", None),
                            response_cache=False if getattr(args, "no_cache", False) else None)


def cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze
    from .render import to_markdown

    if args.example is not None:
        from . import examples_data

        if args.example == "" or args.file is not None:
            raise InputError("give --example NAME or a file, not both" if args.file else
                             "--example needs a name", reason="usage",
                             hint="bundled examples: " + ", ".join(examples_data.names()))
        result = analyze(args.example, text=examples_data.read(args.example),
                         settings=_settings(args), progress=None if args.quiet else _progress)
    elif args.file is None:
        raise InputError("give an article file, '-' for stdin, or --example NAME",
                         reason="usage")
    else:
        result = analyze(args.file, html=True if args.html else None, settings=_settings(args),
                         progress=None if args.quiet else _progress)
    out = result.model_dump_json(indent=2) if args.format == "json" else to_markdown(result)
    if args.output:
        Path(args.output).write_text(out + "\n", encoding="utf-8")
    else:
        sys.stdout.write(out + "\n")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .models import ArticleAnalysis

    sys.stdout.write(json.dumps(ArticleAnalysis.model_json_schema(), indent=2) + "\n")
    return 0


def cmd_serve_model(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(_settings(args), host=args.host, port=args.port)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evals.run import main as eval_main

    return eval_main(args, _settings if args.predictions is None else None, _progress)


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import collect, run_batch
    from .client import build_client

    files = collect(args.inputs)
    settings = _settings(args)
    client = build_client(settings)
    summary = run_batch(files, Path(args.out), client=client, settings=settings,
                        concurrency=args.concurrency, progress=not args.quiet)
    print(f"{summary.ok} analysed, {summary.failed} failed, {summary.skipped} already done "
          f"of {summary.total}; results in {args.out}", file=sys.stderr)
    return 0 if summary.failed == 0 else 1


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench, table
    from .evals.gold import load_gold_dir

    if args.articles:
        from .article import read_source

        arts = [(Path(a).stem, read_source(a)[0]) for a in args.articles]
    else:
        arts = [(g.id, g.text) for g in load_gold_dir(args.gold)]
        arts.sort(key=lambda x: not x[0].startswith("seed"))
        if args.real and Path(args.real).is_dir():
            from .bench import real_lengths

            arts += real_lengths(args.real)
        elif args.real:
            print(f"[newsgrounder] bench: {args.real} not found; real lengths skipped",
                  file=sys.stderr)
    result = run_bench(arts, _settings(args),
                       remote_articles=args.remote_articles, latency=args.latency,
                       concurrency=args.concurrency, progress=_progress)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(result, indent=2))
    text = table(result)
    (out / "bench.md").write_text(text + "\n")
    print(text)
    return 0


def cmd_crosscheck(args: argparse.Namespace) -> int:
    from .client import build_client
    from .crosscheck import analyze_with_references, to_markdown

    settings = _settings(args)
    result = analyze_with_references(args.article, args.references,
                                     client=build_client(settings), settings=settings)
    out = result.model_dump_json(indent=2) if args.format == "json" else to_markdown(result)
    sys.stdout.write(out + "\n")
    return 0


def cmd_eval_crosscheck(args: argparse.Namespace) -> int:
    from .client import build_client
    from .evals.crosscheck_eval import gate, run

    try:  # read before any model work: a wrong path fails at once
        limits = json.loads(Path(args.thresholds).read_text())["sets"] if args.thresholds else {}
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read thresholds {args.thresholds}: {exc}",
                         reason="thresholds", source=str(args.thresholds)) from exc
    settings = _settings(args)
    client = build_client(settings)
    fails: list[str] = []
    for gold in args.gold or ["evals/crosscheck"]:
        label = Path(gold).resolve().name
        out = Path(args.out) / label
        scores = run(gold, client, settings, out, args.limit)
        counts = json.loads((out / "results.json").read_text())["counts"]
        print(f"{gold}:")
        for k, v in scores.items():
            print(f"  {k:<24} {v}" + (f"  ({counts[k][0]}/{counts[k][1]})" if k in counts
                                      else ""))
        fails += [f"{label}: {f}" for f in gate(scores, limits.get(label, {}))]
    if fails:
        raise GateError("cross-check gate failed: " + "; ".join(fails), failures=fails)
    if limits:
        print("cross-check gate passed")
    return 0


def cmd_eval_qa(args: argparse.Namespace) -> int:
    from .client import build_client
    from .evals.qa_eval import run

    settings = _settings(args)
    scores = run(args.gold, args.questions, build_client(settings), settings, Path(args.out),
                 _progress)
    for k, v in scores.items():
        print(f"{k:<20} {v}")
    return 0


def cmd_cache(args: argparse.Namespace) -> int:
    from .cache import ResponseCache

    s = _settings(args)
    n = ResponseCache(s.cache_dir / "responses.sqlite").clear()
    print(f"cleared {n} cached answers from {s.cache_dir / 'responses.sqlite'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="newsgrounder", description=__doc__)
    p.add_argument("--version", action="version", version=f"newsgrounder {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def model_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--model", help="embedded model key or remote model name")
        sp.add_argument("--base-url", help="OpenAI-compatible endpoint (makes the backend remote)")
        sp.add_argument("--model-path", help="any GGUF file for the embedded backend")
        sp.add_argument("--strategy", choices=["decomposed", "combined"])
        sp.add_argument("--claim-unit", choices=["statement", "turn"],
                        help="one claim per statement (default) or per speaker turn (a quote "
                        "running on over several sentences is one claim)")
        sp.add_argument("--no-cache", action="store_true", help="do not use the response cache")

    a = sub.add_parser("analyze", help="analyse one article (file or - for stdin)")
    a.add_argument("file", nargs="?")
    a.add_argument("--example", nargs="?", const="", metavar="NAME",
                   help="analyse a bundled example article (seed-iran-guards-warn, ...)")
    a.add_argument("--format", choices=["json", "markdown"], default="json")
    a.add_argument("--html", action="store_true", help="treat the input as HTML")
    a.add_argument("-o", "--output", help="write here instead of stdout")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    model_opts(a)
    a.set_defaults(func=cmd_analyze)

    b = sub.add_parser("batch", help="analyse many articles into a JSONL file, resumably")
    b.add_argument("inputs", help="a directory or a glob of .txt/.md/.html files")
    b.add_argument("--out", required=True, help="results .jsonl (appended; re-run to resume)")
    b.add_argument("--concurrency", type=int, default=4, help="parallel articles (remote only)")
    b.add_argument("-q", "--quiet", action="store_true")
    model_opts(b)
    b.set_defaults(func=cmd_batch)

    be = sub.add_parser("bench", help="measure speed against this machine's limit")
    be.add_argument("--gold", default="evals/gold", help="articles to time (gold files)")
    be.add_argument("--articles", nargs="*", help="time these text files instead")
    be.add_argument("--out", default="bench-out")
    be.add_argument("--real", default="../shared/evals/real-dev",
                    help="real-news gold folder: its three longest articles and a 2,000-word "
                    "text joined from it are timed too ('' to skip)")
    be.add_argument("--remote-articles", type=int, default=20)
    be.add_argument("--latency", type=float, default=1.0, help="stub server latency per call")
    be.add_argument("--concurrency", type=int, default=10)
    model_opts(be)
    be.set_defaults(func=cmd_bench)

    x = sub.add_parser("crosscheck", help="check an article's claims against other documents")
    x.add_argument("article")
    x.add_argument("references", nargs="+")
    x.add_argument("--format", choices=["json", "markdown"], default="json")
    model_opts(x)
    x.set_defaults(func=cmd_crosscheck)

    ec = sub.add_parser("eval-crosscheck", help="score cross-check verdicts against gold")
    ec.add_argument("--gold", action="append", help="cross-check gold folder (repeat for "
                    "several; default evals/crosscheck)")
    ec.add_argument("--out", default="eval-out/crosscheck")
    ec.add_argument("--limit", type=int, help="only the first N cases of each folder")
    ec.add_argument("--thresholds", help="fail (exit 5) outside the limits per gold folder "
                    "({\"sets\": {folder: {\"min\": {...}, \"max\": {...}}}})")
    model_opts(ec)
    ec.set_defaults(func=cmd_eval_crosscheck)

    eq = sub.add_parser("eval-qa", help="score follow-up answers against a question set")
    eq.add_argument("--gold", default="../shared/evals/real-dev")
    eq.add_argument("--questions", default="evals/qa/real-dev.json")
    eq.add_argument("--out", default="eval-out/qa")
    model_opts(eq)
    eq.set_defaults(func=cmd_eval_qa)

    s = sub.add_parser("schema", help="print the JSON schema of ArticleAnalysis")
    s.set_defaults(func=cmd_schema)

    m = sub.add_parser("serve-model", help="serve the embedded model over an OpenAI-compatible API")
    m.add_argument("--host", default="127.0.0.1")
    m.add_argument("--port", type=int, default=8765)
    model_opts(m)
    m.set_defaults(func=cmd_serve_model)

    e = sub.add_parser("eval", help="score analyses against gold annotations")
    e.add_argument("--gold", action="append", help="directory of gold JSON files (repeat for "
                   "several sets, scored side by side; default evals/gold)")
    e.add_argument("--polnear", action="append",
                   help="directory of PolNeAR documents, scored with the corpus scorer's rule")
    e.add_argument("--polnear-limit", type=int, help="only the first N PolNeAR documents")
    e.add_argument("--predictions", help="score saved ArticleAnalysis JSON files instead "
                   "(one subfolder per set when several are given)")
    e.add_argument("--out", default="eval-out", help="where to write results.json and report.md")
    e.add_argument("--baseline", help="a previous results.json to compare with")
    e.add_argument("--thresholds", help="fail (exit 5) if a metric is below its floor here")
    model_opts(e)
    e.set_defaults(func=cmd_eval)

    c = sub.add_parser("clear-cache", help="empty the LLM response cache")
    c.set_defaults(func=cmd_cache)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"newsgrounder: error: {exc.user_message()}", file=sys.stderr)
        return EXIT_INPUT
    except LLMError as exc:
        print(f"newsgrounder: model error: {exc.user_message()}", file=sys.stderr)
        return EXIT_LLM
    except AssistantError as exc:
        code = EXIT_GATE if type(exc).__name__ == "GateError" else EXIT_OTHER
        print(f"newsgrounder: error: {exc.user_message()}", file=sys.stderr)
        return code
    except KeyboardInterrupt:
        print("newsgrounder: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
