"""The models of the projects app, split by sub-domain; every model is importable from here
(``projects.models.Project``), which the migrations rely on (``projects.models.document_path``)."""

from projects.models.calls import Call, Submission, SubmissionStatus
from projects.models.funding import Currency, FundingKind, FundingLine
from projects.models.projects import (
    INACTIVE_PARTY,
    PUBLIC_STATUSES,
    Project,
    ProjectDocument,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    ProjectStatusChange,
    SDGLink,
    Site,
    document_path,
)
from projects.models.sdgs import Goal, PartnershipGoal, Target

__all__ = [
    "INACTIVE_PARTY",
    "PUBLIC_STATUSES",
    "Call",
    "Currency",
    "FundingKind",
    "FundingLine",
    "Goal",
    "PartnershipGoal",
    "Project",
    "ProjectDocument",
    "ProjectParty",
    "ProjectPartyStatus",
    "ProjectStatus",
    "ProjectStatusChange",
    "SDGLink",
    "Site",
    "Submission",
    "SubmissionStatus",
    "Target",
    "document_path",
]
