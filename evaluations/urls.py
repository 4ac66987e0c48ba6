from django.urls import path

from evaluations import views

urlpatterns = [
    path("room/<str:code>/", views.room, name="evaluation_room"),
    path("<str:token>/", views.evaluation, name="evaluation"),
]
