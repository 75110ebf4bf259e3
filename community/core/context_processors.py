from community.core import access


def membership(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    access.load_permissions(user)
    return {"is_member": access.is_member(user)}
