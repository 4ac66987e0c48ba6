"""Make a user staff of state networks or of the federal office, or take them off again:

    manage.py grant_staff USERNAME --state BE [--state NW ...]
    manage.py grant_staff USERNAME --federal
    manage.py grant_staff USERNAME [--state BE ...] [--federal] --revoke   (neither: all roles)

Safe to run again; the groups are made where missing. An unknown user or state network is
refused with exit status 2."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from catalogue.commands import StrictCommand
from catalogue.models import StateNetwork
from catalogue.roles import FEDERAL_GROUP
from catalogue.services import staff_grant, staff_revoke


class Command(StrictCommand):
    help = "Make a user staff of state networks or of the federal office (or revoke it)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--state",
            action="append",
            default=[],
            help="A state network, ISO 3166-2:DE code such as BE; may be given more than once.",
        )
        parser.add_argument("--federal", action="store_true", help="The federal office.")
        parser.add_argument("--revoke", action="store_true", help="Take the roles away.")

    def handle(self, *args, username, state, federal, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise self.usage(_("There is no user %(username)s.") % {"username": username})
        states = sorted({code.upper() for code in state})
        unknown = [code for code in states if code not in StateNetwork.values]
        if unknown:
            raise self.usage(_("Unknown state network: %(state)s.") % {"state": ", ".join(unknown)})
        if revoke:
            staff_revoke(user=user, states=states, federal=federal)
        elif states or federal:
            staff_grant(user=user, states=states, federal=federal)
        else:
            raise self.usage(_("Give --state CODE (one or more) or --federal."))
        self.stdout.write(self.summary(user))

    @staticmethod
    def summary(user) -> str:
        states = list(user.state_networks.values_list("state", flat=True))
        federal = user.groups.filter(name=FEDERAL_GROUP).exists()
        roles = ([_("federal office")] if federal else []) + states
        return _("%(username)s: %(roles)s") % {
            "username": user.get_username(),
            "roles": ", ".join(roles) or _("no staff role"),
        }
