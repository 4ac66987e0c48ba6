from .index import CatalogueIndexPage
from .materials import Material
from .search import TrainingSearch
from .sessions import Occurrence, OnlineAccess, Session
from .staff import StateStaff
from .taxonomy import Language, StateNetwork, TargetGroup, Topic, TopicColour, Venue
from .training import Delivery, TrainingFormat, TrainingPage, VatTreatment

__all__ = [
    "CatalogueIndexPage",
    "Delivery",
    "Language",
    "Material",
    "OnlineAccess",
    "Occurrence",
    "Session",
    "StateNetwork",
    "StateStaff",
    "TargetGroup",
    "Topic",
    "TopicColour",
    "TrainingFormat",
    "VatTreatment",
    "TrainingPage",
    "TrainingSearch",
    "Venue",
]
