"""Bidi controls in untrusted text: an override must not make "gnp.exe" read as "exe.png"."""

from __future__ import annotations

from claimreview.textsafe import BIDI_CONTROLS, without_bidi_controls


def test_every_override_embedding_isolate_and_mark_is_removed() -> None:
    assert len(BIDI_CONTROLS) == 12
    assert without_bidi_controls("photo \u202egnp.exe") == "photo gnp.exe"
    assert without_bidi_controls(
        "a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl"
    ) == ("abcdefghijkl")


def test_text_without_controls_is_unchanged() -> None:
    for text in ("plain words", "محطة التحلية", "שלום עולם", "naïve café", ""):
        assert without_bidi_controls(text) == text
