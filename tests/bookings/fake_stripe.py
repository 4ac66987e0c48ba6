"""A small fake of the Stripe API for the tests: an HTTP server on a random local port that
stripe-python reaches through settings.STRIPE_API_BASE. It keeps Checkout Sessions,
PaymentIntents, charges and refunds in memory, answers repeated idempotency keys like Stripe
(same parameters: the first answer; other parameters: an error) and records every request.
Methods without a leading underscore act as the customer or the Stripe dashboard would.

For browser tests it also serves a hosted checkout page at each Checkout Session's url: paying
there completes the session, delivers a signed checkout.session.completed event to
`webhook_url` and redirects the browser to the session's success_url, as Stripe does."""

import hashlib
import hmac
import itertools
import json
import re
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

WEBHOOK_SECRET = "whsec_test_secret"
SECRET_KEY = "sk_test_fake"


@dataclass
class Request:
    method: str
    path: str
    params: dict
    idempotency_key: str | None


class FakeStripe:
    def __init__(self):
        self.checkouts: dict[str, dict] = {}
        self.intents: dict[str, dict] = {}
        self.charges: dict[str, dict] = {}
        self.requests: list[Request] = []
        self._params: dict[str, dict] = {}  # each Checkout Session's creation parameters
        self._answers: dict[str, tuple[dict, int, dict]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.webhook_url: str | None = None

    def start(self) -> None:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # What customers and the dashboard do

    def pay(self, checkout_id: str, *, asynchronous: bool = False) -> str:
        """The customer completes Checkout; a card is paid at once, a bank debit later."""
        checkout = self.checkouts[checkout_id]
        intent_id, charge_id = self._id("pi"), self._id("ch")
        self.charges[charge_id] = {
            "id": charge_id,
            "object": "charge",
            "amount": checkout["amount_total"],
            "amount_refunded": 0,
            "refunded": False,
            "payment_intent": intent_id,
        }
        self.intents[intent_id] = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": checkout["amount_total"],
            "currency": "eur",
            "status": "processing" if asynchronous else "succeeded",
            "metadata": dict(checkout["payment_intent_data_metadata"]),
            "latest_charge": charge_id,
        }
        checkout.update(
            status="complete",
            payment_status="unpaid" if asynchronous else "paid",
            payment_intent=intent_id,
        )
        return intent_id

    def settle(self, checkout_id: str, *, succeeded: bool) -> None:
        """An asynchronous payment succeeds or fails."""
        checkout = self.checkouts[checkout_id]
        intent = self.intents[checkout["payment_intent"]]
        intent["status"] = "succeeded" if succeeded else "requires_payment_method"
        checkout["payment_status"] = "paid" if succeeded else "unpaid"

    def expire(self, checkout_id: str) -> None:
        self.checkouts[checkout_id]["status"] = "expired"

    def refund(self, intent_id: str, amount: int) -> None:
        """A refund made in the Stripe dashboard."""
        self._refund({"payment_intent": intent_id, "amount": str(amount)})

    def add_checkout(self, like: str) -> str:
        """Another Checkout Session like `like`, as a second browser tab may have opened."""
        return self._create_checkout(dict(self._params[like]))[1]["id"]

    def posted(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    # The API

    def _handle(self, method: str, path: str, params: dict, key: str | None):
        self.requests.append(Request(method, path, params, key))
        if method == "POST" and key:
            fingerprint = json.dumps([path, params], sort_keys=True)
            if key in self._answers:
                previous, status, body = self._answers[key]
                if previous != fingerprint:
                    return 400, _error(
                        "Keys for idempotent requests can only be used with the same parameters.",
                        "idempotency_error",
                    )
                return status, body
            status, body = self._route(method, path, params)
            self._answers[key] = (fingerprint, status, body)
            return status, body
        return self._route(method, path, params)

    def _route(self, method: str, path: str, params: dict):
        if method == "POST" and path == "/v1/checkout/sessions":
            return self._create_checkout(params)
        if method == "POST" and path == "/v1/refunds":
            return self._refund(params)
        if method == "GET" and (match := re.fullmatch(r"/v1/checkout/sessions/([\w]+)", path)):
            checkout = self.checkouts.get(match[1])
            if checkout is None:
                return _missing(match[1])
            body = _public(checkout)
            if "payment_intent" in _expand(params) and checkout["payment_intent"]:
                body["payment_intent"] = dict(self.intents[checkout["payment_intent"]])
            return 200, body
        if method == "GET" and (match := re.fullmatch(r"/v1/payment_intents/([\w]+)", path)):
            intent = self.intents.get(match[1])
            if intent is None:
                return _missing(match[1])
            body = dict(intent)
            if "latest_charge" in _expand(params):
                body["latest_charge"] = dict(self.charges[intent["latest_charge"]])
            return 200, body
        return 404, _error(f"Unrecognized request URL ({method}: {path}).")

    def _create_checkout(self, params: dict):
        now = time.time()
        expires_at = int(params.get("expires_at", now + 86400))
        if not now + 30 * 60 <= expires_at <= now + 24 * 3600:
            return 400, _error("expires_at must be 30 minutes to 24 hours from now.")
        checkout_id = self._id("cs_test")
        checkout = {
            "id": checkout_id,
            "object": "checkout.session",
            "url": f"{self.url}/c/pay/{checkout_id}",
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "amount_total": int(params.get("line_items[0][quantity]", 0))
            * int(params.get("line_items[0][price_data][unit_amount]", 0)),
            "currency": params.get("line_items[0][price_data][currency]", "eur"),
            "metadata": _nested(params, "metadata"),
            "payment_intent_data_metadata": _nested(params, "payment_intent_data[metadata]"),
            "client_reference_id": params.get("client_reference_id"),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "expires_at": expires_at,
        }
        self.checkouts[checkout_id] = checkout
        self._params[checkout_id] = params
        return 200, _public(checkout)

    def _refund(self, params: dict):
        intent = self.intents.get(params.get("payment_intent", ""))
        if intent is None:
            return _missing(params.get("payment_intent", ""))
        charge = self.charges[intent["latest_charge"]]
        amount = int(params.get("amount", charge["amount"] - charge["amount_refunded"]))
        if amount <= 0 or charge["amount_refunded"] + amount > charge["amount"]:
            return 400, _error("The refund is greater than what is left of the charge.")
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        refund_id = self._id("re")
        return 200, {
            "id": refund_id,
            "object": "refund",
            "amount": amount,
            "charge": charge["id"],
            "payment_intent": intent["id"],
            "status": "succeeded",
        }

    def _checkout_page(self, checkout_id: str) -> bytes:
        checkout = self.checkouts[checkout_id]
        amount = f"{checkout['amount_total'] / 100:.2f}"
        return (
            '<!doctype html><html lang="en"><head><title>Fake Stripe Checkout</title></head>'
            f"<body><main><h1>Pay {amount} EUR</h1><form method=post>"
            "<button type=submit>Pay</button></form></main></body></html>"
        ).encode()

    def _complete_in_browser(self, checkout_id: str) -> str:
        """The customer pays on the hosted page; Stripe tells the platform's webhook."""
        self.pay(checkout_id)
        payload = event_payload("checkout.session.completed", _public(self.checkouts[checkout_id]))
        request = urllib.request.Request(
            self.webhook_url,
            data=payload.encode(),
            headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload)},
        )
        with urllib.request.urlopen(request) as response:
            assert response.status == 200
        return self.checkouts[checkout_id]["success_url"]

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):06d}"


def sign(payload: str, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """A Stripe-Signature header: t=<unix time>,v1=<HMAC-SHA256 of "t.payload">."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(
        secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def event_payload(event_type: str, obj: dict, *, event_id: str | None = None) -> str:
    event_id = event_id or f"evt_{hashlib.sha256(str(time.time_ns()).encode()).hexdigest()[:20]}"
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": {"object": obj},
        }
    )


CHECKOUT_PAGE = re.compile(r"/c/pay/(\w+)")


def _handler(fake: FakeStripe):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if match := CHECKOUT_PAGE.fullmatch(urlsplit(self.path).path):
                self._page(200, fake._checkout_page(match[1]))
                return
            self._answer("GET", dict(parse_qsl(urlsplit(self.path).query)))

        def do_POST(self):
            if match := CHECKOUT_PAGE.fullmatch(urlsplit(self.path).path):
                self.send_response(303)
                self.send_header("Location", fake._complete_in_browser(match[1]))
                self.end_headers()
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            self._answer("POST", dict(parse_qsl(body, keep_blank_values=True)))

        def _answer(self, method, params):
            if self.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
                status, body = 401, _error("Invalid API Key provided.")
            else:
                with fake._lock:
                    status, body = fake._handle(
                        method,
                        urlsplit(self.path).path,
                        params,
                        self.headers.get("Idempotency-Key"),
                    )
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _page(self, status, html):
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, format, *args):  # quiet
            pass

    return Handler


def _public(checkout: dict) -> dict:
    return {k: v for k, v in checkout.items() if k != "payment_intent_data_metadata"}


def _nested(params: dict, prefix: str) -> dict:
    pattern = re.compile(re.escape(prefix) + r"\[([^\]]+)\]$")
    return {m[1]: value for key, value in params.items() if (m := pattern.match(key))}


def _expand(params: dict) -> list[str]:
    return [value for key, value in params.items() if key.startswith("expand[")]


def _missing(object_id: str):
    return 404, _error(f"No such object: '{object_id}'", code="resource_missing")


def _error(message: str, type_: str = "invalid_request_error", code: str | None = None) -> dict:
    return {"error": {"type": type_, "message": message, "code": code}}
