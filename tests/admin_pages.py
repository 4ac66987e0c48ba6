"""Reading admin pages in the tests as staff read them."""

import re
from html import unescape


def text(html: str, start: str = "<main", end: str = "</main>") -> str:
    """What a reader sees of the page from `start` to `end`."""
    part = html[html.index(start) : html.index(end, html.index(start))]
    part = re.sub(r"<script.*?</script>", "", part, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))


def inspect(client, url: str) -> str:
    """The fields of an inspect page."""
    return text(client.get(url).content.decode(), "<dl", "</dl>")
