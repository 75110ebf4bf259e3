"""Admin wiring of the methodiek, and access checks on documents (werkmaterialen)."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail import hooks
from wagtail.documents.models import document_served

from community.core import access


@hooks.register("before_serve_document", order=-10)
def serve_restricted_documents(document, request):
    """Documents in a restricted collection: a Dutch 403 page for those who may not open them, and
    for those who may, the file with `Cache-Control: private, no-store` so no shared cache keeps it.
    Public documents fall through to Wagtail's own serve view."""
    audience = access.collection_audience(document.collection)
    if audience == access.PUBLIC:
        return None
    if not access.may_see_audience(request.user, audience):
        response = TemplateResponse(
            request, "methodology/document_forbidden.html", {"audience_label": access.audience_label(audience)}, status=403
        )
        add_never_cache_headers(response)
        return response
    document_served.send(sender=type(document), instance=document, request=request)
    # Wagtail only accepts a plain HttpResponse from this hook (not a streaming FileResponse); werkmaterialen
    # are small forms and templates (uploads are capped by WAGTAILDOCS_MAX_UPLOAD_SIZE).
    with document.open_file() as handle:
        response = HttpResponse(handle.read(), content_type=document.content_type)
    response["Content-Disposition"] = document.content_disposition
    patch_cache_control(response, private=True, no_store=True)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
