from django.urls import path

from bookings import certificate_views, member_views, privacy_views, views

app_name = "bookings"
urlpatterns = [
    path("", views.my_bookings, name="home"),
    path("organisation/new/", views.organisation_create_view, name="organisation_create"),
    path("book/<int:session_id>/", views.book_session, name="book"),
    path("bookings/<str:reference>/", views.booking_detail, name="booking_detail"),
    path("bookings/<str:reference>/calendar/", views.booking_calendar, name="booking_calendar"),
    path("bookings/<str:reference>/pay/", views.booking_pay, name="booking_pay"),
    path("bookings/<str:reference>/cancel/", views.booking_cancel_view, name="booking_cancel"),
    path(
        "bookings/<str:reference>/materials/<int:material_id>/",
        views.booking_material,
        name="booking_material",
    ),
    path(
        "bookings/<str:reference>/participants/",
        member_views.participants_rename,
        name="participants_rename",
    ),
    path("organisation/", member_views.organisation_detail, name="organisation"),
    path("organisation/details/", member_views.organisation_edit, name="organisation_edit"),
    path(
        "organisation/reminders/",
        member_views.organisation_reminders,
        name="organisation_reminders",
    ),
    path(
        "organisation/invitations/<int:invitation_id>/resend/",
        member_views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "organisation/invitations/<int:invitation_id>/revoke/",
        member_views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organisation/members/<int:membership_id>/role/",
        member_views.member_role,
        name="member_role",
    ),
    path(
        "organisation/members/<int:membership_id>/remove/",
        member_views.member_remove,
        name="member_remove",
    ),
    path("invitations/<str:token>/", member_views.invitation_accept, name="invitation_accept"),
    path(
        "certificates/<int:participant_id>/",
        certificate_views.certificate_download,
        name="certificate",
    ),
    path("invoices/", views.invoices, name="invoices"),
    path(
        "invoices/<str:number>/<str:document>/",
        views.invoice_download,
        name="invoice_download",
    ),
    path("privacy/", privacy_views.personal_data, name="personal_data"),
    path("privacy/download/", privacy_views.personal_data_download, name="personal_data_download"),
    path("privacy/delete/", privacy_views.account_delete, name="account_delete"),
    path("requests/", member_views.inhouse_requests, name="inhouse_requests"),
    path("requests/new/", member_views.inhouse_request_create, name="inhouse_request_create"),
    path(
        "requests/<int:request_id>/",
        member_views.inhouse_request_detail,
        name="inhouse_request_detail",
    ),
]
