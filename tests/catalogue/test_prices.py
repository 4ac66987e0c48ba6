"""Prices where visitors choose: the listing, the training and the session pages show the price
per participant for the visitor's sector when known (otherwise both) with the VAT note; the
facts every language shares (price, length, refund terms) come from the German page only."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory
from bookings.models import OrganisationType
from bookings.services.pricing import price_per_seat
from catalogue.factories import make_session, make_training, translate_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def priced(site_tree):
    training = make_training(
        site_tree.index,
        title="Diversity-Management",
        price_administration=Decimal("120.00"),
        price_companies=Decimal("240.00"),
    )
    english = translate_training(training, "en", title="Diversity management", slug="diversity")
    return training, english, make_session(training)


def test_visitors_see_both_prices_and_members_their_own(client, priced):
    training, english, session = priced
    pages = ["/schulungen/", training.url, f"{training.url}sessions/{session.pk}/"]
    for url in pages:
        page = client.get(url).content.decode()
        assert "öffentliche Verwaltung: 120,00 €" in page and "Unternehmen: 240,00 €" in page, url
        assert "umsatzsteuerfrei nach § 4 Nr. 21 UStG" in page, url
    job_centre = MembershipFactory(
        organisation=OrganisationFactory(type=OrganisationType.JOB_CENTRE)
    )
    client.force_login(job_centre.user)
    for url in pages:  # the listing is cached, but never across sectors
        page = client.get(url).content.decode()
        assert "120,00 €" in page and "240,00 €" not in page, url
    client.force_login(MembershipFactory(organisation=OrganisationFactory(type="sme")).user)
    page = client.get("/schulungen/").content.decode()
    assert "240,00 €" in page and "120,00 €" not in page


def test_the_english_page_shows_and_charges_the_german_facts(client, priced):
    training, english, session = priced
    english.price_companies = Decimal("9.00")  # an old copy's value, which must not count
    english.units = 99
    english.save_revision().publish()
    page = client.get(english.url).content.decode()
    assert "240.00 €" in page or "240,00 €" in page
    assert "9.00 €" not in page and "99 UE" not in page
    listing = client.get("/en/trainings/").content.decode()
    assert "240.00 €" in listing and "9.00 €" not in listing and "99 UE" not in listing
    company = MembershipFactory(organisation=OrganisationFactory(type="sme")).organisation
    assert price_per_seat(session=session, organisation=company) == Decimal("240.00")


def test_editors_change_the_facts_on_the_german_page_only(client, priced):
    training, english, session = priced
    editor = UserFactory(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.is_superuser = True  # page permissions are not what this test is about
    editor.save()
    client.force_login(editor)
    english_form = client.get(f"/admin/pages/{english.pk}/edit/").context["form"]
    german_form = client.get(f"/admin/pages/{training.pk}/edit/").context["form"]
    for name in ("price_administration", "price_companies", "units", "refund_before_deadline"):
        assert english_form.fields[name].disabled
        assert not german_form.fields[name].disabled
