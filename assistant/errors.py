"""The project's exceptions: one root, data carried as attributes.

They are turned into messages once, at the CLI and in the app; library code only raises.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every error the assistant raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def user_message(self) -> str:
        """One line for a person: what went wrong and, when known, what to do."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(AssistantError):
    """The article given cannot be analysed (empty, binary, too short, unreadable)."""

    def __init__(self, message: str, *, reason: str, source: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.reason = reason
        self.source = source


class ConfigError(AssistantError):
    """Settings are missing or contradictory; the message says what to set."""

    def __init__(self, message: str, *, setting: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.setting = setting


class ModelAssetError(AssistantError):
    """The embedded model's weights are missing, incomplete or fail their checksum."""

    def __init__(self, message: str, *, path: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.path = path


class LLMError(AssistantError):
    """A language-model call failed after its bounded retries."""

    def __init__(self, message: str, *, stage: str = "", cause: str = "", attempts: int = 0,
                 hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.stage = stage
        self.cause = cause
        self.attempts = attempts


class LLMTransportError(LLMError):
    """The endpoint could not be reached or kept failing (refused, timeout, 429, 5xx)."""


class LLMOutputError(LLMError):
    """The model answered, but not with usable output (malformed, truncated, invalid)."""


class PromptError(AssistantError):
    """A prompt template is missing, or was rendered without one of its variables or with a
    value it has no place for."""

    def __init__(self, message: str, *, template: str, missing: list[str] | None = None,
                 unused: list[str] | None = None) -> None:
        super().__init__(message)
        self.template = template
        self.missing = missing or []
        self.unused = unused or []


class GoldFormatError(AssistantError):
    """A gold annotation file does not follow evals/ANNOTATION.md."""

    def __init__(self, message: str, *, path: str, item: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.item = item


class GateError(AssistantError):
    """An eval metric fell below its floor in the thresholds file."""

    def __init__(self, message: str, *, failures: list[str]) -> None:
        super().__init__(message)
        self.failures = failures
