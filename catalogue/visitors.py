"""Who is looking at the catalogue, as far as its pages need to know: the sector whose prices
apply (the bookings app knows the visitor's organisation and answers through a hook)."""

from wagtail import hooks

# A function (request) -> "administration", "companies" or "" (unknown); registered by bookings.
VISITOR_SECTOR_HOOK = "catalogue_visitor_sector"


def visitor_sector(request) -> str:
    if not hasattr(request, "_visitor_sector"):
        found = [
            sector for hook in hooks.get_hooks(VISITOR_SECTOR_HOOK) if (sector := hook(request))
        ]
        request._visitor_sector = found[0] if found else ""
    return request._visitor_sector
