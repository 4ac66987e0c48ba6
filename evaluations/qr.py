"""The room link as a QR code: inline SVG (segno), scalable, with its address as the title."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(text: str) -> str:
    # segno escapes the title; the SVG has a viewBox and no size, so CSS sizes it.
    svg = segno.make(text, error="m").svg_inline(omitsize=True, title=text, svgclass="qr-code")
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
