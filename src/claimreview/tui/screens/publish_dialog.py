"""The publish form: a rating from the organisation's scale, the claim summary (<= 75 characters, with a
counter), the rating explanation and the language. Checked with the CLI's own checks (publish/editing.py)
before it closes, so what it returns is what `claimreview publish` would accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, TextArea

from claimreview.errors import InputError
from claimreview.publish import editing
from claimreview.publish.claimreview import SUMMARY_LIMIT, line
from claimreview.publish.rating import RatingScale
from claimreview.textsafe import one_line


@dataclass(frozen=True, slots=True)
class PublishForm:
    rating: str  # a rating id of the scale
    summary: str
    explanation: str
    language: str


def rating_options(scale: RatingScale) -> list[tuple[Text, str]]:
    """(shown, id) per rating, the numeric ones with their value: "False (1 of 1..3)"."""
    out: list[tuple[Text, str]] = []
    for rating in scale.ratings:
        where = (
            f" ({rating.value} of {scale.worst}..{scale.best})"
            if rating.value is not None
            else " (off scale)"
        )
        out.append((Text(rating.label + where), rating.key))
    return out


class PublishDialog(ModalScreen[PublishForm | None]):
    """Returns the filled form, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Publish", id="publish.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="publish.cancel"),
    ]

    def __init__(self, claim_text: str, consensus: str, scale: RatingScale, previous: PublishForm) -> None:
        """``previous``: what the form starts with (the default rating for the verdict, or the standing
        publication's choices when publishing again)."""
        super().__init__()
        self.claim_text = claim_text
        self.consensus = consensus
        self.scale = scale
        self.previous = previous

    def compose(self) -> ComposeResult:
        with Vertical(id="publish-dialog", classes="dialog"):
            yield Label(
                Text(f"Publish the review · consensus {self.consensus}", style="bold"), classes="dialog-title"
            )
            yield Label(
                Text(one_line(self.claim_text[:300]), no_wrap=True, overflow="ellipsis"),
                classes="dialog-caption",
            )
            with Horizontal(id="publish-row"):
                select: Select[str] = Select(
                    rating_options(self.scale),
                    prompt="rating…",
                    value=self.previous.rating or Select.NULL,
                    id="publish-rating",
                )
                select.border_title = "Rating"
                yield select
                language = Input(self.previous.language or "en", id="publish-language")
                language.border_title = "Language"
                yield language
            summary = Input(
                self.previous.summary, placeholder="what the claim says, briefly", id="publish-summary"
            )
            summary.border_title = "Summary"
            yield summary
            explanation = TextArea(self.previous.explanation, id="publish-explanation", soft_wrap=True)
            explanation.border_title = "Explanation"
            yield explanation
            yield Label("", id="publish-error")
        yield Footer()

    def on_mount(self) -> None:
        self._count(self.previous.summary)
        self.query_one("#publish-summary", Input).focus()

    @on(Input.Changed, "#publish-summary")
    def _summary_changed(self, event: Input.Changed) -> None:
        self._count(event.value)

    def _count(self, summary: str) -> None:
        length = len(line(summary))
        box = self.query_one("#publish-summary", Input)
        box.border_subtitle = f"{length}/{SUMMARY_LIMIT}"
        box.set_class(length > SUMMARY_LIMIT, "-over")

    def _fail(self, message: str, widget: str) -> None:
        self.query_one("#publish-error", Label).update(Text(one_line(message)))
        self.query_one(widget).focus()

    def action_save(self) -> None:
        rating = self.query_one("#publish-rating", Select).value
        summary = self.query_one("#publish-summary", Input).value
        explanation = self.query_one("#publish-explanation", TextArea).text.strip()
        language = self.query_one("#publish-language", Input).value.strip()
        if not isinstance(rating, str):
            self._fail("Pick a rating: the scale maps none to this verdict.", "#publish-rating")
            return
        try:
            editing.check_summary(summary)
        except InputError as err:
            self._fail(f"Summary {err.reason}.", "#publish-summary")
            return
        try:
            editing.check_language(language)
        except InputError as err:
            self._fail(err.reason, "#publish-language")
            return
        self.dismiss(PublishForm(rating, summary.strip(), explanation, language))

    def action_cancel(self) -> None:
        self.dismiss(None)
