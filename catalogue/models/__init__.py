from .index import CatalogueIndexPage
from .sessions import Occurrence, Session
from .staff import StateStaff
from .taxonomy import Language, StateNetwork, TargetGroup, Topic, Venue
from .training import Delivery, TrainingFormat, TrainingPage, VatTreatment

__all__ = [
    "CatalogueIndexPage",
    "Delivery",
    "Language",
    "Occurrence",
    "Session",
    "StateNetwork",
    "StateStaff",
    "TargetGroup",
    "Topic",
    "TrainingFormat",
    "VatTreatment",
    "TrainingPage",
    "Venue",
]
