from django.urls import path

from trainers import views

app_name = "trainers"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("assignments/<int:assignment_id>/", views.assignment_detail, name="assignment"),
    path(
        "assignments/<int:assignment_id>/accept/",
        views.assignment_accept,
        name="assignment_accept",
    ),
    path(
        "assignments/<int:assignment_id>/decline/",
        views.assignment_decline,
        name="assignment_decline",
    ),
    path(
        "assignments/<int:assignment_id>/take-back/",
        views.assignment_take_back,
        name="assignment_take_back",
    ),
    path(
        "assignments/<int:assignment_id>/dates/<int:occurrence_id>/attendance/",
        views.attendance,
        name="attendance",
    ),
    path("assignments/<int:assignment_id>/held/", views.mark_held, name="mark_held"),
    path(
        "assignments/<int:assignment_id>/materials/",
        views.material_add,
        name="material_add",
    ),
    path(
        "assignments/<int:assignment_id>/materials/<int:material_id>/",
        views.material_download,
        name="material",
    ),
    path(
        "assignments/<int:assignment_id>/materials/<int:material_id>/remove/",
        views.material_remove,
        name="material_remove",
    ),
    path(
        "assignments/<int:assignment_id>/evaluation/room/",
        views.evaluation_room,
        name="evaluation_room",
    ),
    path("evaluations/", views.evaluations, name="evaluations"),
    path("availability/", views.availability, name="availability"),
    path("availability/<int:rule_id>/", views.availability_edit, name="availability_edit"),
    path(
        "availability/<int:rule_id>/delete/",
        views.availability_delete,
        name="availability_delete",
    ),
    path(
        "certifications/<int:certification_id>/document/",
        views.certificate_document,
        name="certificate_document",
    ),
    path("calendar/renew/", views.calendar_renew, name="calendar_renew"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
