#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # site/ holds settings and urls; it cannot be a package named "site" (see DESIGN.md).
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
