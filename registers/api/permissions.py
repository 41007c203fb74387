"""What a token may do: each view names the one scope it needs, and a view that names none
lets no one in."""

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from registers.models import ApiScope, ApiToken

# The schema (the list of routes) is readable with a token of any scope.
ANY_SCOPE = "any"
SCOPE_MISSING = "This token may not do this: it needs the {scope} scope"


class ScopeRequired(BasePermission):
    def has_permission(self, request: Request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            # DRF answers 401 for a request with no token, not 403.
            return False
        scope = getattr(view, "required_scope", None)
        if scope == ANY_SCOPE:
            return True
        if scope not in ApiScope.values:
            return False
        if scope not in token.scopes:
            self.message = SCOPE_MISSING.format(scope=scope)
            return False
        return True
