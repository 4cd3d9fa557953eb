"""A person's likely gender from a given name, for "he" / "she" when the text says nothing.

The names are the nomquamgender package's reference data (MIT; Ian Van Buskirk's counts of
given names by gender, each name from up to 35 sources). Only names that are common (1,000 records
or more) and lopsided (90 % one way, the package's own default threshold) are used: "Jane",
"Tom", "Hollie", not "Kim" or "Jean". Text evidence ("Mr.", "she said" after the name) always
wins over this guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..errors import ModelAssetError
from .speakers import TITLES

_MIN_RECORDS = 1000
_LOPSIDED = 0.1
# one entry of name_data.json: "name": [sources, records, p(female), ...]
_ENTRY = re.compile(r'"([a-z][a-z\'-]{1,20})": \[\d+, (\d+), ([0-9.]+)')


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Read once per process (0.4 s here): a regex pass over the 22 MB file peaks at about
    40 MB, where loading it as JSON would cost about 250 MB and 1.4 s."""
    # the package's own import loads the whole file as JSON (and pandas): find its folder
    # without importing it
    spec = find_spec("nomquamgender")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise ModelAssetError(  # a broken install: say what to do, not a traceback
            "the given-name data (package nomquamgender) is not installed",
            hint="pip install nomquamgender==0.1.4")
    raw = (Path(folders[0]) / "name_data.json").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for m in _ENTRY.finditer(raw):
        if int(m.group(2)) < _MIN_RECORDS:
            continue
        p_female = float(m.group(3))
        if p_female >= 1 - _LOPSIDED:
            table[m.group(1)] = "f"
        elif p_female <= _LOPSIDED:
            table[m.group(1)] = "m"
    return table


def given_name_gender(name: str) -> str | None:
    """"m", "f" or None for a full name ("Jane Roe"); a lone surname says nothing. A title
    before the name is skipped: "Judge" and "General" are in the table as men's names, and
    "Judge Jane Roe" is a woman."""
    words = [w.strip(".,") for w in name.split()]
    while words and words[0].lower() in TITLES:
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _table().get(words[0].lower())
