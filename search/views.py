"""/zoeken/ (the page), /api/search (JSON), /api/search/suggest (titles as you type), /api/docs (OpenAPI)."""

import json
from pathlib import Path
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from community.core.privacy import private
from community.core.ratelimit import rate_limit

from . import service
from .documents import adapters, facet_labels
from .forms import SearchForm

OPENAPI_FILE = Path(__file__).resolve().parent / "openapi.json"
PER_PAGE = 10


def type_labels() -> dict[str, str]:
    return {adapter.type: str(adapter.label or adapter.type) for adapter in adapters()}


def phase_labels(slugs) -> dict[str, str]:
    """The names of methodiek phases, from whichever adapter knows them (the methodiek's)."""
    return facet_labels("phase", slugs)


def _url(params: dict, **changes) -> str:
    """A link to this search with some parameters changed (a changed filter starts again at page 1)."""
    merged = {**params, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    clean = {
        key: value for key, value in merged.items() if value not in (None, "") and not (key == "page" and value == 1)
    }
    return "?" + urlencode(clean) if clean else "?"


@require_GET
@rate_limit("search_page", "120/m", methods=("GET",))
def search_page(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "search_query": request.GET.get("q", "")}
    if request.GET and form.is_valid():
        query = form.to_query(PER_PAGE)
        result = service.search(request.user, query)
        params = {key: getattr(query, key) for key in ("q", "type", "tag", "phase", "year", "sort", "literal")}
        params = {key: value for key, value in params.items() if value and not (key == "sort" and value == "relevance")}
        labels = type_labels()
        phases = phase_labels(list(result.facets["phase"]) + [query.phase])
        facet_groups = [
            _facet_group("type", _("Soort"), result.facets["type"], labels, params, query.type),
            _facet_group("phase", _("Fase van de methodiek"), result.facets["phase"], phases, params, query.phase),
            _facet_group("tag", _("Tag"), result.facets["tag"], {}, params, query.tag),
            _facet_group("year", _("Jaar"), result.facets["year"], {}, params, str(query.year or "")),
        ]
        context.update(
            query=query,
            result=result,
            hits=[(hit, labels.get(hit.type, hit.type), phases.get(hit.phase, "")) for hit in result.hits],
            facet_groups=[group for group in facet_groups if group["items"] or group["active"]],
            sort_links=[
                {
                    "value": "relevance",
                    "label": _("Relevantie"),
                    "url": _url(params, sort=""),
                    "current": query.sort == "relevance",
                },
                {
                    "value": "date",
                    "label": _("Datum"),
                    "url": _url(params, sort="date"),
                    "current": query.sort == "date",
                },
            ],
            previous_url=_url(params, page=query.page - 1) if query.page > 1 else "",
            next_url=_url(params, page=query.page + 1) if query.page < result.pages else "",
            suggestion_url=_url({"q": result.suggestion}) if result.suggestion else "",
            literal_url=_url({**params, "literal": "1"}) if result.corrected_from else "",
            active_filters=[
                {"label": group["title"], "value": group["active_label"], "url": _url(params, **{group["name"]: ""})}
                for group in facet_groups
                if group["active"]
            ],
            searched=bool(query.q or query.has_filters),
        )
    response = render(
        request, "search/search.html", context, status=200 if form.is_bound is False or form.is_valid() else 400
    )
    return private(response)


def _facet_group(name, title, counts, labels, params, active):
    items = [
        {
            "value": value,
            "label": labels.get(value, value),
            "count": count,
            "url": _url(params, **{name: "" if value == active else value}),
            "current": value == active,
        }
        for value, count in list(counts.items())[:15]
    ]
    return {"name": name, "title": title, "items": items, "active": active, "active_label": labels.get(active, active)}


def _api_error(message: str, errors: dict | None = None) -> JsonResponse:
    body = {"error": message}
    if errors:
        body["errors"] = errors
    return private(JsonResponse(body, status=400))


@require_GET
@rate_limit("search_api", "60/m", methods=("GET",))
def api_search(request):
    unknown = sorted(set(request.GET) - set(SearchForm.base_fields))
    if unknown:
        return _api_error(_("Onbekende parameter(s): %(names)s.") % {"names": ", ".join(unknown)})
    form = SearchForm(request.GET)
    if not form.is_valid():
        errors = form.messages()
        return _api_error(" ".join(errors.values()), errors)
    query = form.to_query(PER_PAGE)
    if not (query.q or query.has_filters):
        return _api_error(_("Geef een zoekterm op met de parameter q (of filter op type, tag, phase of year)."))
    result = service.search(request.user, query)
    body = {
        "query": query.q,
        "engine": result.engine,
        "total": result.total,
        "total_approximate": result.total_approximate,
        "page": query.page,
        "pages": result.pages,
        "results": [
            {
                "type": hit.type,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url) if hit.url.startswith("/") else hit.url,
                "snippet": hit.snippet,
                "date": hit.date.isoformat() if hit.date else None,
                "tags": hit.tags,
                **({"more_chapters": hit.more_chapters} if hit.more_chapters else {}),
            }
            for hit in result.hits
        ],
        "facets": result.facets,
        "facets_approximate": result.facets_approximate,
    }
    if result.suggestion:
        body["suggestion"] = result.suggestion
    if result.corrected_from:
        body["corrected_from"] = result.corrected_from
        body["searched"] = result.suggestion
    if result.members_more:
        body["members_more"] = result.members_more
    if result.notice:
        body["notice"] = result.notice
    return private(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))


@require_GET
@rate_limit("search_suggest", "240/m", methods=("GET",))
def api_suggest(request):
    prefix = request.GET.get("q", "").strip()
    if len(prefix) > 100:
        return _api_error(_("De zoekterm mag hoogstens 100 tekens lang zijn."))
    labels = type_labels()
    suggestions = service.suggest_titles(request.user, prefix) if len(prefix) >= 2 else []
    for item in suggestions:
        item["type_label"] = labels.get(item["type"], item["type"])
    return private(
        JsonResponse({"query": prefix, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
    )


@require_GET
def openapi_schema(request):
    schema = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    schema["components"]["schemas"]["SearchResult"]["properties"]["type"]["enum"] = sorted(type_labels())
    response = JsonResponse(schema, json_dumps_params={"ensure_ascii": False, "indent": 2})
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def api_docs(request):
    schema = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    return render(request, "search/api_docs.html", {"schema": schema, "types": type_labels()})
