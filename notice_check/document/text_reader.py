"""Plain-text notices: paragraphs, headings and lists recovered from layout conventions.

Text notices (and <pre> blocks) mark structure with blank lines, numbered or ALL-CAPS headings,
short title lines and bullet characters; this reader turns those conventions into blocks. Heading
levels follow the order in which heading styles first appear (as reStructuredText does), so a
document that starts with an ALL-CAPS title and uses "1." / "1.1" below it nests as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notice_check.document.builder import Ids, RawBlock
from notice_check.document.textutil import clean_inline

_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[•●○◦▪▫■□◆◇►▸‣⁃∙·・\-–*+]|\d{1,3}[.)]|\(\d{1,3}\)|\([a-zA-Z]{1,4}\)"
    r"|[a-z][.)]|[ivx]{1,4}[.)])[ \t]+(?P<rest>\S.*)$"
)
_NUMBERED_MARKER = re.compile(r"^\d{1,3}[.)]$")
_DOTTED_HEADING = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+(?P<rest>\S.*)$")
_UNDERLINE = re.compile(r"^[ \t]*([=\-~*#_])\1{2,}[ \t]*$")
_TERMINAL = tuple(".,;:!?。、！？：；")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 80


def _words(text: str) -> int:
    n = len(text.split())
    # scripts without spaces: count characters instead (a 40-character Japanese line is long)
    return n if n > 1 or len(text) < 20 else len(text) // 4


def _starts_capital(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper() or not ch.islower()  # capital, or a script without case
        if ch.isdigit():
            return True
    return False


def _heading_like(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= _MAX_HEADING_CHARS
        and _words(text) <= _MAX_HEADING_WORDS
        and not text.endswith(_TERMINAL)
        and _starts_capital(text)
    )


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cased = [c for c in letters if c.isupper() or c.islower()]
    return len(cased) >= 3 and all(c.isupper() for c in cased)


@dataclass
class _Open:
    indent: int
    list_id: int
    depth: int
    last_item: int | None = None


@dataclass
class _State:
    ids: Ids
    blocks: list[RawBlock] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    lists: list[_Open] = field(default_factory=list)  # open (nested) lists, innermost last
    group: int | None = None
    numbered_items: set[int] = field(default_factory=set)  # blocks that came from "1." markers
    title: bool = False

    def heading(self, text: str, style: str) -> None:
        self.close_lists()
        self.blocks.append(RawBlock("heading", text, level=self.level(style)))

    def level(self, style: str) -> int:
        """Level of a heading style: a leading unnumbered heading is the title (1); numbered
        headings nest by their depth; other styles sit at the top section level, or one below it
        when ALL-CAPS or underlined headings already mark the top sections."""
        if not self.blocks and not style.startswith("num"):
            self.title = True
            return 1
        base = 2 if self.title else 1
        major_seen = bool({"caps", "under="} & set(self.styles))
        if style not in self.styles:
            self.styles.append(style)
        if style.startswith("num"):
            return min(base + int(style[3:]) - 1, 6)
        if style == "under-":
            return base + 1 if "under=" in self.styles else base
        if style == "plain":
            return base + 1 if major_seen else base
        return base

    def paragraph(self, text: str) -> None:
        text = clean_inline(text)
        if text:
            self.close_lists()
            self.blocks.append(RawBlock("paragraph", text))

    def close_lists(self) -> None:
        self.lists.clear()
        self.group = None

    def item(self, indent: int, text: str, numbered: bool) -> None:
        text = clean_inline(text)
        if not text:
            return
        while self.lists and indent < self.lists[-1].indent:
            self.lists.pop()
        if not self.lists or indent > self.lists[-1].indent:
            parent = self.lists[-1].last_item if self.lists else None
            depth = self.lists[-1].depth + 1 if self.lists else 1
            self.lists.append(_Open(indent, self.ids.next(), depth))
            if self.group is None:
                self.group = self.lists[-1].list_id
            opened = self.lists[-1]
            opened_parent = parent
        else:
            opened = self.lists[-1]
            opened_parent = self.blocks[opened.last_item].parent if opened.last_item is not None else None
        self.blocks.append(RawBlock("list_item", text, level=opened.depth, list_id=opened.list_id,
                                    group=self.group, parent=opened_parent))
        opened.last_item = len(self.blocks) - 1
        if numbered:
            self.numbered_items.add(opened.last_item)

    def extend_item(self, text: str) -> None:
        last = self.blocks[-1]
        last.text = clean_inline(f"{last.text} {text}")


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    cur: list[str] = []
    for line in text.splitlines():
        if line.strip():
            cur.append(line.rstrip())
        elif cur:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    return chunks


def read_text(text: str, ids: Ids | None = None) -> tuple[list[RawBlock], str | None]:
    """Blocks of a plain-text notice and its title (the first line when it reads as a heading)."""
    st = _State(ids or Ids())
    chunks = _chunks(text)
    for ci, lines in enumerate(chunks):
        next_chunk = chunks[ci + 1] if ci + 1 < len(chunks) else None
        i = 0
        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            following = lines[i + 1] if i + 1 < len(lines) else None
            later = following if following is not None else (next_chunk[0] if next_chunk else None)

            # "Title" over "=====": a setext heading
            if following is not None and _UNDERLINE.match(following) and _heading_like(stripped):
                st.heading(clean_inline(stripped), "under" + following.strip()[0])
                i += 2
                continue
            if _UNDERLINE.match(line):  # a separator line
                i += 1
                continue

            dotted = _DOTTED_HEADING.match(stripped)
            if dotted and _heading_like(dotted.group("rest")) and later is not None:
                st.heading(clean_inline(stripped), f"num{dotted.group('num').count('.') + 1}")
                i += 1
                continue

            bullet = _BULLET.match(line)
            if bullet:
                marker, rest = bullet.group("marker"), bullet.group("rest").strip()
                numbered = bool(_NUMBERED_MARKER.match(marker))
                if numbered and _is_numbered_heading(st, rest, later):
                    st.heading(clean_inline(stripped), "num1")
                    i += 1
                    continue
                indent = len(bullet.group("indent").expandtabs(4))
                parts = [rest]
                i += 1
                while i < len(lines) and not _BULLET.match(lines[i]) and _continues(lines[i], parts[-1]):
                    parts.append(lines[i].strip())
                    i += 1
                st.item(indent, " ".join(parts), numbered)
                continue

            if st.lists and line[:1].isspace() and st.blocks and st.blocks[-1].kind == "list_item":
                st.extend_item(stripped)  # an indented paragraph of the last item
                i += 1
                continue

            if _all_caps(stripped) and _heading_like(stripped) and later is not None:
                st.heading(clean_inline(stripped), "caps")
                i += 1
                continue
            if _is_title_line(stripped, following, next_chunk, at_start=i == 0):
                st.heading(clean_inline(stripped), "plain")
                i += 1
                continue

            parts = [stripped]
            i += 1
            while i < len(lines) and not _BULLET.match(lines[i]) and not _UNDERLINE.match(lines[i]):
                parts.append(lines[i].strip())
                i += 1
            st.paragraph(" ".join(parts))
    title = st.blocks[0].text if st.blocks and st.blocks[0].kind == "heading" else None
    return st.blocks, title


def _continues(line: str, previous: str) -> bool:
    """Whether a line without a bullet continues the list item above it (a wrapped line)."""
    if line[:1].isspace():
        return True
    stripped = line.strip()
    return not previous.endswith(_TERMINAL) and stripped[:1].islower()


def _is_numbered_heading(st: _State, rest: str, later: str | None) -> bool:
    """ "6. Where we store data" followed by prose is a heading; "1. Japan" in a run of items is not."""
    if not _heading_like(rest) or later is None:
        return False
    nxt = _BULLET.match(later)
    if nxt and _NUMBERED_MARKER.match(nxt.group("marker")):
        return False
    if st.blocks:
        prev = st.blocks[-1]
        if len(st.blocks) - 1 in st.numbered_items or prev.text.endswith((":", "：")):
            return False
    return True


def _is_title_line(line: str, following: str | None, next_chunk: list[str] | None, at_start: bool) -> bool:
    """A short line without final punctuation that is followed by a paragraph."""
    if not at_start or not _heading_like(line) or _words(line) > 10:
        return False
    if ":" in line or line[-1].isdigit():
        return False  # "Last updated 1 March 2024", "Contact: privacy@example.com"
    if following is not None:
        nxt = following.strip()
        return _starts_capital(nxt) and not _BULLET.match(following) and len(nxt) > len(line)
    return next_chunk is not None
