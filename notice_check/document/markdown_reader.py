"""Markdown notices, read from markdown-it-py tokens (CommonMark plus tables).

Emphasis and links are reduced to their text; HTML blocks go through the HTML reader and code
blocks through the plain-text reader, so every part of the file lands in the same kind of blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from notice_check.document.builder import Ids, RawBlock
from notice_check.document.html_reader import read_html
from notice_check.document.text_reader import read_text
from notice_check.document.textutil import clean_inline

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:[ \t]*(?P<title>.+?)[ \t]*$", re.MULTILINE)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_GLYPH_BULLET = re.compile(r"^\s*[•●○◦▪▫■□◆◇►▸‣⁃∙·・]\s*")


def _lines(token: Token) -> list[str]:
    """An inline token's text split at its line breaks (soft or hard)."""
    lines: list[str] = [""]
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            lines[-1] += child.content
        elif child.type in ("softbreak", "hardbreak"):
            lines.append("")
    return lines


def _glyph_list(token: Token) -> tuple[str, list[str]] | None:
    """A paragraph that is really a list written with glyph bullets ("● to store your login state;" on
    lines joined by hard breaks), as CommonMark does not know "●": (lead-in text, items), else None."""
    lines = [line for line in _lines(token) if line.strip()]
    bullets = [i for i, line in enumerate(lines) if _GLYPH_BULLET.match(line)]
    if len(bullets) < 2 or bullets != list(range(bullets[0], len(lines))):
        return None
    lead = clean_inline(" ".join(lines[: bullets[0]]))
    return lead, [clean_inline(_GLYPH_BULLET.sub("", lines[i], count=1)) for i in bullets]


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return clean_inline("".join(parts))


@dataclass
class _Item:
    list_id: int
    depth: int
    group: int
    parent: int | None
    parts: list[str] = field(default_factory=list)
    index: int | None = None  # block index once emitted


def read_markdown(text: str, ids: Ids | None = None) -> tuple[list[RawBlock], str | None]:
    """Blocks of a Markdown notice and its title (front matter `title:`, else the first # heading)."""
    ids = ids or Ids()
    title: str | None = None
    fm = _FRONT_MATTER.match(text)
    if fm:
        m = _FM_TITLE.search(fm.group("body"))
        if m:
            title = m.group("title").strip("'\"") or None
        text = text[fm.end() :]
    blocks: list[RawBlock] = []
    lists: list[tuple[int, int]] = []  # open lists: (list_id, group)
    items: list[_Item] = []  # open list items, innermost last
    row: list[str] | None = None
    table_group: int | None = None

    def emit_item(item: _Item) -> None:
        txt = clean_inline(" ".join(item.parts))
        item.parts.clear()
        if txt:
            blocks.append(RawBlock("list_item", txt, level=item.depth, list_id=item.list_id, group=item.group,
                                   parent=item.parent))
            item.index = len(blocks) - 1

    tokens = _parser().parse(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            txt = _inline(tokens[i + 1])
            if txt:
                blocks.append(RawBlock("heading", txt, level=int(tok.tag[1])))
                if title is None and tok.tag == "h1":
                    title = txt
            i += 3
            continue
        if t == "inline":
            txt = _inline(tok)
            if row is not None:
                row.append(txt)
            elif items:
                items[-1].parts.append(txt)
            elif (glyphs := _glyph_list(tok)) is not None:
                lead, entries = glyphs
                if lead:
                    blocks.append(RawBlock("paragraph", lead))
                list_id, group = ids.next(), ids.next()
                blocks.extend(RawBlock("list_item", e, level=1, list_id=list_id, group=group) for e in entries if e)
            elif txt:
                blocks.append(RawBlock("paragraph", txt))
        elif t in ("bullet_list_open", "ordered_list_open"):
            if items:  # a nested list: its parent item's text comes first
                outer = items[-1]
                if outer.parts:
                    emit_item(outer)
                group = outer.group
            else:
                group = ids.next()
            lists.append((ids.next(), group))
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            list_id, group = lists[-1]
            depth = len(lists)
            parent = None
            if items:
                outer = items[-1]
                parent = outer.index if outer.index is not None else outer.parent
            items.append(_Item(list_id, depth, group, parent))
        elif t == "list_item_close":
            item = items.pop()
            if item.parts:
                if item.index is not None:  # text after a nested list: a further item of the same list
                    item.index = None
                emit_item(item)
        elif t == "table_open":
            table_group = ids.next()
        elif t == "tr_open":
            row = []
        elif t == "tr_close":
            txt = " | ".join(c for c in (row or []) if c)
            if txt:
                blocks.append(RawBlock("table_row", txt, group=table_group))
            row = None
        elif t in ("fence", "code_block"):
            blocks.extend(read_text(tok.content, ids)[0])
        elif t == "html_block":
            blocks.extend(read_html(tok.content, ids, fragment=True)[0])
        i += 1
    return blocks, title
