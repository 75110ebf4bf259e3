"""Access per role for each page type and each restricted document; nothing restricted leaks."""

import pytest

from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

A, ACC, L, V, M, R, B = ROLES
ASSOCIATION_ROLES = {V, B}
MEMBER_ROLES = {L, V, M, R, B}

# audience -> roles that may see it
MAY_SEE = {"public": set(ROLES), "members": MEMBER_ROLES, "association": ASSOCIATION_ROLES}


@pytest.mark.parametrize("role", ROLES)
def test_pages_per_role(client_for, methodiek, role):
    """Each page type x each audience, for this role (one fixture per role keeps the suite fast)."""
    client = client_for(role)
    for kind in ("guides", "modules"):
        for audience in ("public", "members", "association"):
            page = getattr(getattr(methodiek, kind), audience)
            response = client.get(page.url)
            html = response.content.decode()
            where = f"{role} on {kind}.{audience}"
            if role in MAY_SEE[audience]:
                assert response.status_code == 200, where
                assert "Geheim" in html, where  # the body / learning goals
            else:
                assert response.status_code == 403, where
                assert "Geheim" not in html, where
                assert page.teaser in html, where  # the teaser, with a way in
                if role == A:
                    assert "Inloggen" in html and "Lid worden" in html, where
            if audience != "public" or role != A:
                assert "no-store" in response["Cache-Control"], where


@pytest.mark.parametrize("role", ROLES)
def test_documents_per_role(client_for, methodiek, role):
    client = client_for(role)
    for audience in ("public", "members", "association"):
        document = getattr(methodiek.documents, audience)
        assert document.url.startswith("/documenten/")  # served by Django, never a public media URL
        response = client.get(document.url)
        where = f"{role} on {audience} document"
        if role in MAY_SEE[audience]:
            assert response.status_code == 200, where
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert body.startswith(b"%PDF"), where
            if audience != "public":
                assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"], where
        else:
            assert response.status_code == 403, where
            assert "Dit document is" in response.content.decode(), where
            assert "no-store" in response["Cache-Control"], where


def test_the_overview_is_public_and_lists_only_what_the_user_may_see(client_for, methodiek):
    anonymous = client_for("anonymous").get("/methodiek/")
    assert anonymous.status_code == 200
    html = anonymous.content.decode()
    assert "Openbare handleiding" in html and "Openbare module" in html
    assert "Handleiding voor leden" not in html and "Module voor de Vereniging" not in html
    assert "Handleiding voor de Vereniging" not in html
    member = client_for("lid").get("/methodiek/").content.decode()
    assert "Handleiding voor leden" in member and "Handleiding voor de Vereniging" not in member
    association = client_for("vereniging").get("/methodiek/").content.decode()
    assert "Handleiding voor de Vereniging" in association and "Module voor de Vereniging" in association


def test_restricted_download_links_are_not_shown(client_for, methodiek):
    html = client_for("lid").get(methodiek.guides.members.url).content.decode()
    assert methodiek.documents.public.url in html
    assert methodiek.documents.association.url not in html
    assert "Samenwerkingsovereenkomst" not in html
    assert "alleen beschikbaar is voor leden van de Vereniging" in html
    html = client_for("vereniging").get(methodiek.guides.members.url).content.decode()
    assert methodiek.documents.association.url in html


@pytest.mark.parametrize(
    "role,expected",
    [
        (A, {"Folder voor ouders"}),
        (L, {"Folder voor ouders", "Checklist ouderschapsplan"}),
        (V, {"Folder voor ouders", "Checklist ouderschapsplan", "Samenwerkingsovereenkomst"}),
    ],
)
def test_work_materials_list_only_openable_documents(client_for, methodiek, role, expected):
    html = client_for(role).get("/methodiek/werkmaterialen/").content.decode()
    for title in {"Folder voor ouders", "Checklist ouderschapsplan", "Samenwerkingsovereenkomst"}:
        assert (title in html) == (title in expected), title


def test_prev_next_skip_guides_the_user_may_not_see(client_for, methodiek):
    html = client_for("anonymous").get(methodiek.guides.public.url).content.decode()
    assert 'rel="next"' not in html  # the two following guides are restricted
    html = client_for("vereniging").get(methodiek.guides.public.url).content.decode()
    assert 'href="/methodiek/leden/" rel="next"' in html
    html = client_for("lid").get(methodiek.guides.members.url).content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_technique_page_lists_where_it_is_used(client_for, methodiek):
    from django.conf import settings

    from methodology.factories import GuidePageFactory, TechniqueFactory, heading, restrict, technique_block

    technique = TechniqueFactory(name="Netwerk betrekken", slug="netwerk-betrekken")
    GuidePageFactory(
        parent=methodiek.index, title="Netwerkgids", body=[heading("Het netwerk"), technique_block(technique)]
    )
    hidden = GuidePageFactory(
        parent=methodiek.index, title="Verborgen netwerkgids", body=[heading("Intern"), technique_block(technique)]
    )
    restrict(hidden, settings.ASSOCIATION_GROUP)
    methodiek.modules.members.techniques.set([technique])
    methodiek.modules.members.save()
    html = client_for("lid").get(technique.get_absolute_url()).content.decode()
    assert "Netwerkgids: Het netwerk" in html
    assert "Module voor leden" in html
    assert "Verborgen netwerkgids" not in html
    assert "Module voor leden" not in client_for("anonymous").get(technique.get_absolute_url()).content.decode()
