"""The parser proposes: attributions, outlet reports and uncertainty cues from a spaCy parse.

One module per thing found: quotes, speakers (and `coref` for who "he" or "the agency" is),
outlets (with their word lists in `outlet_names`), channels, cues, `nesting` (statements
inside statements, and whose a quote or an outlet's report is); `attributions` puts them
together sentence by sentence.
"""

from .attributions import extract
from .cues import find_cues
from .model import Attribution, Candidates, Cue, MaybeOutlet, Quote
from .outlets import canonical_outlet, find_outlets_in, is_named_outlet
from .quotes import find_quotes
from .speakers import TITLES

__all__ = ["TITLES", "Attribution", "Candidates", "Cue", "MaybeOutlet", "Quote",
           "canonical_outlet", "extract", "find_cues", "find_outlets_in", "find_quotes",
           "is_named_outlet"]
