from .panels import AssignmentMode, JudgeInvitation, Panel, PanelJudge
from .results import Outcome, Result
from .scoring import (
    Assignment,
    Conflict,
    ConflictSource,
    Qualifying,
    Score,
    ScoreSheet,
    SheetStatus,
)

__all__ = [
    "Assignment",
    "AssignmentMode",
    "Conflict",
    "ConflictSource",
    "JudgeInvitation",
    "Outcome",
    "Panel",
    "PanelJudge",
    "Qualifying",
    "Result",
    "Score",
    "ScoreSheet",
    "SheetStatus",
]
