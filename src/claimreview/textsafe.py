"""Make untrusted article text safe to show in a terminal (pure)."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, plus DEL: these can move the cursor, change colours
# or retitle the terminal when printed raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\n\t\r":
        return " "
    code = ord(char)
    # Control Pictures block shows C0 controls as visible glyphs (e.g. ESC -> ␛).
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str) -> str:
    """Control characters replaced by visible symbols; newlines and tabs kept."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """Like ``printable`` but on one line: newlines and tabs become spaces."""
    return _CONTROL_OR_NEWLINE.sub(_visible, text)


# Bidi embeddings and overrides (U+202A-202E), isolates (U+2066-2069) and the invisible marks
# (LRM, RLM, ALM). An override can make "\u202egnp.exe" display as "exe.png"; an unclosed embedding
# or isolate reorders whatever follows it on the page. Direction of untrusted text is set by the
# markup around it (``dir="auto"``, ``<bdi>``), never by characters inside it.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def without_bidi_controls(text: str) -> str:
    """``text`` with every bidi embedding, override, isolate and mark removed.

    Removing (not replacing with a visible sign) shows the characters in the order they are stored,
    which is the order a reader must see to judge them; the marks carry no letters of their own.
    """
    if text.isascii():
        return text
    return _BIDI.sub("", text)
