"""The pipeline's stage contracts: each stage reads only what it REQUIRES and writes only what it
ASSIGNS, every name is a field of the working document, and `run(until=)` stops where asked."""

import datetime as dt

import pytest

from marsad.errors import UnknownStageError
from marsad.pipeline import STAGE_NAMES, STAGES, run
from marsad.pipeline.document import DOC_FIELDS

PUBLISHED = dt.date(2024, 7, 28)
TEXTS = [
    "قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم شنه مسلحون على حاجز قرب مدينة غاو يوم الجمعة، "
    "بحسب ما أعلن الجيش المالي في بيان. وقال مصدر محلي إن المهاجمين فروا نحو الحدود.",
    "تظاهر آلاف في مدينة البصرة احتجاجا على انقطاع الكهرباء، وأطلقت قوات الأمن الغاز المسيل "
    "للدموع. وقالت مصادر طبية إن متظاهرا قتل وأصيب 15 آخرون. واعتقلت الشرطة عشرة أشخاص.",
]


class _Unreadable:
    """Stands in for a field a stage did not declare: any use of it fails the test."""

    def __init__(self, name: str):
        object.__setattr__(self, "name", name)

    def _refuse(self, *args, **kwargs):
        raise AssertionError(f"reads the undeclared field {object.__getattribute__(self, 'name')!r}")

    __getattr__ = __iter__ = __len__ = __getitem__ = __contains__ = __bool__ = __eq__ = _refuse


def _fields(names) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("index", range(len(STAGES)))
def test_pipeline_stage_reads_only_what_it_requires_and_writes_only_what_it_assigns(text, index):
    name, module = STAGES[index]
    doc = run(text, PUBLISHED, until=STAGES[index - 1][0]) if index else run(text, PUBLISHED, until=name)
    if index == 0:
        return  # segment reads only the text
    allowed = _fields(module.REQUIRES) | _fields(module.ASSIGNS)
    hidden = {field: getattr(doc, field) for field in DOC_FIELDS - allowed}
    for field in hidden:
        setattr(doc, field, _Unreadable(field))
    before = {field: id(getattr(doc, field)) for field in DOC_FIELDS}
    module.run(doc)
    changed = {field for field in DOC_FIELDS if id(getattr(doc, field)) != before[field]}
    assert changed <= _fields(module.ASSIGNS)


def test_pipeline_every_declared_name_is_a_document_field():
    for _, module in STAGES:
        assert _fields(module.REQUIRES) | _fields(module.ASSIGNS) <= DOC_FIELDS


def test_pipeline_run_until_stops_after_that_stage():
    doc = run(TEXTS[0], PUBLISHED, until="claims")
    assert doc.claims and not doc.events and doc.extraction is None


def test_pipeline_run_to_the_end_assembles_the_contract():
    assert run(TEXTS[0], PUBLISHED).extraction.events


def test_pipeline_unknown_stage_is_a_coded_error():
    with pytest.raises(UnknownStageError, match="E011.*segment"):
        run(TEXTS[0], PUBLISHED, until="tokenize")


def test_pipeline_stage_names_are_unique():
    assert len(set(STAGE_NAMES)) == len(STAGE_NAMES)
