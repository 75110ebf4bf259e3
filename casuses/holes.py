"""A reaction's appreciations on a casus page shared by an audience: the counts and what the viewer gave."""

from community.core import holes
from community.core.routes import route_url

from .models import CasusIndexPage
from .models.casus import Appreciation


def appreciations(request, args_list) -> list[str]:
    """The thread's appreciations from the shared cache (one query per casus after a change)."""
    user = request.user
    given = Appreciation.given_on({casus_id for casus_id, _reaction, _author, _index in args_list})
    return [
        holes.render(
            request,
            "casuses/includes/appreciation.html",
            {
                "buttons": [
                    (
                        kind,
                        label,
                        len(given.get((reaction_id, kind), ())),
                        user.pk in given.get((reaction_id, kind), ()),
                    )
                    for kind, label in Appreciation.Kind.choices
                ],
                "own": author_id == user.pk,
                "action": route_url(index_url, CasusIndexPage, "appreciate", reaction_id),
            },
        )
        for _casus, reaction_id, author_id, index_url in args_list
    ]
