"""The pipeline's stage contracts: each stage reads only what it REQUIRES and writes only what it
ASSIGNS, every name is a field of the working document, and `run(until=)` stops where asked."""

import datetime as dt

import pytest

from marsad.errors import UnknownStageError
from marsad.pipeline import STAGE_NAMES, STAGES, check_order, run
from marsad.pipeline.document import DOC_FIELDS, ITEM_FIELDS

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


def _event_fields(names) -> set[str]:
    return {name.split(".", 1)[1] for name in names if name.startswith("events.")}


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
    event_allowed = _event_fields(module.REQUIRES) | _event_fields(module.ASSIGNS)
    drafts = doc.events if "events" in allowed else []
    for draft in drafts:
        for field in ITEM_FIELDS["events"] - event_allowed:
            setattr(draft, field, _Unreadable(f"events.{field}"))
    before = {field: id(getattr(doc, field)) for field in DOC_FIELDS}
    event_before = [{field: id(getattr(d, field)) for field in ITEM_FIELDS["events"]} for d in drafts]
    module.run(doc)
    changed = {field for field in DOC_FIELDS if id(getattr(doc, field)) != before[field]}
    assert changed <= _fields(module.ASSIGNS)
    for draft, ids in zip(drafts, event_before):
        event_changed = {field for field in ITEM_FIELDS["events"] if id(getattr(draft, field)) != ids[field]}
        assert event_changed <= _event_fields(module.ASSIGNS)


def test_pipeline_every_declared_name_is_a_document_field():
    for _, module in STAGES:
        assert _fields(module.REQUIRES) | _fields(module.ASSIGNS) <= DOC_FIELDS
        assert _event_fields(module.REQUIRES) | _event_fields(module.ASSIGNS) <= ITEM_FIELDS["events"]


def test_pipeline_every_event_field_is_assigned_by_a_stage():
    assigned = {field for _, module in STAGES for field in _event_fields(module.ASSIGNS)}
    assert assigned == ITEM_FIELDS["events"]


def test_pipeline_assemble_is_a_stage_after_every_decision_on_an_event():
    after = STAGES[STAGE_NAMES.index("assemble") + 1 :]
    assert not any(_event_fields(module.ASSIGNS) for _, module in after)


class _Stage:
    def __init__(self, requires, assigns):
        self.REQUIRES, self.ASSIGNS = requires, assigns


@pytest.mark.parametrize(
    "stages, message",
    [
        ([("a", _Stage((), ("events.weather",)))], "does not have"),
        ([("a", _Stage((), ("events.location.lat",)))], "does not have"),
        ([("a", _Stage((), ("sentences.start",)))], "does not have"),
        ([("a", _Stage((), ("events",))), ("b", _Stage(("events.event_type",), ()))], "no earlier stage"),
    ],
)
def test_pipeline_check_order_refuses_an_unknown_or_unassigned_event_field(stages, message):
    with pytest.raises(RuntimeError, match=message):
        check_order(stages)


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
