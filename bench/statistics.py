"""Programme statistics at the programme's real scale.

Generates (once per database, in bulk) what the IQ network reported for 1 Jan 2015 – 30 Sep 2018:
4,635 held sessions over 45 months in all 16 state networks with 61,297 attending participants
(898 sessions on asylum and forced migration with 24,820 of them), two or three dates each, plus
what must not count: no-shows, cancelled and waitlisted bookings, cancelled sessions; and the
participants' feedback as the demo gives it (`seed_evaluations`, about 35,000 answered
questionnaires), which the report sums. Then it
checks that the report gives exactly those figures and prints the median time and the queries
of the full report (target under 300 ms with at most 10 queries) and of the XLSX export
(target under 2 s).
"""

import sys
from datetime import date, time, timedelta

from common import call_command, ensure_database, median_ms, query_count  # noqa: I001
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bookings.models import (  # noqa: E402
    Attendance,
    Booking,
    BookingStatus,
    Organisation,
    OrganisationType,
    Participant,
)
from bookings.statistics import programme_figures  # noqa: E402
from bookings.statistics_export import figures_xlsx  # noqa: E402
from catalogue.models import Language, Occurrence, Session, StateNetwork, TrainingPage  # noqa: E402
from catalogue.models.sessions import SessionStatus  # noqa: E402
from catalogue.schedule import local_instant  # noqa: E402
from evaluations.models import Answer  # noqa: E402

FIRST, LAST = date(2015, 1, 1), date(2018, 9, 30)
SESSIONS, PARTICIPANTS = 4635, 61297
ASYLUM_SESSIONS, ASYLUM_PARTICIPANTS = 898, 24820
ASYLUM = "asylum-and-forced-migration"
CANCELLED_SESSIONS = 150
REPORT_TARGET_MS, REPORT_MAX_QUERIES, XLSX_TARGET_MS = 300, 10, 2000
MARKER = "Statistik-Bench"
BATCH = 5000


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    if not Organisation.objects.filter(name__startswith=MARKER).exists():
        print("Generating the programme 2015–2018 (once per database) ...")
        generate()
        # The programme's feedback, as seed_demo gives every held session on later runs.
        call_command("seed_evaluations", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    held = Session.objects.filter(status=SessionStatus.HELD, first_date__range=(FIRST, LAST))
    print(
        f"Data: {held.count()} held sessions, "
        f"{Occurrence.objects.filter(session__in=held).count()} dates, "
        f"{Participant.objects.filter(booking__session__in=held).count()} participants booked, "
        f"{Attendance.objects.filter(occurrence__session__in=held).count()} attendance records, "
        f"{Answer.objects.filter(session__in=held).count()} answered questionnaires"
    )

    figures = programme_figures(date_from=FIRST, date_to=LAST)
    asylum = next(row for row in figures.by_topic if row.topic == ASYLUM)
    correct = (
        figures.trainings_held == SESSIONS
        and figures.participants == PARTICIPANTS
        and (asylum.trainings_held, asylum.participants) == (ASYLUM_SESSIONS, ASYLUM_PARTICIPANTS)
        and len([row for row in figures.by_state if row.trainings_held]) == 16
        and len(figures.by_month) == 45
    )
    print(
        f"report: {figures.trainings_held} trainings held, {figures.participants} participants; "
        f"asylum and forced migration: {asylum.trainings_held} / {asylum.participants} "
        f"(expected {SESSIONS}, {PARTICIPANTS}; {ASYLUM_SESSIONS} / {ASYLUM_PARTICIPANTS}): "
        f"{'OK' if correct else 'WRONG'}"
    )

    def report(**filters):
        return programme_figures(date_from=FIRST, date_to=LAST, **filters)

    def export():
        return figures_xlsx(report())

    variants = {
        "full report": {},
        "one state network": {"state": "BE"},
        "one topic": {"topic": ASYLUM},
        "one sector": {"sector": "companies"},
    }
    print(f"{'what':<22} {'median ms':>10} {'queries':>8}")
    timings = {}
    for name, filters in variants.items():
        timings[name] = median_ms(lambda filters=filters: report(**filters), 15)
        queries = query_count(lambda filters=filters: report(**filters))
        timings[name, "queries"] = queries
        print(f"{name:<22} {timings[name]:>10.1f} {queries:>8}")
    xlsx_ms = median_ms(export, 5)
    print(f"{'XLSX export':<22} {xlsx_ms:>10.1f} {query_count(export):>8}")

    client = Client()
    client.force_login(_statistics_user())
    url = f"/admin/statistics/?date_from={FIRST}&date_to={LAST}"
    assert client.get(url).status_code == 200
    page_ms = median_ms(lambda: client.get(url), 10)
    print(f"{'admin report page':<22} {page_ms:>10.1f} {query_count(lambda: client.get(url)):>8}")

    report_ok = (
        timings["full report"] < REPORT_TARGET_MS
        and timings["full report", "queries"] <= REPORT_MAX_QUERIES
    )
    xlsx_ok = xlsx_ms < XLSX_TARGET_MS
    print(
        f"full report {timings['full report']:.0f} ms, {timings['full report', 'queries']} queries "
        f"(target < {REPORT_TARGET_MS} ms, <= {REPORT_MAX_QUERIES}): "
        f"{'OK' if report_ok else 'MISSED'}"
    )
    print(
        f"XLSX export {xlsx_ms:.0f} ms (target < {XLSX_TARGET_MS} ms): {'OK' if xlsx_ok else 'MISSED'}"
    )
    return 0 if correct and report_ok and xlsx_ok else 1


def _statistics_user():
    from django.contrib.auth.models import Permission, User

    user, _created = User.objects.get_or_create(username="statistics-bench")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_statistics"])
    )
    return user


def _split(total: int, parts: int) -> list[int]:
    """`total` spread over `parts` as evenly as whole numbers allow."""
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


@transaction.atomic
def generate() -> None:
    trainings = list(
        TrainingPage.objects.filter(locale__language_code="de").select_related("topic")
    )
    asylum_trainings = [page for page in trainings if page.topic.slug == ASYLUM]
    other_trainings = [page for page in trainings if page.topic.slug != ASYLUM]
    language = Language.objects.get(code="de")
    types = OrganisationType.values
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{MARKER} {number}",
            type=types[number % len(types)],
            state=StateNetwork.values[number % 16],
            street="Hauptstraße 1",
            postcode="10115",
            city="Berlin",
        )
        for number in range(800)
    )

    # Session i is on asylum and forced migration when (i * 898) mod 4635 < 898: exactly 898
    # sessions, spread over the whole period (898 and 4635 have no common factor).
    asylum = [(index * ASYLUM_SESSIONS) % SESSIONS < ASYLUM_SESSIONS for index in range(SESSIONS)]
    asylum_counts = iter(_split(ASYLUM_PARTICIPANTS, ASYLUM_SESSIONS))
    other_counts = iter(_split(PARTICIPANTS - ASYLUM_PARTICIPANTS, SESSIONS - ASYLUM_SESSIONS))
    plans = []  # (session, dates, attending participants)
    for index in range(SESSIONS + CANCELLED_SESSIONS):
        held = index < SESSIONS
        month = index * 45 // SESSIONS if held else index % 45
        first = date(2015 + month // 12, month % 12 + 1, 1 + (index * 7) % 28)
        days = [first + timedelta(days=offset) for offset in range(2 + index % 2)]
        if held and asylum[index]:
            training, attending = (
                asylum_trainings[index % len(asylum_trainings)],
                next(asylum_counts),
            )
        else:
            training = other_trainings[index % len(other_trainings)]
            attending = next(other_counts) if held else 8
        session = Session(
            training=training,
            training_key=training.translation_key,
            state=StateNetwork.values[index % 16],
            online=True,
            capacity=40,
            language=language,
            status=SessionStatus.HELD if held else SessionStatus.CANCELLED,
            first_date=first,
            start_time=time(9),
            end_time=time(16),
            starts_at=local_instant(days[0], time(9)),
            ends_at=local_instant(days[-1], time(16)),
        )
        plans.append((session, days, attending))
    Session.objects.bulk_create([session for session, _days, _attending in plans], BATCH)
    occurrences = Occurrence.objects.bulk_create(
        [
            Occurrence(
                session=session, start=local_instant(day, time(9)), end=local_instant(day, time(16))
            )
            for session, days, _attending in plans
            for day in days
        ],
        BATCH,
    )
    dates = {}
    for occurrence in occurrences:
        dates.setdefault(occurrence.session_id, []).append(occurrence)

    bookings, seats = [], []  # seats: (booking, function, statuses per date)
    reference = Booking.objects.count()
    for index, (session, days, attending) in enumerate(plans):
        people = []
        for number in range(attending):
            # Mostly present every day; every sixth only on the first day.
            statuses = ["present"] * len(days)
            if number % 6 == 5:
                statuses[1:] = ["absent"] * (len(days) - 1)
            people.append((BookingStatus.CONFIRMED, statuses))
        if index % 3 == 0:  # a no-show
            people.append((BookingStatus.CONFIRMED, ["absent"] * len(days)))
        if index % 4 == 0:  # excused throughout
            people.append((BookingStatus.CONFIRMED, ["excused"] * len(days)))
        if index % 7 == 0:  # a cancelled booking (attendance recorded by mistake)
            people.append((BookingStatus.CANCELLED, ["present"] * len(days)))
        if index % 11 == 0:  # still on the waiting list
            people.append((BookingStatus.WAITLISTED, [None] * len(days)))
        by_status = {}
        for status, statuses in people:
            by_status.setdefault(status, []).append(statuses)
        for status, group in by_status.items():
            for start in range(0, len(group), 4):  # bookings of up to four seats
                chunk = group[start : start + 4]
                reference += 1
                organisation = organisations[reference % len(organisations)]
                booking = Booking(
                    reference=f"S{reference:011d}",
                    session=session,
                    organisation=organisation,
                    organisation_type=organisation.type,
                    status=status,
                    seats=len(chunk),
                )
                bookings.append(booking)
                seats += [(booking, statuses) for statuses in chunk]
    Booking.objects.bulk_create(bookings, BATCH)
    participants = Participant.objects.bulk_create(
        [
            Participant(
                booking=booking,
                name=f"Teilnehmende {number}",
                email=f"teilnehmende{number}@example.org",
                function="manager" if number % 5 == 0 else "employee",
            )
            for number, (booking, _statuses) in enumerate(seats)
        ],
        BATCH,
    )
    attendance = []
    for participant, (booking, statuses) in zip(participants, seats, strict=True):
        for occurrence, status in zip(dates[booking.session.pk], statuses, strict=True):
            if status:
                attendance.append(
                    Attendance(participant=participant, occurrence=occurrence, status=status)
                )
        if len(attendance) >= BATCH:
            Attendance.objects.bulk_create(attendance)
            attendance = []
    Attendance.objects.bulk_create(attendance)


if __name__ == "__main__":
    sys.exit(main())
