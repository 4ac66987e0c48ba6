"""Fill the platform with a realistic bilingual demo catalogue (idempotent).

`seed_demo` creates the page tree, taxonomy, 31 trainings in German and English, about 170
sessions over the past and next twelve months and the demo accounts. `--scale N` adds N more
trainings with ten sessions each, written in bulk, for benchmarks.
"""

import json
import random
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from recurrence import WEEKLY, Recurrence, Rule
from wagtail.models import Locale, Page, Site

from catalogue.caching import catalogue_changed
from catalogue.models import (
    CatalogueIndexPage,
    Language,
    Occurrence,
    Session,
    StateNetwork,
    TargetGroup,
    Topic,
    TrainingPage,
    Venue,
)
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import schedule_slots
from catalogue.services import session_save, staff_grant, training_search_update
from home.demo_images import demo_training_image
from home.models import HomePage, SignLanguagePage, SiteSettings, StandardPage

DEMO_PASSWORD = "iq-demo-2026"
DEMO = Path(__file__).resolve().parents[2] / "demo"
# The content (pages, taxonomy, trainings, accounts) is data; this command builds it into pages
# and rows and adds generated sessions.
SITE = json.loads((DEMO / "site.json").read_text(encoding="utf-8"))
CATALOGUE = json.loads((DEMO / "catalogue.json").read_text(encoding="utf-8"))
TIMES = [(time(9, 0), time(12, 0)), (time(9, 0), time(16, 30)), (time(13, 0), time(16, 30))]


class Command(BaseCommand):
    help = "Load the demo catalogue (safe to run again); --scale N adds N bulk trainings."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="add N trainings with 10 sessions each"
        )
        parser.add_argument("--seed", type=int, default=2026, help="random seed for session dates")

    def handle(self, *args, scale, seed, **options):
        rng = random.Random(seed)
        with transaction.atomic():
            german, english = self.locales()
            languages = self.languages()
            topics, target_groups, venues = self.taxonomy()
            home, home_en = self.home_pages(german, english)
            index = self.catalogue_index(home, english)
            self.standard_pages(home, english)
            self.sign_language_page(home, english)
            trainings = self.trainings(index, english, topics, target_groups, languages)
            created = self.sessions(trainings, venues, languages, rng)
            self.accounts()
            # Other apps add their demo data through their own commands (no import: home only
            # depends on the catalogue).
            call_command("seed_bookings")
            call_command("seed_trainers")
            call_command("seed_evaluations")
        self.stdout.write(
            f"Demo catalogue ready: {len(trainings)} trainings, {created} new sessions."
        )
        if scale:
            self.scale(index, scale, topics, venues, languages, rng)

    # --- taxonomy -------------------------------------------------------------------------

    def locales(self):
        german = Locale.objects.get_or_create(language_code="de")[0]
        english = Locale.objects.get_or_create(language_code="en")[0]
        return german, english

    def languages(self):
        return {
            item["code"]: Language.objects.update_or_create(
                code=item["code"], defaults={"name": item["name"], "name_en": item["name_en"]}
            )[0]
            for item in SITE["languages"]
        }

    def taxonomy(self):
        topics = {}
        for order, item in enumerate(CATALOGUE["topics"]):
            topics[item["slug"]] = Topic.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name_de"],
                    "name_en": item["name_en"],
                    "description": item["description_de"],
                    "description_en": item["description_en"],
                    "sort_order": order,
                    "colour": item["colour"],
                },
            )[0]
        target_groups = {
            item["slug"]: TargetGroup.objects.update_or_create(
                slug=item["slug"], defaults={"name": item["name_de"], "name_en": item["name_en"]}
            )[0]
            for item in CATALOGUE["target_groups"]
        }
        venues = [
            Venue.objects.update_or_create(
                name=item["name"],
                city=item["city"],
                defaults={
                    "street": item["street"],
                    "postcode": item["postcode"],
                    "state": item["state"],
                    "step_free": index % 3 != 2,
                },
            )[0]
            for index, item in enumerate(CATALOGUE["venues"])
        ]
        return topics, target_groups, venues

    # --- pages ----------------------------------------------------------------------------

    def home_pages(self, german, english):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=german).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(locale=german, **SITE["home"]["de"]))
            home.save_revision().publish()
            if site is None:
                site = Site.objects.create(
                    hostname="localhost", port=80, root_page=home, is_default_site=True
                )
            old_root = site.root_page
            site.root_page = home
            site.site_name = SITE["site_name"]
            site.save()
            if old_root.pk != home.pk and old_root.specific_class is Page:
                old_root.delete()
        home_en = self.translate(home, english, **SITE["home"]["en"])
        return home, home_en

    def catalogue_index(self, home, english):
        index = CatalogueIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=CatalogueIndexPage(**SITE["catalogue"]["de"]))
            index.save_revision().publish()
        self.translate(index, english, **SITE["catalogue"]["en"])
        return index

    def standard_pages(self, home, english):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        for item in SITE["standard_pages"]:
            german, english_fields = item["de"], item["en"]
            page = StandardPage.objects.child_of(home).filter(slug=german["slug"]).first()
            if page is None:
                page = home.add_child(
                    instance=StandardPage(
                        title=german["title"],
                        slug=german["slug"],
                        body=[("text", german["body"])],
                        show_in_menus=True,
                    )
                )
                page.save_revision().publish()
            self.translate(
                page,
                english,
                title=english_fields["title"],
                slug=english_fields["slug"],
                body=[("text", english_fields["body"])],
            )
            setattr(site_settings, item["setting"], page)
        site_settings.contact_phone = site_settings.contact_phone or SITE["contact_phone"]
        site_settings.save()

    def sign_language_page(self, home, english):
        """The page in German Sign Language with its transcript; the video slot stays empty until
        the programme has a video (the page says so)."""
        content = SITE["sign_language_page"]
        page = SignLanguagePage.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=SignLanguagePage(**content["de"]))
            page.save_revision().publish()
        self.translate(page, english, **content["en"])
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.sign_language_page = page
        site_settings.save()

    def translate(self, page, locale, **fields):
        """The page's translation into `locale`, created and published on the first run."""
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            return translation
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    def trainings(self, index, english, topics, target_groups, languages):
        trainings = []
        for item in CATALOGUE["trainings"]:
            page = TrainingPage.objects.child_of(index).filter(slug=item["slug_de"]).first()
            if page is None:
                page = TrainingPage(
                    title=item["title_de"],
                    slug=item["slug_de"],
                    summary=item["summary_de"],
                    body=self.body(item, "de"),
                    topic=topics[item["topic"]],
                    units=item["units"],
                    days=item["days"],
                    format=item["format"],
                    delivery=item["delivery"],
                    default_capacity=item["capacity"],
                    price_administration=Decimal(item["price_administration"]),
                    price_companies=Decimal(item["price_companies"]),
                    certificate_share=Decimal(item["certificate_share"]),
                    image=demo_training_image(
                        slug=item["slug_de"], colour=topics[item["topic"]].colour
                    ),
                )
                page.target_groups = [target_groups[slug] for slug in item["target_groups"]]
                page.languages = [languages[code] for code in item["languages"]]
                index.add_child(instance=page)
                page.save_revision().publish()
            self.translate(
                page,
                english,
                title=item["title_en"],
                slug=item["slug_en"],
                summary=item["summary_en"],
                body=self.body(item, "en"),
            )
            trainings.append((page, item))
        return trainings

    def body(self, item, language):
        blocks = [("text", f"<p>{item[f'intro_{language}']}</p>")]
        blocks.append(("objectives", item[f"objectives_{language}"]))
        blocks.append(
            (
                "agenda",
                [
                    {"title": title, "description": text}
                    for title, text in item[f"agenda_{language}"]
                ],
            )
        )
        if item[f"quote_{language}"]:
            blocks.append(
                (
                    "quote",
                    {
                        "quote": item[f"quote_{language}"],
                        "attribution": item[f"quote_author_{language}"],
                    },
                )
            )
        blocks.append(
            (
                "faq",
                [{"question": q, "answer": f"<p>{a}</p>"} for q, a in item[f"faq_{language}"]],
            )
        )
        return blocks

    # --- sessions -------------------------------------------------------------------------

    def sessions(self, trainings, venues, languages, rng):
        """About six sessions per training over the past and next twelve months, including
        weekly series across the daylight-saving switches. Skipped when they exist."""
        if Session.objects.filter(training__in=[page for page, _ in trainings]).exists():
            return 0
        today = timezone.localdate()
        created = 0
        for number, (page, item) in enumerate(trainings):
            for _ in range(6):
                offset = rng.randint(-360, 360)
                first_date = self.weekday(today + timedelta(days=offset))
                recurrence = self.multi_day_rule(item["days"])
                created += self.create_session(
                    page, item, venues, languages, rng, first_date, recurrence
                )
            # Weekly series of four half days across a switch of the clocks, one in the past
            # (end of October) and one to come (end of March).
            for switch in self.dst_switches(today):
                if number % 4 == 0:
                    weekly = Recurrence(rrules=[Rule(WEEKLY, count=4)])
                    created += self.create_session(
                        page,
                        item,
                        venues,
                        languages,
                        rng,
                        switch - timedelta(days=13),
                        weekly,
                        times=(time(9, 0), time(12, 0)),
                    )
        return created

    def create_session(
        self, page, item, venues, languages, rng, first_date, recurrence, times=None
    ):
        start_time, end_time = times or rng.choice(TIMES)
        online = item["format"] in ("online", "hybrid")
        venue = None if item["format"] == "online" else rng.choice(venues)
        meeting = rng.randint(1000, 9999)
        today = timezone.localdate()
        if first_date < today:
            status = SessionStatus.HELD if rng.random() > 0.05 else SessionStatus.CANCELLED
        else:
            status = rng.choices(
                [SessionStatus.OPEN, SessionStatus.PLANNED, SessionStatus.CANCELLED], [85, 12, 3]
            )[0]
        session = Session(
            training=page,
            state=venue.state if venue else rng.choice(StateNetwork.values),
            venue=venue,
            online=online,
            # Online access, shown only to confirmed participants and the assigned trainers.
            meeting_url=f"https://meet.example.org/iq-{page.slug}-{meeting}" if online else "",
            access_notes=f"Meeting-ID {meeting} {meeting * 7 % 1000:03d} · Kenncode {meeting % 97:02d}IQ"
            if online
            else "",
            capacity=item["capacity"],
            language=languages[rng.choice(item["languages"])],
            status=status,
            first_date=first_date,
            start_time=start_time,
            end_time=end_time,
            recurrences=recurrence,
            booking_deadline=first_date - timedelta(days=7),
        )
        session_save(session=session, status_change=True)  # past sessions as they ended
        return 1

    @staticmethod
    def weekday(day: date) -> date:
        """Move a Saturday or Sunday to the next Monday."""
        return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day

    @staticmethod
    def multi_day_rule(days: int) -> Recurrence:
        if days <= 1:
            return Recurrence()
        return Recurrence(rrules=[Rule(WEEKLY, count=days)])

    @staticmethod
    def dst_switches(today: date) -> list[date]:
        """The last switch of the clocks before today and the next one after it."""
        switches = []
        for year in (today.year - 1, today.year, today.year + 1):
            for month in (3, 10):
                last = date(year, month, 31)
                switches.append(last - timedelta(days=(last.weekday() + 1) % 7))
        past = [day for day in switches if day < today]
        future = [day for day in switches if day >= today]
        return [past[-1], future[0]]

    # --- accounts -------------------------------------------------------------------------

    def accounts(self):
        """The demo accounts: an editor, the federal office and two state networks' staff, in
        the groups the migrations made (catalogue.roles)."""
        for account in SITE["accounts"]:
            user, created = User.objects.get_or_create(
                username=account["username"],
                defaults={"email": account["email"], "first_name": account["first_name"]},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            # Everyone logs in through allauth, which wants a confirmed address.
            EmailAddress.objects.get_or_create(
                user=user, email=account["email"], defaults={"verified": True, "primary": True}
            )
            user.groups.add(*Group.objects.filter(name__in=account.get("groups", [])))
            if account.get("federal") or account.get("states"):
                staff_grant(
                    user=user,
                    states=account.get("states", []),
                    federal=account.get("federal", False),
                )

    # --- bulk data for benchmarks ---------------------------------------------------------

    def scale(self, index, count, topics, venues, languages, rng):
        """Add `count` trainings with ten sessions each; sessions and occurrences in bulk."""
        topic_list = list(topics.values())
        today = timezone.localdate()
        two_days = self.multi_day_rule(2)
        existing = (
            TrainingPage.objects.child_of(index).filter(slug__startswith="skalierung-").count()
        )
        for number in range(existing, existing + count):
            page = TrainingPage(
                title=f"Skalierungsschulung {number + 1}: Interkulturelle Praxis",
                slug=f"skalierung-{number + 1}",
                summary="Zusätzliche Schulung für Lasttests.",
                topic=topic_list[number % len(topic_list)],
                units=16,
                days=2,
                live=True,
                has_unpublished_changes=False,
                first_published_at=timezone.now(),
                last_published_at=timezone.now(),
            )
            page.languages = [languages["de"]]
            index.add_child(instance=page)
            training_search_update(page=page)  # live without publishing
            sessions = []
            for _ in range(10):
                first_date = self.weekday(today + timedelta(days=rng.randint(-300, 360)))
                venue = rng.choice(venues)
                sessions.append(
                    Session(
                        training=page,
                        training_key=page.translation_key,
                        state=venue.state,
                        venue=venue,
                        capacity=16,
                        seats_taken=rng.randint(0, 16),
                        language=languages["de"],
                        status=SessionStatus.OPEN if first_date >= today else SessionStatus.HELD,
                        first_date=first_date,
                        start_time=time(9, 0),
                        end_time=time(16, 0),
                        recurrences=two_days,
                    )
                )
            occurrences = []
            for session in Session.objects.bulk_create(sessions):
                slots = schedule_slots(
                    first_date=session.first_date,
                    start_time=session.start_time,
                    end_time=session.end_time,
                    recurrence=session.recurrences,
                )
                session.starts_at, session.ends_at = slots[0].start, slots[-1].end
                occurrences += [
                    Occurrence(session=session, start=s.start, end=s.end) for s in slots
                ]
            Session.objects.bulk_update(sessions, ["starts_at", "ends_at"])
            Occurrence.objects.bulk_create(occurrences)
        catalogue_changed()
        self.stdout.write(f"Added {count} trainings with {count * 10} sessions.")
