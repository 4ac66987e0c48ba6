import threading
from contextlib import contextmanager

from django.db import connection, transaction

from catalogue.models import Session


@contextmanager
def session_lock_held(session):
    """Another connection holds the session's row lock for the duration of the block."""
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        with transaction.atomic():
            Session.objects.select_for_update().get(pk=session.pk)
            locked.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    locked.wait(10)
    try:
        yield
    finally:
        release.set()
        holder.join()
