"""A video site's oEmbed endpoint for the tests: an HTTP server on a random local port that Wagtail
embeds reaches through WAGTAILEMBEDS_FINDERS. It answers every request with `status` and, when
that is 200, an oEmbed video whose HTML is `html`; it records the video addresses asked for."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

VIDEO_URL = "https://video.example.org/watch/dgs-iq"
PLAYER = "https://player.example.org/embed/dgs-iq"


class FakeOembed:
    def __init__(self):
        self.status = 200
        self.html = f'<iframe width="640" height="360" src="{PLAYER}" allowfullscreen></iframe>'
        self.asked: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}/oembed"

    def finders(self, endpoint: str | None = None) -> list[dict]:
        """WAGTAILEMBEDS_FINDERS: video.example.org's videos from this endpoint (or another)."""
        return [
            {
                "class": "wagtail.embeds.finders.oembed",
                "providers": [
                    {
                        "endpoint": endpoint or self.endpoint,
                        "urls": [r"^https://video\.example\.org/watch/.+$"],
                    }
                ],
            }
        ]

    def start(self) -> None:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(fake: FakeOembed):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            fake.asked.append(parse_qs(urlsplit(self.path).query)["url"][0])
            body = json.dumps(
                {
                    "type": "video",
                    "version": "1.0",
                    "title": "IQ-Schulungen in Deutscher Gebärdensprache",
                    "provider_name": "Example Video",
                    "width": 640,
                    "height": 360,
                    "html": fake.html,
                }
            ).encode()
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler
