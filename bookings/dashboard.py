"""The programme staff's panel on the Wagtail dashboard."""

from wagtail.admin.ui.components import Component

from bookings.selectors import staff_dashboard


class StaffDashboardPanel(Component):
    name = "bookings_staff"
    template_name = "bookings/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"dashboard": staff_dashboard(parent_context["request"].user)}
