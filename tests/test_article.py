import pytest

from assistant import InputError, load_article, parse_article
from assistant.article import decode_bytes
from tests.conftest import gold


def test_offsets_are_exact_and_boilerplate_marked() -> None:
    text = gold("seed-iran-guards-warn")["text"]
    a = parse_article(text)
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text
    kinds = [p.kind for p in a.paragraphs]
    assert kinds[:4] == ["boilerplate", "boilerplate", "title", "caption"]
    assert a.title == "Iran Guards Warn Washington Against Any Attack On Proxies In Iraq"
    assert not any("Accessibility" in s.text or "A member of" in s.text for s in a.sentences)


def test_a_lone_share_button_is_boilerplate_not_the_headline() -> None:
    a = parse_article(gold("harbor-line-job-cuts")["text"])
    assert [p.kind for p in a.paragraphs[:3]] == ["boilerplate", "boilerplate", "title"]
    assert a.title == "Harbor Line Shipping Cuts 1,200 Jobs as Freight Rates Slide"


def test_a_link_to_another_story_is_boilerplate_not_a_claim() -> None:
    body = ("The ferry ran aground on Monday near the old pier of Velmar, the coast guard said "
            "in a statement posted on its website late on Monday night, and the crossings were "
            "cancelled until further notice.")
    a = parse_article(f"Ferry aground\n\n{body}\n\nRead more: Coast guard says ferries unsafe"
                      f"\n\nRELATED: Harbor strike enters second week\n\n{body}")
    assert [p.kind for p in a.paragraphs] == ["title", "body", "boilerplate", "boilerplate", "body"]


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"), (b"   \n\t  ", "empty"), (b"\x00\x01binary\x00" * 20, "binary"),
    (b"caf\xe9 au lait " * 30, "encoding"), (b"Too short to be an article.", "too_short"),
])
def test_bad_inputs_raise_typed_errors(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        parse_article(decode_bytes(data, "x"), source="x")
    assert err.value.reason == reason
    assert err.value.user_message()


def test_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError) as err:
        load_article(tmp_path / "nope.txt")
    assert err.value.reason == "missing"


def test_html_main_text_extracted_without_navigation() -> None:
    body = " ".join(["The minister said the bridge would reopen on Friday after repairs."] * 6)
    html = (f"<html><head><title>Bridge to reopen</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/world'>World news</a></nav><article><h1>Bridge to reopen</h1><p>{body}</p>"
            f"<p>{body}</p></article><footer>Related stories: Cats and dogs</footer></body></html>")
    a = load_article(text=html, html=True)
    assert "Home" not in a.text and "Related stories" not in a.text
    assert "minister said the bridge" in a.text
    assert a.title == "Bridge to reopen"
