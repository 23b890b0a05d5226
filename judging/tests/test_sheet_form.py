"""The score sheet as the portal reads and draws it: weights said plainly, each field's
message, the running weighted score."""

from decimal import Decimal

from judging.hosting import Criterion
from judging.portal.sheet_form import (
    SheetDisplay,
    display_typed,
    field_errors,
    weight_label,
)
from judging.sheets import SheetInput

CRITERIA = [
    Criterion("vision", "Vision", Decimal(2)),
    Criterion("delivery", "Delivery", Decimal("1.5")),
    Criterion("outcomes", "Outcomes", Decimal(1)),
]


def typed(**scores) -> SheetInput:
    return SheetInput(scores=scores, comments={})


def test_a_weight_is_said_plainly():
    assert weight_label(Decimal(1)) == ""
    assert weight_label(Decimal("2.00")) == "counts double"
    assert weight_label(Decimal("1.50")) == "counts ×1.5"
    assert weight_label(Decimal(3)) == "counts ×3"


def test_each_bad_score_gets_its_own_message_and_blanks_are_fine():
    errors = field_errors(CRITERIA, typed(vision="11", delivery="abc", outcomes=""))
    assert errors == {
        "score-vision": "Score for Vision must be a whole number from 0 to 10",
        "score-delivery": "Score for Delivery must be a whole number from 0 to 10",
    }
    assert field_errors(CRITERIA, typed(vision=" 10 ", delivery="0")) == {}


def test_a_long_comment_and_an_unknown_qualifying_answer_are_refused():
    data = SheetInput(scores={}, comments={"vision": "x" * 5001}, qualifying="perhaps")
    assert set(field_errors(CRITERIA, data)) == {"comment-vision", "qualifying-yes"}


def test_the_running_weighted_score_counts_only_real_scores():
    display = display_typed(CRITERIA, typed(vision="7", delivery="4", outcomes="x"), 1, {})
    assert display.scored == 2
    assert display.weighted == ("20", "45")  # 7×2 + 4×1.5 of 10×(2 + 1.5 + 1)
    assert SheetDisplay([]).weighted == ("0", "0")
