import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.factories import MembershipFactory, UserFactory, participants
from bookings.models import Invitation, Membership, Participant, Role
from bookings.services.bookings import (
    ParticipantData,
    booking_cancel,
    booking_create,
    participant_rename,
)
from bookings.services.errors import BookingError
from bookings.services.members import (
    invitation_accept,
    invitation_create,
    member_remove,
    member_role_set,
    organisation_details_update,
)

pytestmark = pytest.mark.django_db


def verified_user(email):
    return UserFactory(email=email)  # the factory's accounts have confirmed their address


def invite(member, email="neu@jobcenter.example", role=Role.BOOKER):
    return invitation_create(
        organisation=member.organisation, email=email, role=role, by=member.user
    )


def test_admin_invites_a_colleague_who_accepts_and_gets_the_role(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/account/organisation/", {"email": "B.Kaya@Jobcenter.example", "role": "booker"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.role) == (member.organisation, "booker")
    [email] = mail.outbox
    assert email.to == ["B.Kaya@Jobcenter.example"]
    assert f"/account/invitations/{invitation.token}/" in email.body
    assert member.organisation.name in email.subject

    colleague = verified_user("b.kaya@jobcenter.example")
    client.force_login(colleague)
    url = f"/account/invitations/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert member.organisation.name in page.content.decode()
    response = client.post(url)

    assert response.status_code == 302 and response["Location"] == "/account/"
    membership = Membership.objects.get(user=colleague)
    assert (membership.organisation, membership.role) == (member.organisation, Role.BOOKER)
    invitation.refresh_from_db()
    assert invitation.accepted_by == colleague and invitation.accepted_at is not None
    changes = [
        entry.data["change"]
        for entry in ModelLogEntry.objects.filter(object_id=str(member.organisation.pk))
    ]
    assert sorted(changes) == ["invited", "joined"]


def test_invitation_for_another_email_is_refused_with_a_clear_message(client, member):
    invitation = invite(member)
    stranger = verified_user("someone.else@example.org")
    client.force_login(stranger)

    page = client.get(f"/account/invitations/{invitation.token}/")
    response = client.post(f"/account/invitations/{invitation.token}/")

    assert page.status_code == response.status_code == 403
    html = response.content.decode()
    assert "an eine andere E-Mail-Adresse gesendet" in html
    assert member.organisation.name not in html
    assert not Membership.objects.filter(user=stranger).exists()


def test_an_unverified_matching_address_is_not_enough(member):
    invitation = invite(member)
    user = UserFactory(email="neu@jobcenter.example", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    with pytest.raises(BookingError):
        invitation_accept(token=invitation.token, user=user)
    assert not Membership.objects.filter(user=user).exists()


def test_an_invitation_link_works_once(member):
    invitation = invite(member)
    colleague = verified_user("neu@jobcenter.example")
    invitation_accept(token=invitation.token, user=colleague)

    with pytest.raises(BookingError, match="bereits verwendet"):
        invitation_accept(token=invitation.token, user=colleague)
    assert Membership.objects.filter(user=colleague).count() == 1


def test_an_invitation_expires_after_14_days(member):
    invitation = invite(member)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=14, minutes=1)
    )
    colleague = verified_user("neu@jobcenter.example")

    with pytest.raises(BookingError, match="abgelaufen"):
        invitation_accept(token=invitation.token, user=colleague)
    assert not Membership.objects.filter(user=colleague).exists()


def test_a_member_of_another_organisation_cannot_join(member):
    invitation = invite(member, email="doppelt@example.org")
    other = MembershipFactory(user=verified_user("doppelt@example.org"))

    with pytest.raises(BookingError, match="bereits zu einer Organisation"):
        invitation_accept(token=invitation.token, user=other.user)
    assert Membership.objects.get(user=other.user).organisation == other.organisation


def test_only_admins_invite(client, member):
    booker = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    client.force_login(booker.user)

    page = client.get("/account/organisation/")
    response = client.post("/account/organisation/", {"email": "x@example.org", "role": "admin"})

    assert 'name="email"' not in page.content.decode()
    assert response.status_code == 400
    assert "Nur Administratorinnen und Administratoren" in response.content.decode()
    with pytest.raises(BookingError):
        invite(booker)
    assert not Invitation.objects.exists()


def test_inviting_a_member_or_a_bad_address_is_refused(client, member):
    client.force_login(member.user)

    again = client.post(
        "/account/organisation/", {"email": member.user.email.upper(), "role": "booker"}
    )
    bad = client.post("/account/organisation/", {"email": "not-an-address", "role": "booker"})

    assert again.status_code == bad.status_code == 400
    assert "bereits Mitglied" in again.content.decode()
    assert bad.context["form"].errors["email"]
    assert not Invitation.objects.exists()


def test_sending_again_replaces_the_link_and_withdrawing_deletes_it(
    client, member, django_capture_on_commit_callbacks
):
    invitation = invite(member)
    old_token = invitation.token
    client.force_login(member.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/account/organisation/invitations/{invitation.pk}/resend/")

    invitation.refresh_from_db()
    assert response.status_code == 302
    assert invitation.token != old_token
    [email] = mail.outbox
    assert f"/account/invitations/{invitation.token}/" in email.body
    assert Invitation.objects.count() == 1
    assert client.get(f"/account/invitations/{old_token}/").status_code == 404

    client.post(f"/account/organisation/invitations/{invitation.pk}/revoke/")
    assert not Invitation.objects.exists()
    assert client.get(f"/account/invitations/{invitation.token}/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_or_sign_up_and_back(client, member):
    invitation = invite(member)
    url = f"/account/invitations/{invitation.token}/"

    html = client.get(url).content.decode()

    assert f'href="/accounts/login/?next={url.replace("/", "%2F")}"' in html
    assert f'href="/accounts/signup/?next={url.replace("/", "%2F")}"' in html
    assert member.organisation.name in html


def test_admins_change_roles_and_remove_members(client, member):
    colleague = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    client.force_login(member.user)

    client.post(f"/account/organisation/members/{colleague.pk}/role/", {"role": "admin"})
    assert Membership.objects.get(pk=colleague.pk).role == Role.ADMIN
    client.post(f"/account/organisation/members/{colleague.pk}/remove/")

    assert not Membership.objects.filter(pk=colleague.pk).exists()


def test_bookers_cannot_change_roles(client, member):
    booker = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    client.force_login(booker.user)

    response = client.post(f"/account/organisation/members/{member.pk}/role/", {"role": "booker"})
    client.post(f"/account/organisation/members/{member.pk}/remove/")

    assert response.status_code == 302
    assert Membership.objects.get(pk=member.pk).role == Role.ADMIN
    with pytest.raises(BookingError):
        member_role_set(membership=booker, role=Role.ADMIN, by=booker.user)


def test_the_last_admin_can_be_neither_demoted_nor_removed(client, member):
    client.force_login(member.user)

    client.post(f"/account/organisation/members/{member.pk}/role/", {"role": "booker"})
    response = client.post(f"/account/organisation/members/{member.pk}/remove/", follow=True)

    assert "mindestens eine Administratorin" in response.content.decode()
    assert Membership.objects.get(pk=member.pk).role == Role.ADMIN
    with pytest.raises(BookingError):
        member_remove(membership=member, by=member.user)

    second = MembershipFactory(organisation=member.organisation, role=Role.ADMIN)
    member_role_set(membership=member, role=Role.BOOKER, by=member.user)
    with pytest.raises(BookingError):
        member_role_set(membership=second, role=Role.BOOKER, by=second.user)
    assert Membership.objects.get(pk=second.pk).role == Role.ADMIN


# --- renaming participants ----------------------------------------------------------------


def rename_post(booking, names):
    active = list(booking.participants.filter(cancelled_at__isnull=True))
    data = {"rename-TOTAL_FORMS": str(len(active)), "rename-INITIAL_FORMS": str(len(active))}
    for number, (participant, name) in enumerate(zip(active, names, strict=True)):
        data[f"rename-{number}-participant"] = participant.pk
        data[f"rename-{number}-name"] = name
        data[f"rename-{number}-email"] = ""
        data[f"rename-{number}-function"] = "manager"
    return data


def test_participants_can_be_renamed_until_the_deadline(client, member, session):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(2), by=None
    )
    client.force_login(member.user)
    page = client.get(f"/account/bookings/{booking.reference}/")
    assert 'name="rename-0-name"' in page.content.decode()

    response = client.post(
        f"/account/bookings/{booking.reference}/participants/",
        rename_post(booking, ["Anna Weber", "Ben Kaya"]),
    )

    assert response.status_code == 302
    assert list(booking.participants.values_list("name", "function")) == [
        ("Anna Weber", "manager"),
        ("Ben Kaya", "manager"),
    ]
    entry = ModelLogEntry.objects.get(action="iq.booking.participants_renamed")
    assert entry.user == member.user
    assert "Anna" not in str(entry.data)  # the log names participants by id only


def test_renaming_is_refused_after_the_deadline(client, member, session):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    type(session).objects.filter(pk=session.pk).update(
        booking_deadline=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(member.user)

    page = client.get(f"/account/bookings/{booking.reference}/")
    response = client.post(
        f"/account/bookings/{booking.reference}/participants/", rename_post(booking, ["Zu spät"])
    )

    assert 'name="rename-0-name"' not in page.content.decode()
    assert response.status_code == 400
    assert "Buchungsfrist ist abgelaufen" in response.content.decode()
    assert booking.participants.get().name == "Teilnehmende 1"


def test_cancelled_participants_and_bookings_cannot_be_renamed(member, session):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(2), by=None
    )
    first, second = booking.participants.all()
    booking_cancel(booking=booking, by=member.user, participant_ids=[first.pk])

    with pytest.raises(BookingError):
        participant_rename(
            booking=booking,
            participants={first.pk: ParticipantData(name="Neu", function="employee")},
            by=member.user,
        )
    booking_cancel(booking=booking, by=member.user)
    with pytest.raises(BookingError):
        participant_rename(
            booking=booking,
            participants={second.pk: ParticipantData(name="Neu", function="employee")},
            by=member.user,
        )
    assert set(Participant.objects.values_list("name", flat=True)) == {
        "Teilnehmende 1",
        "Teilnehmende 2",
    }


def test_an_empty_name_is_a_field_error(client, member, session):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    client.force_login(member.user)

    response = client.post(
        f"/account/bookings/{booking.reference}/participants/", rename_post(booking, [""])
    )

    assert response.status_code == 400
    assert response.context["rename_formset"].forms[0].errors["name"]
    assert booking.participants.get().name == "Teilnehmende 1"


# --- nobody reaches another organisation's objects ------------------------------------------


def test_member_urls_with_ids_are_404_for_another_organisation(client, member, session):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    colleague = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    invitation = invite(member)
    outsider = MembershipFactory()  # an admin of another organisation
    client.force_login(outsider.user)

    urls = [
        f"/account/bookings/{booking.reference}/participants/",
        f"/account/organisation/invitations/{invitation.pk}/resend/",
        f"/account/organisation/invitations/{invitation.pk}/revoke/",
        f"/account/organisation/members/{colleague.pk}/role/",
        f"/account/organisation/members/{colleague.pk}/remove/",
    ]
    for url in urls:
        assert client.post(url, {"role": "admin"}).status_code == 404, url

    assert Invitation.objects.get().token == invitation.token
    assert Membership.objects.get(pk=colleague.pk).role == Role.BOOKER
    assert booking.participants.get().name == "Teilnehmende 1"


def test_an_invited_person_signs_up_through_the_link_and_joins(client, member):
    invitation = invite(member, email="c.nowak@jobcenter.example")
    url = f"/account/invitations/{invitation.token}/"

    client.post(
        f"/accounts/signup/?next={url}",
        {
            "first_name": "Clara",
            "last_name": "Nowak",
            "email": "c.nowak@jobcenter.example",
            "password1": "Sichere-Passphrase-42",
            "password2": "Sichere-Passphrase-42",
        },
    )
    confirm_url = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    response = client.post("/" + confirm_url.group(0).split("/", 3)[3])
    assert response["Location"] == url
    client.post(url)

    membership = Membership.objects.get(user__email="c.nowak@jobcenter.example")
    assert (membership.organisation, membership.role) == (member.organisation, Role.BOOKER)


def test_an_admin_changes_the_organisations_details_but_not_its_type_or_state(client, member):
    organisation = member.organisation
    type_before, state_before = organisation.type, organisation.state
    client.force_login(member.user)

    page = client.get("/account/organisation/")
    assert 'href="/account/organisation/details/"' in page.content.decode()
    response = client.post(
        "/account/organisation/details/",
        {
            "name": "Jobcenter Berlin Mitte (neu)",
            "street": "Neue Straße 5",
            "postcode": "10117",
            "city": "Berlin",
            "leitweg_id": "",
            "vat_id": "",
            "type": "sme",
            "state": "BY",
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.street, organisation.postcode) == (
        "Jobcenter Berlin Mitte (neu)",
        "Neue Straße 5",
        "10117",
    )
    assert (organisation.type, organisation.state) == (type_before, state_before)
    page = client.get("/account/organisation/").content.decode()
    assert "Jobcenter Berlin Mitte (neu)" in page and "Neue Straße 5, 10117 Berlin" in page
    entry = ModelLogEntry.objects.get(object_id=str(organisation.pk), action="wagtail.edit")
    assert entry.user == member.user and entry.data["changed"]["street"] == "Neue Straße 5"


def test_bad_details_get_a_message_and_change_nothing(client, member):
    name_before = member.organisation.name
    client.force_login(member.user)

    response = client.post(
        "/account/organisation/details/",
        {"name": "Neu", "street": "X 1", "postcode": "1234", "city": "Berlin", "vat_id": "123"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "fünf Ziffern" in html and "DE123456789" in html
    member.organisation.refresh_from_db()
    assert member.organisation.name == name_before


def test_only_admins_change_the_details(client, member):
    booker = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    client.force_login(booker.user)

    page = client.get("/account/organisation/").content.decode()
    response = client.post(
        "/account/organisation/details/",
        {"name": "Übernommen", "street": "X 1", "postcode": "12345", "city": "Berlin"},
    )

    assert "/account/organisation/details/" not in page
    assert client.get("/account/organisation/details/").status_code == 403
    assert response.status_code == 403
    with pytest.raises(BookingError, match="Nur Administratorinnen und Administratoren"):
        organisation_details_update(organisation=member.organisation, by=booker.user, name="X")
    member.organisation.refresh_from_db()
    assert member.organisation.name != "Übernommen"
