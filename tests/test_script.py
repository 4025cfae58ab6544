import pytest

from marsad.lang.script import language_of


@pytest.mark.parametrize(
    "text, language",
    [
        ("قتل ثلاثة جنود في هجوم على معسكر للجيش.", "ar"),
        ("The army said three soldiers were killed.", "und"),
        ("L'armée a annoncé la mort de trois soldats.", "und"),
        ("قال الجيش (Army) إن 3 جنود قتلوا", "ar"),
        ("", "und"),
        ("12345 !!!", "und"),
    ],
)
def test_script_language_of(text, language):
    assert language_of(text) == language
