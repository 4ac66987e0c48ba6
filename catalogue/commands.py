"""What the programme's management commands share: bad arguments end with exit status 2 and
one line on stderr (not argparse's usage block), and dates are given as YYYY-MM-DD."""

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

USAGE_ERROR = 2


class StrictCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            if parser.called_from_command_line:
                sys.stderr.write(f"{subcommand}: {message}\n")
                sys.exit(USAGE_ERROR)
            raise CommandError(message, returncode=USAGE_ERROR)

        parser.error = error
        return parser

    @staticmethod
    def usage(message: str) -> CommandError:
        return CommandError(message, returncode=USAGE_ERROR)

    def parse_date(self, value: str, option: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.usage(
                _("%(option)s needs a date as YYYY-MM-DD, not %(value)s.")
                % {"option": option, "value": value}
            ) from None
