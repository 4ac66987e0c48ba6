"""The Stripe webhook. It only verifies the request and hands the event to
payment_event_apply, which fetches the object again from Stripe and applies it once."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bookings import stripe_client
from bookings.services.errors import BookingBusy
from bookings.services.payments import payment_event_apply


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = stripe_client.event_verify(request.body, request.headers.get("Stripe-Signature"))
    except stripe_client.InvalidEvent as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    try:
        applied = payment_event_apply(event=event)
    except BookingBusy:
        return _retry_later("The booking is busy; please retry.")
    except stripe_client.PaymentError:
        return _retry_later("Stripe could not be reached; please retry.")
    return HttpResponse("Applied." if applied else "Ignored.", content_type="text/plain")


def _retry_later(message: str) -> HttpResponse:
    """Stripe delivers the event again later; nothing of it has been kept."""
    return HttpResponse(message, status=503, content_type="text/plain")
