"""The wheel carries everything an installed copy needs: code, prompt templates, examples."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant import PromptError, __version__, prompts
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                        "--outdir", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    (whl,) = out.glob("*.whl")
    return zipfile.ZipFile(whl)


def test_every_prompt_template_and_example_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for f in (ROOT / "prompts").glob("*.txt"):
        assert f"assistant/prompt_templates/{f.name}" in names, f.name
    for f in (ROOT / "examples").glob("*.txt"):
        assert f"assistant/examples/{f.name}" in names, f.name
    for pkg in ("assistant/article/segment.py", "assistant/candidates/attributions.py",
                "assistant/evals/polnear.py"):
        assert pkg in names


def test_prompt_version_is_the_same_installed_or_editable(wheel: zipfile.ZipFile) -> None:
    h = hashlib.sha256()
    for name in sorted(n for n in wheel.namelist()
                       if n.startswith("assistant/prompt_templates/") and n.endswith(".txt")):
        h.update(Path(name).name.encode())
        h.update(wheel.read(name))
    assert h.hexdigest()[:12] == prompts.prompt_version()


def test_version_is_reported() -> None:
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "--version"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"newsgrounder {__version__}"
    assert __version__[0].isdigit()


def test_render_refuses_a_missing_variable() -> None:
    with pytest.raises(PromptError) as err:
        prompts.render("summary_fix")
    assert err.value.missing == ["problems"]
    assert "summary_fix" in str(err.value)


def test_render_refuses_a_value_the_template_has_no_place_for() -> None:
    # a line dropped from a template must not leave the code computing what it held
    with pytest.raises(PromptError) as err:
        prompts.render("summary_fix", problems="S2 names no source", covered="S1, S3")
    assert err.value.unused == ["covered"]
    assert "no place for covered" in str(err.value)
    assert "S2 names no source" in prompts.render("summary_fix", problems="S2 names no source")
