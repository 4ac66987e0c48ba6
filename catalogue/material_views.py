"""Material files handed out by the views that check who asks (booking page, personal links,
trainers' portal); the documents' own addresses never serve them."""

from django.http import FileResponse, Http404

from catalogue.selectors.materials import materials_for_session


def session_material_download(session, material_id: int) -> FileResponse:
    """A file among the session's materials (its own and its training's), as a download, for
    views that have checked who asks; anything else is a 404. Never cached by shared caches."""
    material = materials_for_session(session).filter(pk=material_id, document__isnull=False).first()
    if material is None:
        raise Http404
    document = material.document
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["Cache-Control"] = "private, no-store"
    return response
