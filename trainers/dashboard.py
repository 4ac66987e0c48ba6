"""The trainers' panel on the Wagtail dashboard: sessions that lost their trainer."""

from wagtail.admin.ui.components import Component

from trainers.selectors import sessions_that_lost_their_trainer


class TrainerlessSessionsPanel(Component):
    name = "trainers_lost"
    template_name = "trainers/admin/dashboard_panel.html"
    order = 40  # before the bookings panel: a session without a trainer is urgent

    def get_context_data(self, parent_context):
        return {"trainerless": sessions_that_lost_their_trainer(parent_context["request"].user)}
