from . import access


def membership(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"is_member": access.is_member(user)}
