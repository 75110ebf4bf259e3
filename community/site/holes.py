"""The header's account links, per visitor, on pages shared by an audience."""

from django.template.loader import render_to_string


def account_navs(request, args_list) -> list[str]:
    return [render_to_string("components/holes/account_nav.html", {}, request)] * len(args_list)
