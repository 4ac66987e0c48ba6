from .index import CatalogueIndexPage
from .sessions import Occurrence, Session
from .taxonomy import Language, StateNetwork, TargetGroup, Topic, Venue
from .training import Delivery, TrainingFormat, TrainingPage

__all__ = [
    "CatalogueIndexPage",
    "Delivery",
    "Language",
    "Occurrence",
    "Session",
    "StateNetwork",
    "TargetGroup",
    "Topic",
    "TrainingFormat",
    "TrainingPage",
    "Venue",
]
