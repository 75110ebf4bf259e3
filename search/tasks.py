"""Background work of the search app: recomputing documents, run through django-tasks.

With the default ImmediateBackend it runs in-process at once; in production a worker runs it.
"""

from django_tasks import task


@task()
def update_documents(refs: list[str]) -> dict:
    from .indexing import reindex

    return reindex(refs)


def schedule(refs) -> None:
    refs = sorted(set(refs))
    if refs:
        update_documents.enqueue(refs)
