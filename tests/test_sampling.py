"""Prompt-lookup drafting's guesses (no model: token ids only)."""

from typing import Any

import numpy as np
import pytest

pytest.importorskip("llama_cpp")

from assistant.sampling import LookupDraft  # noqa: E402


def ids(*xs: int) -> np.ndarray:
    return np.array(xs, dtype=np.intc)


def test_the_latest_earlier_match_is_followed_not_the_first() -> None:
    # the tail (1, 2) occurred at 1 (followed by 7, 8) and at 5 (followed by 4, 6)
    draft = LookupDraft(num_pred_tokens=3)
    assert draft(ids(5, 1, 2, 7, 8, 1, 2, 4, 6, 3, 1, 2)).tolist() == [4, 6, 3]


def test_a_longer_match_wins_over_a_later_shorter_one() -> None:
    # (9, 1, 2) occurred once, early; (1, 2) alone occurred later
    draft = LookupDraft(num_pred_tokens=2)
    assert draft(ids(9, 1, 2, 7, 8, 1, 2, 4, 9, 1, 2)).tolist() == [7, 8]


def test_no_guess_from_a_single_token_or_a_new_tail() -> None:
    draft = LookupDraft()
    assert draft(ids(3, 4, 5, 3)).tolist() == []  # only the one-token tail (3) repeats
    assert draft(ids(1, 2)).tolist() == []
    assert draft.proposed == 0


def test_a_guess_stops_at_the_end_of_what_is_written() -> None:
    draft = LookupDraft(num_pred_tokens=6)
    assert draft(ids(1, 2, 3, 1, 2)).tolist() == [3, 1, 2]
    assert draft.proposed == 3


class _DraftingModel:
    """Stands in for the embedded Llama: records whether drafting was on for each task."""

    def __init__(self, create: Any) -> None:
        self.draft_model: object | None = object()
        self.seen: list[tuple[str, bool]] = []
        self._create = create

    def create(self, **kwargs: Any) -> Any:
        out = self._create(**kwargs)
        last = kwargs["messages"][-1]["content"]
        task = "attributions" if "TASK: check who said what" in last else "other"
        self.seen.append((task, self.draft_model is not None))
        return out


def test_only_answers_that_copy_from_the_prompt_are_drafted(make_client) -> None:
    from assistant import analyze

    client, create = make_client()
    model = _DraftingModel(create)
    client._raw, client.local_model = model.create, model
    draft = model.draft_model
    text = ("The harbour bridge will reopen in May after two years of repairs, the mayor said "
            "on Tuesday. Engineers finished the last inspection of the main span last week. "
            "Residents who live near the bridge said they doubted the date, since two earlier "
            "dates had passed. The city council will vote on the final payment to the builder "
            "next month.")
    analyze(text=text, client=client, settings=client.settings)
    assert ("attributions", True) in model.seen
    assert ("other", True) not in model.seen and ("other", False) in model.seen  # summary
    assert model.draft_model is draft  # restored after each prose call
