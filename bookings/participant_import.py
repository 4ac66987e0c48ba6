"""Participants from a list: pasted from a spreadsheet or uploaded as CSV or XLSX, one row per
person with name, email (optional) and function (optional: employee). A header row is skipped.
Every row with a problem is named with what is wrong; nothing is taken until all rows are
right."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from bookings.models import Function

MAX_FILE_BYTES = 1024 * 1024
HEADER_WORDS = {"name", "e-mail", "email", "funktion", "function"}


@dataclass(frozen=True)
class ImportResult:
    rows: list[dict]
    errors: list[str]


def _key(text: str) -> str:
    """A function's name without case, gender star, colon or brackets: "Mitarbeiter*in" and
    "Mitarbeiter:in" and "Mitarbeitende(r)" all count."""
    return "".join(character for character in text.lower() if character.isalpha())


def _function_names() -> dict[str, str]:
    """Every way of writing a function: its code, its labels in German and English, and the
    usual German words."""
    names = {}
    for value, label in Function.choices:
        names[_key(value)] = value
        for language in ("de", "en"):
            with translation.override(language):
                names[_key(str(label))] = value
    for word in ("mitarbeiter", "mitarbeiterin", "mitarbeitende", "mitarbeitender", "staff"):
        names[_key(word)] = Function.EMPLOYEE
    for word in ("führungskraft", "leitung", "leitungskraft", "teamleitung"):
        names[_key(word)] = Function.MANAGER
    return names


def parse_participants(*, text: str = "", upload=None, limit: int) -> ImportResult:
    try:
        table = _read_upload(upload) if upload is not None else _read_text(text)
    except ValueError as error:
        return ImportResult([], [str(error)])
    table = [[str(cell or "").strip() for cell in row] for row in table]
    table = [row for row in table if any(row)]
    if table and {cell.lower() for cell in table[0]} & HEADER_WORDS:
        table = table[1:]
    if not table:
        return ImportResult([], [_("The list has no participants.")])
    if len(table) > limit:
        return ImportResult(
            [],
            [
                _("The list has %(rows)s people; at most %(limit)s can be booked.")
                % {"rows": len(table), "limit": limit}
            ],
        )
    functions = _function_names()
    rows, errors = [], []
    for number, cells in enumerate(table, start=1):
        name, email, function = (cells + ["", "", ""])[:3]
        problems = []
        if not name:
            problems.append(_("the name is missing"))
        elif len(name) > 200:
            problems.append(_("the name is longer than 200 characters"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("“%(email)s” is not an email address") % {"email": email})
        code = functions.get(_key(function)) if function else Function.EMPLOYEE
        if code is None:
            problems.append(
                _("“%(function)s” is not a function (employee or manager)") % {"function": function}
            )
        if problems:
            errors.append(
                _("Row %(number)s: %(problems)s.")
                % {"number": number, "problems": "; ".join(problems)}
            )
        else:
            rows.append({"name": name, "email": email, "function": code})
    return ImportResult(rows if not errors else [], errors)


def _read_text(text: str) -> list[list[str]]:
    lines = text.strip().splitlines()
    if not lines:
        return []
    sample = "\n".join(lines[:5])
    delimiter = "\t" if "\t" in sample else (";" if ";" in sample else ",")
    return list(csv.reader(lines, delimiter=delimiter))


def _read_upload(upload) -> list[list]:
    if upload.size > MAX_FILE_BYTES:
        raise ValueError(_("The file is larger than 1 MB."))
    name = upload.name.lower()
    content = upload.read()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:
            raise ValueError(_("The file is not a readable XLSX workbook.")) from None
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(max_col=3, values_only=True)]
    if name.endswith((".csv", ".txt")):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return _read_text(content.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise ValueError(_("The file's text could not be read; save it as UTF-8 CSV."))
    raise ValueError(_("Upload a CSV or XLSX file."))
