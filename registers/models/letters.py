"""Letters to families: each LA's own templates, and every letter made, kept as it was sent."""

from django.conf import settings
from django.db import models

from registers.models.audit import OutboxMessage
from registers.models.authorities import LocalAuthority
from registers.models.base import BaseModel
from registers.models.cases import RegisterEntry
from registers.models.children import Child
from registers.rules.letters import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, LetterKind


class LetterTemplate(BaseModel):
    """An LA's own text for one kind of letter; a kind without one uses the built-in text."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="letter_templates"
    )
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    # Counts the saves, so that an edit made from a page loaded before someone else saved the
    # template is refused rather than written over theirs.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "kind"], name="one_letter_template_of_a_kind_per_authority"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority_id}: {self.get_kind_display()}"


class Letter(BaseModel):
    """A letter made for a child: its text as filled from the record, and the PDF made of it."""

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="letters")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="letters")
    entry = models.ForeignKey(
        RegisterEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    title = models.CharField(max_length=500)
    body = models.TextField()
    pdf = models.BinaryField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    made_at = models.DateTimeField()
    # Whether a safeguarding value was filled in: such a letter is shown and given only to
    # staff cleared for safeguarding information.
    shows_safeguarding = models.BooleanField(default=False)
    # The email that carried it to the parent, where the parent has an email address.
    email = models.ForeignKey(
        OutboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    emailed_to = models.EmailField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "made_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def file_name(self) -> str:
        """What the PDF is called when downloaded or attached: its kind and day."""
        return f"{self.kind.replace('_', '-')}-{self.made_at:%Y-%m-%d}.pdf"
