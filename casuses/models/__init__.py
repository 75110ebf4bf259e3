"""The casus app's models, for Django and for other modules: the casus, its reactions, drafts and the
anonymity-check task (``casus.py``), and the index page with the routes of /casussen/ (``index.py``)."""

from .casus import (  # noqa: F401 - re-exported
    AGE_BANDS,
    PER_PAGE,
    AnonymityCheckTask,
    Appreciation,
    CasusDraft,
    CasusPage,
    CasusTag,
    Reaction,
    ReactionReport,
    ReactionVersion,
)
from .index import CasusIndexPage, ensure_index  # noqa: F401 - re-exported
