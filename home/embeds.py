"""Videos from other sites (Wagtail embeds, oEmbed) as a player the public site can show under
its content security policy."""

import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Player:
    src: str  # the provider's player, shown in an iframe of our own
    origin: str  # the one host the page's policy lets into a frame


class _FirstIframe(HTMLParser):
    src = None

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and self.src is None:
            self.src = dict(attrs).get("src")


def video_player(url: str) -> Player | None:
    """The player of a video address, or None when there is none, the provider cannot be
    reached or does not offer an HTTPS iframe. Wagtail keeps what the provider answered in the
    database, so only the first view of a new address asks the provider."""
    if not url:
        return None
    try:
        embed = get_embed(url)
    except EmbedException as error:
        logger.warning("No player for %s: %r", url, error)
        return None
    parser = _FirstIframe()
    parser.feed(embed.html)
    src = parser.src or ""
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    if parts.scheme != "https" or not parts.netloc:
        logger.warning("No HTTPS iframe in the embed of %s", url)
        return None
    return Player(src=src, origin=f"https://{parts.netloc}")
