"""What Lighthouse checks on every page (issue 16 point 5): a meta description on every page, headings
that keep their role (a live region around the search summary, not on the heading)."""

import re

import pytest

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


def test_every_page_has_a_meta_description(client, home_page):
    home = client.get("/").content.decode()
    assert DESCRIPTION.search(home).group(1).startswith("Kennis, casussen en lunchsessies")
    home_page.search_description = "Het kennisplein voor professionals rond scheiding."
    home_page.save_revision().publish(skip_permission_checks=True)
    assert DESCRIPTION.search(client.get("/").content.decode()).group(1) == home_page.search_description
    assert DESCRIPTION.search(client.get("/zoeken/?q=omgang").content.decode())


def test_search_summary_is_a_heading_inside_a_live_region(client, home_page):
    page = client.get("/zoeken/?q=omgang").content.decode()
    assert '<div role="status"><h2 id="search-results-heading"' in page
