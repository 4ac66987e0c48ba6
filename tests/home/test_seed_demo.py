import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone

from bookings.models import Invoice, InvoiceKind, Membership
from bookings.selectors import with_amounts
from catalogue.models import Session, StateNetwork, Topic, TrainingPage, Venue

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_a_realistic_catalogue_and_is_idempotent(client):
    call_command("seed_demo")
    counts = (TrainingPage.objects.count(), Session.objects.count())
    call_command("seed_demo")

    assert (TrainingPage.objects.count(), Session.objects.count()) == counts
    german = TrainingPage.objects.filter(locale__language_code="de")
    english = TrainingPage.objects.filter(locale__language_code="en")
    assert german.count() >= 25
    assert english.count() == german.count()
    assert set(Venue.objects.values_list("state", flat=True)) == set(StateNetwork.values)
    assert set(Topic.objects.values_list("slug", flat=True)) >= {
        "intercultural-competence",
        "asylum-and-forced-migration",
        "anti-discrimination-agg",
        "diversity-management",
        "german-at-work",
        "language-sensitive-counselling",
    }

    now = timezone.now()
    sessions = Session.objects.all()
    assert sessions.count() >= 150
    assert sessions.filter(starts_at__lt=now, starts_at__gte=now - timedelta(days=366)).count() > 50
    assert sessions.filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=366)).count() > 50
    # Series across a change of the clocks keep their Berlin wall-clock time on every date.
    crossing = [
        session
        for session in sessions.prefetch_related("occurrences")
        if len({timezone.localtime(o.start).utcoffset() for o in session.occurrences.all()}) == 2
    ]
    assert len(crossing) >= 2
    for session in crossing:
        assert len({timezone.localtime(o.start).time() for o in session.occurrences.all()}) == 1

    assert authenticate(email="editor@example.org", password="iq-demo-2026") is not None
    assert Membership.objects.get(user__username="booker").organisation.sector == "administration"
    assert client.get("/").status_code == 200
    assert client.get("/en/trainings/").status_code == 200
    # The accessibility statement (BITV 2.0) with its feedback contact and enforcement procedure,
    # linked from every page's footer.
    statement = client.get("/barrierefreiheit/").content.decode()
    assert 'href="mailto:barrierefreiheit@example.org"' in statement
    assert "Schlichtungsverfahren" in statement
    assert 'href="/barrierefreiheit/"' in client.get("/").content.decode()
    # Held sessions come with attendance, so the demo statistics have figures.
    report = io.StringIO()
    last_year = timezone.localdate() - timedelta(days=365)
    call_command(
        "report_pa3", "--from", str(last_year), "--to", str(timezone.localdate()), stdout=report
    )
    figures = json.loads(report.getvalue())
    assert figures["trainings_held"] > 20
    assert figures["participants"] > 100
    assert figures["participants_by_sector"]["companies"] > 0


def test_seed_demo_scale_adds_trainings_with_ten_sessions_each(client):
    call_command("seed_demo")
    before = Session.objects.count()
    call_command("seed_demo", scale=3)
    assert Session.objects.count() - before == 30
    assert TrainingPage.objects.filter(slug__startswith="skalierung-").count() == 3
    # Made live in bulk, without publishing: the search finds them all the same.
    search = client.get("/schulungen/", {"q": "Skalierungsschulung Praxis"}).content.decode()
    assert "3 Schulungen gefunden" in search


def test_demo_invoices_come_in_every_state_for_a_public_body_and_a_company(tmp_path):
    call_command("seed_demo")
    call_command("seed_demo")  # again: no second set

    invoices = with_amounts(Invoice.objects.filter(kind=InvoiceKind.INVOICE))
    labels = {(invoice.buyer_name, invoice.state_label) for invoice in invoices}
    for buyer in ("Bezirksamt Neukölln von Berlin", "Muster Pflege GmbH"):
        assert {state for name, state in labels if name == buyer} == {
            "offen",
            "teilweise bezahlt",
            "bezahlt",
            "überfällig",
            "gutgeschrieben",
        }
    assert Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).count() == 2
    assert invoices.filter(buyer__leitweg_id="04011000-1234512345-06").count() == 5
    numbers = list(Invoice.objects.order_by("number").values_list("issue_date", flat=True))
    assert numbers == sorted(numbers)  # gapless numbers in the order of the issue dates
    today = timezone.localdate().isoformat()
    call_command(
        "export_invoices",
        "--from=2000-01-01",
        f"--to={today}",
        "--format=xrechnung",
        f"--output={tmp_path}",
        stdout=io.StringIO(),
    )
    assert len(list(tmp_path.glob("*.xml"))) == 12
