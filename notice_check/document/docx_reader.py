"""Word (.docx) notices, read with python-docx: headings from heading styles (or outline levels), lists
from numbered / bulleted paragraphs, tables row by row, in document order.

Legal teams write notices in Word and publish them as exported files; reading the styles (not the
look) gives the same blocks the HTML and Markdown readers give, so sections and list intros match.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from notice_check.document.builder import Ids, RawBlock
from notice_check.document.textutil import clean_inline
from notice_check.errors import InputError

_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list(?:\s+(?:bullet|number|continue|paragraph))?(?:\s+(\d))?$", re.IGNORECASE)
_PSEUDO_HEADING_MAX_WORDS = 12
_TERMINAL = tuple(".,;:!?。、！？：；")


def _style_chain(style: Any) -> list[Any]:
    chain = []
    while style is not None and len(chain) < 10:  # based-on loops exist in damaged files
        chain.append(style)
        style = style.base_style
    return chain


def _outline_level(p_pr: Any) -> int | None:
    if p_pr is None:
        return None
    vals = p_pr.xpath("./w:outlineLvl/@w:val")
    if vals and vals[0].isdigit() and int(vals[0]) < 9:  # 9 means "body text"
        return int(vals[0]) + 1
    return None


def _heading_level(paragraph: Any) -> int | None:
    """0 for a Title, n for Heading n (by name or outline level, on the paragraph or its styles)."""
    direct = _outline_level(paragraph._p.pPr)
    if direct is not None:
        return direct
    for style in _style_chain(paragraph.style):
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 0
        m = _HEADING_NAME.match(name)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element.pPr)
        if level is not None:
            return level
    return None


def _list_info(paragraph: Any) -> tuple[int, int] | None:
    """(numbering id, depth from 1) of a list paragraph: direct numbering, numbering from its style,
    or a "List ..." style."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    chain = _style_chain(paragraph.style)
    if num_pr is None:
        for style in chain:
            s_pr = style.element.pPr
            if s_pr is not None and s_pr.numPr is not None:
                num_pr = s_pr.numPr
                break
    named = next((m for s in chain if (m := _LIST_NAME.match((s.name or "").strip()))), None)
    named_depth = int(named.group(1) or 1) if named else 1
    if num_pr is not None:
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        if num_id:  # numId 0 switches numbering off
            # "List Bullet 2" carries a numbering without a level: the level is in the style's name
            depth = int(num_pr.ilvl.val) + 1 if num_pr.ilvl is not None else named_depth
            return int(num_id), depth
        return None
    return (-1, named_depth) if named else None


def _all_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    for run in runs:
        bold = run.bold
        if bold is None:
            bold = next((s.font.bold for s in _style_chain(run.style) if s.font.bold is not None), None)
        if bold is None:
            bold = next((s.font.bold for s in _style_chain(paragraph.style) if s.font.bold is not None), None)
        if not bold:
            return False
    return True


def _pseudo_heading(paragraph: Any, text: str) -> bool:
    """A short bold line without final punctuation: the heading of a notice written without styles."""
    return (
        len(text.split()) <= _PSEUDO_HEADING_MAX_WORDS
        and not text.endswith(_TERMINAL)
        and _all_bold(paragraph)
    )


def _open(data: bytes, source: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"not a valid .docx file ({detail})", source=source) from None
    except Exception as err:  # lxml and zip errors of damaged files have many types
        raise InputError(f"not a valid .docx file ({type(err).__name__})", source=source) from None


def _cell_text(cell: Any) -> str:
    return clean_inline(" ".join(p.text for p in cell.paragraphs))


def read_docx(data: bytes, ids: Ids | None = None, *, source: str = "<docx>") -> tuple[list[RawBlock], str | None]:
    """Blocks of a .docx notice and its title (document property, else the first top heading).

    Raises InputError for a file that is not a Word document.
    """
    from docx.table import Table

    ids = ids or Ids()
    document = _open(data, source)
    blocks: list[RawBlock] = []
    has_title_style = False
    deepest = 0  # deepest styled heading level seen: bold pseudo-headings sit one below it
    list_state: dict[str, Any] = {"group": None, "ids": {}, "parents": []}

    def close_list() -> None:
        list_state.update(group=None, ids={}, parents=[])

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            close_list()
            group = ids.next()
            for row in item.rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(_cell_text(cell))
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(RawBlock("table_row", text, group=group))
            continue
        text = clean_inline(item.text)
        if not text:
            continue
        level = _heading_level(item)
        if level is not None:
            close_list()
            if level == 0:
                has_title_style = True
            shifted = level + (1 if has_title_style else 0) if level else 1
            deepest = max(deepest, shifted)
            blocks.append(RawBlock("heading", text, level=min(shifted, 6)))
            continue
        info = _list_info(item)
        if info is not None:
            num_id, depth = info
            if list_state["group"] is None:
                list_state["group"] = ids.next()
            parents: list[int] = list_state["parents"]  # block index of the last item per depth
            del parents[depth:]
            key = f"{num_id}:{depth}"
            if key not in list_state["ids"] or len(parents) < depth:
                list_state["ids"][key] = ids.next()
            # deeper lists restart when their parent changes
            for other in [k for k in list_state["ids"] if int(k.split(":")[1]) > depth]:
                del list_state["ids"][other]
            parent = parents[depth - 2] if depth >= 2 and len(parents) >= depth - 1 else None
            blocks.append(RawBlock("list_item", text, level=depth, list_id=list_state["ids"][key],
                                   group=list_state["group"], parent=parent))
            while len(parents) < depth:
                parents.append(len(blocks) - 1)
            parents[depth - 1] = len(blocks) - 1
            continue
        close_list()
        if _pseudo_heading(item, text):
            blocks.append(RawBlock("heading", text, level=min(deepest + 1, 6)))
            continue
        blocks.append(RawBlock("paragraph", text))
    title = clean_inline(document.core_properties.title or "") or None
    if title is None:
        title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    return blocks, title
