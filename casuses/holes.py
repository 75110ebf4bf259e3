"""A reaction's appreciations on a casus page shared by an audience: the counts and what the viewer gave."""

from django.db.models import Count, Q

from community.core import holes
from community.core.routes import route_url

from .models import CasusIndexPage
from .models.casus import Appreciation


def appreciations(request, args_list) -> list[str]:
    """One query for every reaction on the page."""
    user = request.user
    counted = (
        Appreciation.objects.filter(reaction_id__in=[reaction_id for reaction_id, _author, _index in args_list])
        .values("reaction_id", "kind")
        .annotate(count=Count("pk"), mine=Count("pk", filter=Q(member_id=user.pk)))
    )
    counts = {(row["reaction_id"], row["kind"]): (row["count"], row["mine"]) for row in counted}
    return [
        holes.render(
            request,
            "casuses/includes/appreciation.html",
            {
                "buttons": [
                    (kind, label, *counts.get((reaction_id, kind), (0, 0))) for kind, label in Appreciation.Kind.choices
                ],
                "own": author_id == user.pk,
                "action": route_url(index_url, CasusIndexPage, "appreciate", reaction_id),
            },
        )
        for reaction_id, author_id, index_url in args_list
    ]
