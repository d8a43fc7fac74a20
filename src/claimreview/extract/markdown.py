"""Markdown to plain text with a few predictable line and inline rules (not a full parser).

Blocks: ATX headings ("# Title") lose their markers and stand as paragraphs; setext underlines
and thematic breaks ("---", "***") end a paragraph and are dropped; blockquote markers ("> ")
and list markers ("- ", "* ", "+ ", "1. ") are dropped and every list item is its own paragraph;
fenced code blocks, HTML comments and link reference definitions are dropped; lines of a
paragraph are joined with a space (markdown soft wraps) unless the line ends in two spaces or a
backslash (hard break, kept as a newline). A bold dateline opening a paragraph ("**PARIS, Nov 5**
– Rail unions said ...") becomes a paragraph of its own, so it is not glued to the first sentence.

Inline: images are dropped; "[text](url)" and "[text][ref]" become "text"; "<https://...>"
becomes the URL; emphasis (*, **, _, __, ~~) and code backticks are removed, keeping their
content; backslash escapes yield the character. Raw inline HTML is left as written.
"""

from __future__ import annotations

import re

from claimreview.extract.segment import is_title_line

FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
RULE = re.compile(r"^\s{0,3}(?:=+|-+|(?:\*\s*){3,}|(?:_\s*){3,}|(?:-\s*){3,})\s*$")
QUOTE_MARKER = re.compile(r"^\s{0,3}>\s?")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<])")
PRIVATE_BASE = 0xE000  # escaped characters hide here while emphasis rules run
IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
CODE = re.compile(r"(`+)(.+?)\1")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
EM_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
SPACES = re.compile(r"[ \t]+")
# "**PARIS, Nov 5 (Wire)** – Rail unions said ...": a bold dateline opening a paragraph. Bold marks
# where it ends, which plain text cannot show, so it becomes a line of its own.
BOLD_DATELINE = re.compile(r"^\s{0,3}(\*\*|__)(?=[A-Z])([^*_\n]{2,80}?)\1\s*([-–—]{1,2}|:)\s+(?=\S)")


RESTORE = {PRIVATE_BASE + i: i for i in range(128)}


def inline_to_text(line: str) -> str:
    # Each rule runs only when its marker character is on the line: most lines have none.
    escaped = "\\" in line
    if escaped:
        line = ESCAPE.sub(lambda m: chr(PRIVATE_BASE + ord(m.group(1))), line)
    if "[" in line:
        line = IMAGE.sub("", line)
        line = LINK.sub(r"\1", line)
        line = REF_LINK.sub(r"\1", line)
    if "<" in line:
        line = AUTOLINK.sub(r"\1", line)
    if "`" in line:
        line = CODE.sub(lambda m: m.group(2).strip(), line)
    if "*" in line or "_" in line:
        line = STRONG.sub(r"\2", line)
        line = EM_STAR.sub(r"\1", line)
        line = EM_UNDERSCORE.sub(r"\1", line)
    if "~~" in line:
        line = STRIKE.sub(r"\1", line)
    if escaped:
        line = line.translate(RESTORE)
    # Single spaces are left as they are: only tabs and runs of spaces need the regex.
    return (SPACES.sub(" ", line) if "\t" in line or "  " in line else line).strip()


def markdown_to_text(body: str) -> tuple[str, str | None, tuple[tuple[int, int], ...]]:
    """The plain text of a markdown body, its first level-1 heading if any, and caption spans.

    A caption is the paragraph right under a line holding only an image.
    """
    paragraphs: list[str] = []
    caption_at: set[int] = set()
    current: list[str] = []
    hard_break = False
    title: str | None = None
    in_fence = False
    after_image = False

    def flush() -> None:
        nonlocal hard_break, after_image
        text = "".join(current).strip()
        current.clear()
        hard_break = False
        if text:
            if after_image:
                caption_at.add(len(paragraphs))
            after_image = False
            paragraphs.append(text)

    for line in COMMENT.sub("", body).split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            flush()
            continue
        if in_fence or REFERENCE_DEFINITION.match(line):
            continue
        while QUOTE_MARKER.match(line):
            line = QUOTE_MARKER.sub("", line, count=1)
        if not line.strip() or RULE.match(line):
            flush()
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            after_image = False
            text = inline_to_text(heading.group(2))
            if text:
                paragraphs.append(text)
                if title is None and len(heading.group(1)) == 1:
                    title = text
            continue
        if LIST_MARKER.match(line):
            flush()
            line = LIST_MARKER.sub("", line, count=1)
        dateline = BOLD_DATELINE.match(line) if not current else None
        if dateline:
            flush()
            after_image = False  # a dateline opens the story's prose, not a caption
            paragraphs.append(inline_to_text(dateline.group(2)) + " " + dateline.group(3))
            line = line[dateline.end() :]
        text = inline_to_text(line)
        if not text:
            if "![" in line and IMAGE.search(line):
                flush()
                after_image = True
            continue
        if len(current) == 1 and not hard_break and is_title_line(current[0], text):
            # A headline glued to the first paragraph by a single newline is a paragraph of its own.
            flush()
        if current:
            current.append("\n" if hard_break else " ")
        current.append(text)
        hard_break = line.endswith(("  ", "\\"))
        if line.endswith("\\") and text.endswith("\\"):
            current[-1] = text[:-1].rstrip()
    flush()
    captions: list[tuple[int, int]] = []
    pos = 0
    for i, paragraph in enumerate(paragraphs):
        if i in caption_at:
            captions.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return "\n\n".join(paragraphs), title, tuple(captions)
