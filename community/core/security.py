"""Security headers: a strict Content-Security-Policy for the site, a relaxed one for the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIXES = ("/cms/",)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp 4's middleware; under /cms/ it sends ADMIN_CONTENT_SECURITY_POLICY instead.

    The site's templates carry no inline script or style, so its policy allows scripts and styles from
    our own origin only. Wagtail's admin still needs inline styles and scripts; its users are staff
    with MFA, and the admin's pages never show user-submitted HTML unescaped.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class PermissionsPolicyMiddleware:
    """The site uses no camera, microphone, location or payments: browsers refuse them to every frame."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
