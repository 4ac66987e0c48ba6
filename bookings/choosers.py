"""The organisation chooser of the staff's booking form; only for staff who may add bookings."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from bookings.models import Booking, Organisation
from bookings.selectors import organisations_for_staff


class OrganisationSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name or city")}),
        required=False,
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(Q(name__icontains=query) | Q(city__icontains=query))
            self.is_searching = True
            self.search_query = query
        return objects


class StaffOnly(PermissionCheckedMixin):
    """Staff who may book; they choose among the organisations of their state networks."""

    # permission_policy comes from the viewset (views get it as an init argument).
    permission_required = "add"
    filter_form_class = OrganisationSearchForm

    def get_object_list(self):
        return organisations_for_staff(self.request.user)

    def get_object(self, pk):
        return organisations_for_staff(self.request.user).get(pk=pk)

    def get_objects(self, pks):
        return organisations_for_staff(self.request.user).filter(pk__in=pks)


class ChooseView(StaffOnly, chooser_views.ChooseView):
    pass


class ChooseResultsView(StaffOnly, chooser_views.ChooseResultsView):
    pass


class ChosenView(StaffOnly, chooser_views.ChosenView):
    pass


class ChosenMultipleView(StaffOnly, chooser_views.ChosenMultipleView):
    pass


class CreateView(StaffOnly, chooser_views.CreateView):
    pass


class OrganisationChooserViewSet(ChooserViewSet):
    model = Organisation
    icon = "group"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    # Wagtail's defaults are translated when its module is imported; these follow the request.
    edit_item_text = _("Edit")
    search_tab_label = _("Search")
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    # Every view of the chooser checks the permission, not only those the widget uses.
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView
    permission_policy = ModelPermissionPolicy(Booking)
    # Only the staff booking form uses it; other organisation fields keep their own widget.
    register_widget = False


organisation_chooser_viewset = OrganisationChooserViewSet("bookings_organisation_chooser")
