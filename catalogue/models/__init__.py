from .pages import CatalogueIndexPage, TrainingPage
from .sessions import Occurrence, Session
from .taxonomy import Language, StateNetwork, TargetGroup, Topic, Venue

__all__ = [
    "CatalogueIndexPage",
    "Language",
    "Occurrence",
    "Session",
    "StateNetwork",
    "TargetGroup",
    "Topic",
    "TrainingPage",
    "Venue",
]
