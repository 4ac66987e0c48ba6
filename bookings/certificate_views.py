"""Certificates of attendance: the PDF for the participant's organisation and the session's
trainers (404 for anyone else) and the public page that tells whether a code is genuine."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bookings import certificates


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=40,
        help_text=gettext_lazy("As printed on the certificate, e.g. ABCD-EFGH-JKLM-NPQR."),
    )


@login_required
def certificate_download(request, participant_id):
    participant = certificates.certificate_participant_for_user(request.user, participant_id)
    if participant is None:
        raise Http404
    language = get_language()
    pdf = certificates.certificate_pdf(
        participant=participant,
        language=language,
        verify_url=request.build_absolute_uri(reverse("certificate_verify")),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = _("certificate-of-attendance-%(number)s.pdf") % {"number": participant.pk}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def certificate_verify(request):
    """Says whether a code is genuine, and nothing about whom or what it certifies."""
    form = VerifyForm(request.GET or None)
    genuine = None
    if form.is_valid():
        genuine = certificates.certificate_is_genuine(form.cleaned_data["code"])
    status = 400 if form.errors else 200
    return render(
        request,
        "bookings/certificate_verify.html",
        {"form": form, "genuine": genuine},
        status=status,
    )
