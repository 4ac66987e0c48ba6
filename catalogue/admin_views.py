"""Admin pages of a session beyond its form: the online access of each date; the form's
"Preview dates"."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from catalogue.changes import SessionChange, change_recipients
from catalogue.forms import NOTICE_CHOICES
from catalogue.models import Session
from catalogue.panels import PREVIEW_DATES
from catalogue.selectors.staff import sessions_for_staff
from catalogue.services import CatalogueError, session_access_save

CHANGE_NOTICE_ACTION = "catalogue.change_notice"


class DatesPreviewMixin:
    """For a session's create and edit views: "Preview dates" (catalogue.panels.
    DatesPreviewPanel) shows the form again with the dates its schedule gives; nothing is saved
    and no step of saving (such as the change notice) is taken."""

    def is_valid(self, form):
        if PREVIEW_DATES in self.request.POST:
            form.previewed_dates = form.dates_preview()
            return False
        return super().is_valid(form)

    def form_invalid(self, form):
        if hasattr(form, "previewed_dates"):
            self.form = form
            return self.render_to_response(self.get_context_data(form=form))
        return super().form_invalid(form)


class DateAccessForm(forms.Form):
    meeting_url = forms.URLField(
        label=gettext_lazy("Meeting link"), required=False, max_length=500, assume_scheme="https"
    )
    access_notes = forms.CharField(
        label=gettext_lazy("Access notes"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


DateAccessFormSet = forms.formset_factory(DateAccessForm, extra=0)


class NoticeForm(forms.Form):
    notice = forms.ChoiceField(
        label=gettext_lazy("Change notice"),
        choices=NOTICE_CHOICES,
        initial="send",
        widget=forms.RadioSelect,
    )


class SessionAccessView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Each upcoming date's own meeting link and access notes; empty: the session's apply.
    Saving tells the confirmed participants and the trainers, unless staff leave it out."""

    permission_policy = ModelPermissionPolicy(Session)
    permission_required = "change"
    page_title = gettext_lazy("Online access per date")
    header_icon = "link"
    template_name = "catalogue/admin/session_access.html"

    @cached_property
    def session(self) -> Session:
        session = sessions_for_staff(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if session is None or not session.online:
            raise Http404
        return session

    @cached_property
    def dates(self):
        return [o for o in self.session.occurrences.all() if not o.is_cancelled]

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("catalogue_session:index"), "label": _("Sessions")},
            {
                "url": reverse("catalogue_session:edit", args=[self.session.pk]),
                "label": str(self.session),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form(self, form_class=None):
        data = self.request.POST if self.request.method == "POST" else None
        return DateAccessFormSet(
            data,
            initial=[
                {"meeting_url": o.meeting_url, "access_notes": o.access_notes} for o in self.dates
            ],
        )

    @cached_property
    def notice_form(self):
        return NoticeForm(self.request.POST if self.request.method == "POST" else None)

    def post(self, request, *args, **kwargs):
        formset = self.get_form()
        if not (formset.is_valid() and self.notice_form.is_valid()):
            return self.form_invalid(formset)
        if len(formset.forms) != len(self.dates):
            formset._non_form_errors = formset.error_class(
                [_("The dates changed meanwhile; check them and save again.")]
            )
            return self.form_invalid(formset)
        send = self.notice_form.cleaned_data["notice"] == "send"
        values = {
            o.pk: (form.cleaned_data["meeting_url"], form.cleaned_data["access_notes"].strip())
            for o, form in zip(self.dates, formset.forms, strict=True)
        }
        before = self.session.sequence
        try:
            session = session_access_save(
                session=self.session, dates=values, by=request.user, notice=send
            )
        except CatalogueError as error:
            messages.error(request, str(error))
            return self.form_invalid(formset)
        if session.sequence == before:
            messages.info(request, _("Nothing changed."))
        else:
            people = len(self.recipients)
            log(
                instance=session,
                action=CHANGE_NOTICE_ACTION,
                data={"sent": send, "people": people, "what": ["access"]},
            )
            messages.success(
                request,
                ngettext(
                    "The online access is saved; %(count)s person is told.",
                    "The online access is saved; %(count)s people are told.",
                    people,
                )
                % {"count": people}
                if send
                else _("The online access is saved; nobody is told."),
            )
        return redirect("catalogue_session:edit", self.session.pk)

    @cached_property
    def recipients(self):
        change = SessionChange(
            session_id=self.session.pk, sequence=self.session.sequence, what=frozenset({"access"})
        )
        return change_recipients(self.session, change)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        formset = context["form"]
        context.update(
            session=self.session,
            rows=list(zip(self.dates, formset.forms, strict=False)),
            formset=formset,
            notice_form=self.notice_form,
            recipients=self.recipients,
        )
        return context
