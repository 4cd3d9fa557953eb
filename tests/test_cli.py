import json
import subprocess
import sys

from tests.conftest import ROOT


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin,
                          capture_output=True, cwd=ROOT)


def test_schema_is_exported() -> None:
    r = run("schema")
    schema = json.loads(r.stdout)
    assert r.returncode == 0 and {"claims", "sourced_facts", "uncertainty", "meta"} <= set(
        schema["properties"])


def test_bad_inputs_exit_non_zero_with_one_line() -> None:
    for args, stdin in [(("analyze", "no-such-file.txt"), None), (("analyze", "-"), b""),
                        (("analyze", "-"), b"\x00\x01\x02" * 50),
                        (("analyze", "-"), b"Just a line.")]:
        r = run(*args, stdin=stdin)
        err = r.stderr.decode()
        assert r.returncode == 2, err
        assert err.strip().splitlines()[-1].startswith("newsgrounder: error:")
        assert "Traceback" not in err


def test_remote_without_key_says_what_to_set(monkeypatch) -> None:
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "analyze", "examples/x.txt",
                        "--base-url", "https://api.example.invalid/v1", "--model", "m"],
                       capture_output=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin"})
    assert r.returncode != 0 and b"OPENAI_API_KEY" in r.stderr


def test_a_missing_thresholds_file_fails_before_any_model_work(tmp_path) -> None:
    for cmd in (["eval", "--gold", "evals/gold", "--predictions", str(tmp_path)],
                ["eval-crosscheck"]):
        r = run(*cmd, "--out", str(tmp_path / "out"), "--thresholds", "no-such.json")
        err = r.stderr.decode()
        assert r.returncode == 2, err
        assert "cannot read thresholds no-such.json" in err and "Traceback" not in err
