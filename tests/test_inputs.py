import pytest

from marsad.errors import BinaryInputError, InputReadError, InputTooLargeError
from marsad.inputs import decode_article, html_to_text, looks_like_html, read_article

PAGE = """<!DOCTYPE html><html><head><title>مقتل جنود</title><script>var hidden = "قتل 99";</script></head>
<body><nav>الرئيسية</nav><article><h1>مقتل ثلاثة جنود في هجوم قرب غاو</h1>
<p>أعلن الجيش المالي أن ثلاثة جنود قتلوا في هجوم شنه مسلحون على معسكر للجيش قرب مدينة غاو.</p>
<p>وقال الجيش في بيان إن قواته قضت على عشرة من المهاجمين.</p></article></body></html>"""


def test_inputs_html_page_is_reduced_to_its_article_text():
    page = html_to_text(PAGE)
    assert "ثلاثة جنود قتلوا" in page.text and "var hidden" not in page.text


@pytest.mark.parametrize(
    "text, is_html", [(PAGE, True), ("<p>قتل جندي</p>", True), ("قتل جندي في هجوم", False)]
)
def test_inputs_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


def test_inputs_read_article_extracts_html_files(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert "<p>" not in read_article(str(path))


def test_inputs_bom_is_dropped():
    assert decode_article("\ufeffقتل جندي".encode("utf-8"), "a.txt") == "قتل جندي"


@pytest.mark.parametrize(
    "data, error", [(b"\x00\x01binary", BinaryInputError), ("جندي".encode("cp1256"), InputReadError)]
)
def test_inputs_undecodable_bytes_are_coded_errors(data, error):
    with pytest.raises(error):
        decode_article(data, "a.txt")


def test_inputs_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputTooLargeError):
        read_article(str(path))
