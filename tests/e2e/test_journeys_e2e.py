"""The booker's journey from issue 16 in a real browser: prices for their sector, a list of 25
colleagues pasted, too few places split between confirmed seats and the waiting list, the
waiting-list place later, the warning on booking again, English throughout after the switch,
and the organisation's details kept by its administrator."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import MembershipFactory, OrganisationFactory, participants
from bookings.models import Booking, BookingStatus, OrganisationType
from bookings.services.bookings import booking_create
from catalogue.factories import make_session, make_training, translate_training
from tests.e2e.helpers import log_in, t, verified_user

pytestmark = pytest.mark.django_db(transaction=True)
COLLEAGUES = [
    f"Kollegin {number:02d}, k{number:02d}@jobcenter.example, Mitarbeitende"
    for number in range(1, 26)
]


@pytest.fixture
def booker(db):
    organisation = OrganisationFactory(name="Jobcenter Dortmund", type=OrganisationType.JOB_CENTRE)
    return MembershipFactory(
        organisation=organisation, user=verified_user("t.weber@jobcenter.example")
    )


@pytest.fixture
def session(site_tree):
    training = make_training(
        site_tree.index,
        title="Interkulturelle Kompetenz im Jobcenter",
        slug="ik-jobcenter",
        price_administration=Decimal("40.00"),
        price_companies=Decimal("250.00"),
    )
    translate_training(
        training, "en", title="Intercultural competence in the job centre", slug="ic"
    )
    session = make_session(
        training, capacity=30, recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)])
    )
    booking_create(
        session=session, organisation=OrganisationFactory(), participants=participants(10), by=None
    )
    return session


def test_a_training_officer_books_25_colleagues_from_a_pasted_list(
    page, booker, session, screenshot
):
    log_in(page, booker.user.email)
    page.goto("/schulungen/")
    card = page.locator("article.training-card", has_text="Interkulturelle Kompetenz im Jobcenter")
    expect(card).to_contain_text("40,00 €")
    expect(card).not_to_contain_text("250,00 €")  # a job centre sees its own sector's price

    page.goto(f"/account/book/{session.pk}/")
    dates = page.locator("main").inner_text()
    assert all(day in dates for day in ("4. März 2030", "11. März 2030", "18. März 2030"))
    page.get_by_text(t("Many participants? Paste or upload a list")).click()
    page.get_by_label(t("Paste a list")).fill("\n".join(COLLEAGUES))
    page.get_by_role("button", name=t("Take the list")).click()

    expect(
        page.locator("fieldset legend", has_text=re.compile(r"^Teilnehmende Person \d+$"))
    ).to_have_count(25)
    expect(page.locator("#id_form-24-name")).to_have_value("Kollegin 25")
    expect(page.locator(".when-full legend")).to_contain_text("20")
    expect(page.locator(".booking-terms")).to_contain_text("1.000,00 €")
    page.locator(".when-full").scroll_into_view_if_needed()
    screenshot("booker-split-waitlist")
    page.get_by_label(
        t("Confirm the places that are free, the others go on the waiting list")
    ).check()
    page.locator("#id_accept_terms").check()
    page.locator("#id_colleagues_consent").check()
    page.get_by_role("button", name=t("Book now")).click()

    mine = list(Booking.objects.filter(organisation=booker.organisation).order_by("created_at"))
    assert [(b.status, b.seats) for b in mine] == [
        (BookingStatus.CONFIRMED, 20),
        (BookingStatus.WAITLISTED, 5),
    ]
    page.goto(f"/account/bookings/{mine[1].reference}/")
    expect(page.locator("main")).to_contain_text(t("place %(place)s") % {"place": 1})

    page.goto(f"/account/book/{session.pk}/")
    expect(page.locator("main")).to_contain_text(mine[0].reference)
    expect(page.locator("main")).to_contain_text("bereits 2-mal gebucht")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(rf"/en/account/book/{session.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Book seats")
    page.goto("/en/account/")
    expect(page.locator("main")).to_contain_text("Intercultural competence in the job centre")
    expect(page.locator("main")).not_to_contain_text("Interkulturelle Kompetenz im Jobcenter")


def test_an_administrator_keeps_the_organisations_details(page, booker, session):
    log_in(page, booker.user.email)
    page.goto("/account/organisation/")
    page.get_by_role("link", name=t("Change details")).click()
    page.get_by_label(t("street and number").capitalize()).fill("Königswall 40")
    page.get_by_label(t("postcode").capitalize()).fill("4413")
    page.get_by_role("button", name=t("Save details")).click()

    expect(page.locator(".field-error, .error-summary").first).to_contain_text("fünf Ziffern")
    page.get_by_label(t("postcode").capitalize()).fill("44137")
    page.get_by_role("button", name=t("Save details")).click()

    expect(page).to_have_url(re.compile(r"/account/organisation/$"))
    expect(page.locator("main")).to_contain_text("Königswall 40, 44137")
