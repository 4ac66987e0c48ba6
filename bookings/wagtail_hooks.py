from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from bookings.admin_views import (
    URL_NAMESPACE,
    StaffBookingViewSet,
    may_see_session_pages,
    participants_url,
    session_menu_items,
)
from bookings.choosers import organisation_chooser_viewset
from bookings.dashboard import StaffDashboardPanel
from bookings.log_actions import (
    AddedOnTheDay,
    BookingReclassified,
    InhouseStatusChanged,
    MembersChanged,
    ParticipantsRenamed,
    SessionReopened,
    status_change_formatter,
)
from bookings.models import AttendanceStatus, BookingStatus
from bookings.period_views import URL_NAMESPACE as PERIODS_NAMESPACE
from bookings.period_views import period_urls, periods_menu_item
from bookings.selectors import membership_for_user
from bookings.services.attendance import (
    ATTENDANCE_ACTION,
    ON_THE_DAY_ACTION,
    SESSION_HELD_ACTION,
    SESSION_REOPENED_ACTION,
)
from bookings.services.bookings import RECLASSIFY_ACTION, RENAME_ACTION
from bookings.services.history import STATUS_ACTION
from bookings.services.inhouse import INHOUSE_ACTION
from bookings.services.invoices import INVOICE_ACTION
from bookings.services.members import MEMBER_ACTION
from bookings.statistics_views import URL_NAME, StatisticsReportView, statistics_menu_item
from bookings.viewsets import BookingsGroup


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    actions.register_action(STATUS_ACTION)(
        status_change_formatter(_("Booking status changed"), BookingStatus)
    )


@hooks.register("register_log_actions")
def register_member_and_inhouse_actions(actions):
    actions.register_action(MEMBER_ACTION)(MembersChanged)
    actions.register_action(RENAME_ACTION)(ParticipantsRenamed)
    actions.register_action(INHOUSE_ACTION)(InhouseStatusChanged)
    actions.register_action(RECLASSIFY_ACTION)(BookingReclassified)


@hooks.register("register_admin_viewset")
def register_bookings_viewsets():
    return BookingsGroup()


@hooks.register("register_admin_viewset")
def register_staff_booking_views():
    return StaffBookingViewSet(URL_NAMESPACE)


@hooks.register("register_admin_viewset")
def register_organisation_chooser():
    return organisation_chooser_viewset


@hooks.register("register_catalogue_session_buttons")
def session_booking_links(session, user):
    return session_menu_items(session.pk) if may_see_session_pages(user) else []


@hooks.register("catalogue_session_participants_url")
def session_participants_url(session, user):
    return participants_url(session.pk) if may_see_session_pages(user) else None


@hooks.register("construct_homepage_panels")
def add_staff_dashboard_panel(request, panels):
    if may_see_session_pages(request.user):
        panels.append(StaffDashboardPanel())


@hooks.register("register_log_actions")
def register_attendance_actions(actions):
    def status_label(value):
        return AttendanceStatus(value).label if value in AttendanceStatus.values else "–"

    @actions.register_action(ATTENDANCE_ACTION)
    class AttendanceRecorded(LogFormatter):
        label = _("Attendance recorded")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Attendance changed from “%(from)s” to “%(to)s”") % {
                "from": status_label(data.get("from")),
                "to": status_label(data.get("to")),
            }

    actions.register_action(SESSION_HELD_ACTION, _("Marked as held"), _("Session marked as held"))
    actions.register_action(SESSION_REOPENED_ACTION)(SessionReopened)
    actions.register_action(INVOICE_ACTION, _("Invoice"), _("Invoice, credit note or payment"))
    actions.register_action(ON_THE_DAY_ACTION)(AddedOnTheDay)


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistics/", StatisticsReportView.as_view(), name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return statistics_menu_item()


@hooks.register("register_admin_urls")
def register_period_urls():
    return [path("statistics/periods/", include((period_urls(), PERIODS_NAMESPACE)))]


@hooks.register("register_reports_menu_item")
def register_periods_menu_item():
    return periods_menu_item()


@hooks.register("catalogue_visitor_sector")
def visitor_sector_of_member(request):
    """The sector of the logged-in member's organisation: its prices are the ones shown."""
    if not request.user.is_authenticated:
        return ""
    membership = membership_for_user(request.user)
    return membership.organisation.sector if membership else ""
