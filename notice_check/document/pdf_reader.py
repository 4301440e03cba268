"""PDF notices, read from the text layer with pypdf: lines with their position, size and font, regrouped
into headings (larger or bold short lines), paragraphs (by the vertical gaps between lines) and bulleted
lists (by their markers and indents).

A PDF has no paragraphs, only positioned lines; re-flowing them matters because a sentence wrapped over
three lines must reach the extractor as one sentence, and a heading must give the section path. A PDF
without any text (a scan) is refused with a clear message rather than read as an empty notice.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from notice_check.document.builder import Ids, RawBlock
from notice_check.document.textutil import clean_inline
from notice_check.errors import InputError

_BULLET = re.compile(
    r"^(?P<marker>[•●○◦▪▫■□◆◇►▸‣⁃∙·・\-–*]|\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z][.)])\s+(?P<rest>\S.*)$"
)
_SYMBOL_BULLET = re.compile(r"^[•●○◦▪▫■□◆◇►▸‣⁃∙·・\-–*]$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_TERMINAL = tuple(".,;:!?。、！？：；")
_SENTENCE_END = tuple(".!?。！？:")
_MAX_HEADING_WORDS = 14
_HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
_GAP_RATIO = 1.3  # a gap this much larger than the usual line step starts a new block


@dataclass
class _Line:
    page: int
    x: float
    y: float
    size: float
    bold: bool
    text: str


def _is_bold(font: Any) -> bool:
    name = str(font.get("/BaseFont", "")) if font else ""
    return bool(re.search(r"bold|black|heavy|semibold|demi", name, re.IGNORECASE))


def _page_lines(page: Any, number: int) -> list[_Line]:
    """pypdf's own text of the page (its spacing and line breaks), each line tagged with the position,
    size and weight of its first visible piece."""
    lines: list[_Line] = []
    parts: list[str] = []
    meta: dict[str, Any] = {}

    def close() -> None:
        text = clean_inline("".join(parts))
        if text and meta:
            lines.append(_Line(number, meta["x"], meta["y"], meta["size"], meta["bold"], text))
        parts.clear()
        meta.clear()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                close()
            if not piece:
                continue
            parts.append(piece)
            if not piece.strip():
                continue
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
            eff = float(size) * scale
            if not meta:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                meta.update(x=x, y=y, size=eff, bold=_is_bold(font))
            else:
                meta["size"] = max(meta["size"], eff)
                meta["bold"] = meta["bold"] and _is_bold(font)

    page.extract_text(visitor_text=visit)
    close()
    return lines


def _open(data: bytes, source: str) -> Any:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # recoverable damage is logged as warnings
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF is protected by a password", source=source)
        _ = len(reader.pages)
    except InputError:
        raise
    except Exception as err:  # pypdf reports damage with many exception types
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"not a valid .pdf file ({detail})", source=source) from None
    return reader


def _heading_like(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_HEADING_WORDS
        and not text.endswith(_TERMINAL)
        and any(c.isalpha() for c in text)
        and not ((m := _BULLET.match(text)) and _SYMBOL_BULLET.match(m.group("marker")))
    )


def _join(previous: str, line: str) -> str:
    """A wrapped line continues the text: a word broken after its hyphen ("end-" / "to-end") joins
    without a space."""
    if re.search(r"\w-$", previous):
        return previous + line
    return f"{previous} {line}"


def read_pdf(data: bytes, ids: Ids | None = None, *, source: str = "<pdf>") -> tuple[list[RawBlock], str | None]:
    """Blocks of a PDF notice and its title (document information, else the first top heading).

    Raises InputError for a damaged or password-protected file, or one without a text layer.
    """
    ids = ids or Ids()
    reader = _open(data, source)
    lines: list[_Line] = []
    try:
        for number, page in enumerate(reader.pages):
            lines.extend(line for line in _page_lines(page, number) if not _PAGE_NUMBER.match(line.text))
    except Exception as err:
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"cannot read the PDF text ({detail})", source=source) from None
    if not lines:
        raise InputError("PDF has no text layer (scanned image?)", source=source)

    sizes = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    steps = Counter(
        round(a.y - b.y, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and a.y > b.y
    )
    step = steps.most_common(1)[0][0] if steps else body * 1.2
    heading_sizes = sorted({round(ln.size, 1) for ln in lines if ln.size >= body * _HEADING_RATIO}, reverse=True)

    def heading_level(line: _Line) -> int | None:
        if not _heading_like(line.text):
            return None
        size = round(line.size, 1)
        if size in heading_sizes:
            return min(heading_sizes.index(size) + 1, 6)
        if line.bold:
            return min(len(heading_sizes) + 1, 6)
        return None

    blocks: list[RawBlock] = []
    bullet_x: list[float] = []  # x of the markers of the open list, by depth
    list_ids: list[int] = []
    last_item: list[int] = []
    group: int | None = None
    current: RawBlock | None = None  # the block that a wrapped line may continue
    previous: _Line | None = None
    item_text_x: float | None = None

    def close_list() -> None:
        nonlocal group
        bullet_x.clear()
        list_ids.clear()
        last_item.clear()
        group = None

    for line in lines:
        gap_break = True
        if previous is not None:
            if line.page == previous.page:
                gap_break = previous.y - line.y > step * _GAP_RATIO or line.y > previous.y
            else:  # a new page: the paragraph goes on unless the last one ended a sentence
                gap_break = current is None or current.text.endswith(_SENTENCE_END)
        level = heading_level(line)
        same_heading = (
            level is not None and current is not None and current.kind == "heading" and current.level == level
            and not gap_break and previous is not None and previous.page == line.page
        )
        if same_heading and current is not None:  # a heading wrapped over two lines
            current.text = _join(current.text, line.text)
        elif level is not None and (gap_break or current is None or current.kind == "heading"
                                    or round(line.size, 1) in heading_sizes):
            close_list()
            current = RawBlock("heading", line.text, level=level)
            blocks.append(current)
        elif (bullet := _BULLET.match(line.text)) and (
            _SYMBOL_BULLET.match(bullet.group("marker")) or gap_break or (current and current.kind == "list_item")
        ):
            while bullet_x and line.x < bullet_x[-1] - 2:
                bullet_x.pop()
                list_ids.pop()
                last_item.pop()
            if not bullet_x or line.x > bullet_x[-1] + 2:
                if group is None:
                    group = ids.next()
                bullet_x.append(line.x)
                list_ids.append(ids.next())
                last_item.append(-1)
            depth = len(bullet_x)
            parent = last_item[-2] if depth >= 2 and last_item[-2] >= 0 else None
            current = RawBlock("list_item", bullet.group("rest"), level=depth, list_id=list_ids[-1], group=group,
                               parent=parent)
            blocks.append(current)
            last_item[-1] = len(blocks) - 1
            item_text_x = None
        elif current is not None and current.kind == "list_item" and not gap_break and bullet_x:
            if item_text_x is None:
                item_text_x = line.x
            current.text = _join(current.text, line.text)
        elif current is not None and current.kind == "paragraph" and not gap_break:
            current.text = _join(current.text, line.text)
        elif (current is not None and current.kind == "list_item" and bullet_x and line.x > bullet_x[-1] + 2
              and (item_text_x is None or abs(line.x - item_text_x) < 2)):
            current.text = _join(current.text, line.text)  # a further paragraph of the item, indented
        else:
            close_list()
            current = RawBlock("paragraph", line.text)
            blocks.append(current)
        previous = line

    for block in blocks:
        block.text = clean_inline(block.text)
    title = None
    with_info = getattr(reader, "metadata", None)
    if with_info is not None and with_info.title:
        title = clean_inline(str(with_info.title)) or None
    if title is None:
        title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    return blocks, title
