from django.db.models import QuerySet

from registers.errors import ApplicationError
from registers.models import LocalAuthority


def local_authority_get_by_number(*, dfe_number: str) -> LocalAuthority:
    """The English LA with this DfE number (e.g. 878 for Devon)."""
    authority = LocalAuthority.objects.filter(dfe_number=dfe_number.strip()).first()
    if authority is None:
        raise ApplicationError(
            {
                "local_authority": [
                    f"Local authority number {dfe_number} is not an English local authority "
                    "– enter a 3-digit DfE number, like 878"
                ]
            }
        )
    return authority


def hosted_authorities() -> QuerySet[LocalAuthority]:
    """The authorities whose registers this deployment keeps."""
    return LocalAuthority.objects.filter(hosted=True)
