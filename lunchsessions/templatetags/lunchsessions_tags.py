from django import template

register = template.Library()


@register.simple_tag
def registration_status(statuses: dict, session_id) -> str:
    return statuses.get(session_id, "")
