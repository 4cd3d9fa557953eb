"""newsgrounder: grounded news analysis (claims, sourced facts, uncertainty) on small or large LLMs."""

from importlib.metadata import PackageNotFoundError, version

from .article import Article, load_article, parse_article
from .client import LLMClient, build_client
from .crosscheck import CrossCheck, analyze_with_references
from .errors import (
    AssistantError,
    ConfigError,
    GateError,
    GoldFormatError,
    InputError,
    LLMError,
    LLMOutputError,
    LLMTransportError,
    ModelAssetError,
    PromptError,
)
from .models import (
    ArticleAnalysis,
    Claim,
    Meta,
    OpenQuestion,
    SourcedFact,
    Span,
    Uncertainty,
    UncertaintyCue,
)
from .pipeline import analyze, analyze_article, analyze_async
from .qa import Answer, answer_question
from .render import to_markdown
from .settings import Settings, resolve_settings
from .turns import as_turns

try:
    __version__ = version("newsgrounder")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__",
    "Answer", "Article", "CrossCheck", "analyze_with_references", "answer_question", "ArticleAnalysis", "AssistantError", "Claim", "ConfigError", "GateError",
    "GoldFormatError", "InputError", "LLMClient", "LLMError", "LLMOutputError",
    "LLMTransportError", "Meta", "ModelAssetError", "OpenQuestion", "PromptError", "Settings",
    "SourcedFact", "Span", "Uncertainty", "UncertaintyCue", "analyze", "analyze_article",
    "analyze_async", "as_turns", "build_client", "load_article", "parse_article", "resolve_settings",
    "to_markdown",
]
