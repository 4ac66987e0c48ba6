"""Staff in the tests of staff work see the whole programme, as the federal office does;
tests/access/test_state_networks.py shows what a state network's staff see."""

from django.contrib.auth.models import Group

from catalogue.roles import FEDERAL_GROUP


def national(user):
    user.groups.add(Group.objects.get_or_create(name=FEDERAL_GROUP)[0])
    return user
