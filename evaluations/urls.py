from django.urls import path

from evaluations import views

urlpatterns = [path("<str:token>/", views.evaluation, name="evaluation")]
