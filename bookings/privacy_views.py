"""A member's personal data: download it all (JSON) and delete the account."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from bookings import retention, selectors
from bookings.services.errors import BookingError


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


@login_required
def personal_data(request):
    return _page(request, AccountDeleteForm(user=request.user))


@login_required
def personal_data_download(request):
    data = retention.personal_data_for_user(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
    return response


@login_required
@require_http_methods(["POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            retention.account_delete(user=request.user)
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("/")
    return _page(request, form, status=400)


def _page(request, form, status=200):
    return render(
        request,
        "bookings/personal_data.html",
        {"form": form, "membership": selectors.membership_for_user(request.user)},
        status=status,
    )
