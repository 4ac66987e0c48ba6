from django.urls import path

from bookings import views

app_name = "bookings"
urlpatterns = [
    path("", views.my_bookings, name="home"),
    path("organisation/new/", views.organisation_create_view, name="organisation_create"),
    path("book/<int:session_id>/", views.book_session, name="book"),
    path("bookings/<str:reference>/", views.booking_detail, name="booking_detail"),
    path("bookings/<str:reference>/calendar/", views.booking_calendar, name="booking_calendar"),
]
