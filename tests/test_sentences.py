import pytest

from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import (
    MAX_SENTENCE_CHARS,
    clause_end,
    clause_start,
    crosses_clause,
    split_sentences,
)


def _texts(raw):
    text = fold(raw)
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "raw, count",
    [
        ("قتل خمسة جنود، وأصيب ثلاثة آخرون، في هجوم. وقال الجيش إن الوضع هادئ.", 2),
        ("وقال المتحدث: “قتلنا العدو. وأسرنا جنودا”. ثم انسحب المقاتلون.", 2),
        ("بلغت نسبة المشاركة 45.5 في المئة. وانتهى التصويت.", 2),
        ("العنوان\n\nالفقرة الأولى. الفقرة الثانية؟ نعم!", 4),
        ("", 0),
    ],
)
def test_sentences_split_on_stops_not_commas_or_quotes(raw, count):
    assert len(_texts(raw)) == count


def test_sentences_paragraphs_are_counted():
    text = fold("العنوان\n\nقتل جندي. وأصيب آخر.\n\nوقال الجيش إن الهجوم فشل.")
    paragraphs = [s.paragraph for s in split_sentences(text)]
    assert paragraphs == [0, 1, 1, 2]


def test_sentences_stray_quote_does_not_swallow_the_text():
    assert len(_texts('قال الجيش " إن الهجوم فشل. وأصيب جندي. وقتل آخر.')) == 3


def test_sentences_an_unpunctuated_run_is_cut_into_bounded_windows():
    text = " ".join(["قتل جنود في هجوم على قرية"] * 2000)
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start] != " " and text[s.end - 1] != " " for s in sentences)


@pytest.mark.parametrize(
    "text, offset, span",
    [
        ("نقلوا إلى المستشفى, في حين هرع السكان إلى المكان.", 30, (19, 48)),
        ("نقلوا إلى المستشفى, في حين هرع السكان إلى المكان.", 5, (0, 18)),
        ("قتل ثلاثة جنود في هجوم قرب غاو.", 10, (0, 30)),
    ],
)
def test_sentences_a_clause_runs_between_clause_marks(text, offset, span):
    ceiling = len(text) - 1
    assert (clause_start(text, 0, offset), clause_end(text, offset, ceiling)) == span


@pytest.mark.parametrize(
    "raw, first",
    [
        # A quotation never closed: the next quotation's opening mark shows it, so its stop ends it.
        (
            'وأضاف أن "المسلحين فروا نحو الجبال. وفي سياق آخر، قال المحافظ إن "الوضع مستقر".',
            'وأضاف أن "المسلحين فروا نحو الجبال.',
        ),
        # A closing mark with no opening one before it quotes nothing.
        (
            'وأكد البيان أن الجنود ضبطوا أسلحة". وأضاف أنه "تم نقل الموقوفين".',
            'وأكد البيان أن الجنود ضبطوا أسلحة".',
        ),
        # A quotation that closes right after its own stop closes its sentence too.
        (
            'وقال الضابط "قتل جنديان في الهجوم." وتابع أن التحقيق مستمر.',
            'وقال الضابط "قتل جنديان في الهجوم."',
        ),
        (
            'وسأل النائب "من يحمي القرى؟" وفي اليوم التالي هاجم المسلحون البلدة.',
            'وسأل النائب "من يحمي القرى؟"',
        ),
    ],
)
def test_sentences_a_broken_or_closing_quotation_ends_its_sentence(raw, first):
    texts = _texts(raw)
    assert len(texts) == 2 and texts[0] == fold(first)


@pytest.mark.parametrize(
    "raw",
    [
        # A quotation nested in another (an even number of marks): the outer one holds its stops.
        'وقال الوزير "نرفض ما يسمى "المنطقة الآمنة" في الشمال. ولن نقبل بأي تقسيم".',
        # A stop closing a quotation followed by a comma: the reporting sentence goes on.
        'وقال "انتهت المعركة."، مضيفا أن القوات تقدمت.',
        # A mark shaped like a closing one, written after a colon, still opens the quotation.
        'وقال المتحدث:" قصفوا القرية .. هذا إرهاب". ',
    ],
)
def test_sentences_a_whole_quotation_stays_one_sentence(raw):
    assert len(_texts(raw)) == 1


@pytest.mark.parametrize(
    "stretch, crosses",
    [(" جندي، و", True), (" جندي; ", True), (" جندي و", False), ("", False)],
)
def test_sentences_a_stretch_crosses_a_clause_when_it_holds_a_clause_mark(stretch, crosses):
    assert crosses_clause(fold(stretch)) is crosses
