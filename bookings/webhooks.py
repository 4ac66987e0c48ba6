"""The Stripe webhook. It only verifies the request and hands the event to
services.payment_event_apply, which fetches the object again from Stripe and applies it once."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bookings import payments, services


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = payments.event_verify(request.body, request.headers.get("Stripe-Signature"))
    except payments.InvalidEvent as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    try:
        applied = services.payment_event_apply(event=event)
    except services.BookingBusy:
        return _retry_later("The booking is busy; please retry.")
    except payments.PaymentError:
        return _retry_later("Stripe could not be reached; please retry.")
    return HttpResponse("Applied." if applied else "Ignored.", content_type="text/plain")


def _retry_later(message: str) -> HttpResponse:
    """Stripe delivers the event again later; nothing of it has been kept."""
    return HttpResponse(message, status=503, content_type="text/plain")
