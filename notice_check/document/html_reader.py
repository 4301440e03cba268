"""HTML notices: page chrome removed, the notice body kept as headings, paragraphs, lists and tables.

A published notice sits inside navigation, cookie banners, footers and scripts; none of that is the
notice, and a banner saying "we use cookies to share data with partners" would otherwise become a
claim of the notice. What counts as chrome is data (data/html.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bs4 import BeautifulSoup, NavigableString, Tag
from soupsieve import SelectorSyntaxError

from notice_check.document.builder import Ids, RawBlock
from notice_check.document.resources import load_data
from notice_check.document.text_reader import read_text
from notice_check.document.textutil import clean_inline
from notice_check.errors import InputError

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LISTS = frozenset({"ul", "ol", "menu"})
# Elements that start a new line when rendered: their text never runs into the text around them.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
    "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "menu", "br", "h1", "h2", "h3", "h4", "h5", "h6",
    "option", "noscript",
})
_SECTIONING = ("main", "article", "section")
_PSEUDO_HEADING_MAX_WORDS = 12
_PERMALINK = re.compile(r"^[#¶]\s+|\s*[#¶🔗]$")  # "Storage ¶", "# Storage": anchor links of headings


@cache
def _rules() -> dict:
    data = load_data("html")
    return {
        "drop_tags": frozenset(data["drop_tags"]),
        "page_chrome": frozenset(data["page_chrome_tags"]),
        "drop_roles": frozenset(data["drop_roles"]),
        "banner": re.compile("|".join(f"(?:{p})" for p in data["banner_patterns"]), re.IGNORECASE),
        "vendor": re.compile("|".join(f"(?:{p})" for p in data["banner_vendors"]), re.IGNORECASE),
        "banner_max_chars": int(data["banner_max_chars"]),
        "banner_max_headings": int(data["banner_max_headings"]),
        "responsive": re.compile(data["responsive_show_pattern"]),
        "banner_label": re.compile(data["banner_label_pattern"], re.IGNORECASE),
        "hidden_classes": frozenset(data["hidden_classes"]),
        "hidden_style": re.compile(data["hidden_style_pattern"], re.IGNORECASE),
    }


def _holds_content(el: Tag) -> bool:
    """Whether an element wraps the notice itself (an ASP.NET page-wide <form>, a body class
    "cookie-consent-given"): such elements are never removed as chrome."""
    if el.name in ("html", "body", "main", "article") or el.get("role") == "main":
        return True
    return el.find(["main", "article", "h1"]) is not None or el.find(attrs={"role": "main"}) is not None


def _is_chrome(el: Tag, rules: dict) -> bool:
    name = el.name
    attrs = el.attrs
    if name in rules["drop_tags"]:
        return name not in ("form", "dialog") or not _holds_content(el)
    role = attrs.get("role")
    if isinstance(role, str) and role.lower() in rules["drop_roles"] and not _holds_content(el):
        return True
    if name in rules["page_chrome"]:
        if el.find_parent(_SECTIONING) is None and el.find_parent(attrs={"role": "main"}) is None:
            return not _holds_content(el)
        return False
    if not attrs:
        return False
    classes = attrs.get("class") or []
    hidden = (
        "hidden" in attrs
        or str(attrs.get("aria-hidden", "")).lower() == "true"
        or bool(rules["hidden_style"].search(str(attrs.get("style", ""))))
        or (any(c in rules["hidden_classes"] for c in classes)
            and not any(rules["responsive"].match(c) for c in classes))
    )
    if hidden:
        return not _holds_content(el)
    ident = " ".join([str(attrs.get("id", "")), *classes]).strip()
    if ident and rules["vendor"].search(ident):
        return not _holds_content(el)
    generic = bool(ident and rules["banner"].search(ident)) or bool(
        rules["banner_label"].search(str(attrs.get("aria-label", "")))
    )
    return generic and _short(el, rules) and not _holds_content(el)


def _short(el: Tag, rules: dict) -> bool:
    """Banners are a sentence or two; an element with several headings or pages of text is content."""
    headings = el.find_all(list(HEADINGS), limit=rules["banner_max_headings"] + 1)
    return len(headings) <= rules["banner_max_headings"] and _text_len(el) <= rules["banner_max_chars"]


def _strip_chrome(soup: BeautifulSoup) -> None:
    rules = _rules()
    doomed = [el for el in soup.find_all(True) if _is_chrome(el, rules)]
    for el in doomed:
        if not el.decomposed:
            el.decompose()


def _text_len(el: Tag) -> int:
    return sum(len(s.strip()) for s in el.find_all(string=True))


def _choose_root(soup: BeautifulSoup) -> Tag:
    """<main>, [role=main] or the largest <article>, unless it holds too little of the page to be
    the notice (a <main> wrapping only the title while the text sits beside it)."""
    body = soup.body or soup
    candidates = soup.find_all("main") + soup.find_all(attrs={"role": "main"})
    if not candidates:
        candidates = soup.find_all("article")
    if not candidates:
        return body
    best = max(candidates, key=_text_len)
    total = _text_len(body)
    return best if total == 0 or _text_len(best) >= 0.25 * total else body


def _inline_text(el: Tag, skip: frozenset[str] = frozenset()) -> str:
    """Text of an element as rendered: inline tags run together, block tags break with a space."""
    parts: list[str] = []
    _collect(el, parts, skip, None)
    return clean_inline("".join(parts))


def _collect(el: Tag, parts: list[str], skip: frozenset[str], nested: list[Tag] | None) -> None:
    for child in el.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                parts.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name in skip:
            if nested is not None:
                nested.append(child)
            continue
        if child.name in BLOCK_TAGS:
            parts.append(" ")
            _collect(child, parts, skip, nested)
            parts.append(" ")
        elif child.name != "img":
            _collect(child, parts, skip, nested)


def _heading_level(el: Tag) -> int | None:
    if el.name in HEADINGS:
        return int(el.name[1])
    if el.get("role") == "heading":
        try:
            return max(1, min(6, int(str(el.get("aria-level", "2")))))
        except ValueError:
            return 2
    return None


def _is_layout_table(rows: list[Tag]) -> bool:
    """Tables used for page layout hold headings, nested tables or a single column of prose."""
    max_cells = 0
    for row in rows:
        cells = row.find_all(["td", "th"], recursive=False)
        max_cells = max(max_cells, len(cells))
        for cell in cells:
            if cell.find(["h1", "h2", "h3", "h4", "h5", "h6", "table"]) is not None:
                return True
    return max_cells <= 1


def _pseudo_heading(el: Tag) -> str | None:
    """<p><strong>Where we store data</strong></p> is a heading in all but markup: its text, or None."""
    kids = [c for c in el.children if not (isinstance(c, NavigableString) and not c.strip())]
    if len(kids) != 1 or not isinstance(kids[0], Tag) or kids[0].name not in ("strong", "b"):
        return None
    text = _inline_text(el)
    if not text or len(text.split()) > _PSEUDO_HEADING_MAX_WORDS or text.endswith(tuple(".:;,!?")):
        return None
    return text


class _Walker:
    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.blocks: list[RawBlock] = []
        self.buf: list[str] = []
        self.heading_level = 0  # last real <hN> level, for bold pseudo-headings below it

    # ----------------------------------------------------------------- output
    def flush(self) -> None:
        if not self.buf:
            return
        text = clean_inline("".join(self.buf))
        self.buf.clear()
        if text:
            self.blocks.append(RawBlock("paragraph", text))

    def heading(self, text: str, level: int) -> None:
        text = _PERMALINK.sub("", text)
        if text:
            self.heading_level = level
            self.blocks.append(RawBlock("heading", text, level=level))

    # ----------------------------------------------------------------- walking
    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self.buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            level = _heading_level(child)
            if level is not None:
                self.flush()
                self.heading(_inline_text(child), level)
            elif name in LISTS:
                self.flush()
                self.list(child, depth=1, parent=None, group=None)
            elif name == "li":
                self.flush()
                self.items([child], self.ids.next(), depth=1, parent=None, group=None)
            elif name == "table":
                self.flush()
                self.table(child)
            elif name == "dl":
                self.flush()
                self.definitions(child)
            elif name == "pre":
                self.flush()
                blocks, _title = read_text(child.get_text(), self.ids)
                self.blocks.extend(blocks)
            elif name in ("br", "hr"):
                self.flush()
            elif name in ("p", "div") and (pseudo := _pseudo_heading(child)):
                self.flush()
                level = min(self.heading_level + 1, 6) if self.heading_level else 2
                self.blocks.append(RawBlock("heading", pseudo, level=level))
            elif name in BLOCK_TAGS:
                self.flush()
                self.walk(child)
                self.flush()
            elif name != "img":
                self.walk(child)

    def list(self, el: Tag, depth: int, parent: int | None, group: int | None) -> None:
        list_id = self.ids.next()
        items = [c for c in el.children if isinstance(c, Tag) and c.name == "li"]
        if not items:  # <ul><div><li>...: tolerate a wrapper
            items = el.find_all("li")
            items = [li for li in items if li.find_parent(LISTS) is el]
        self.items(items, list_id, depth, parent, group if group is not None else list_id)

    def items(self, items: list[Tag], list_id: int, depth: int, parent: int | None,
              group: int | None) -> None:
        group = group if group is not None else list_id
        for li in items:
            if li.find(list(HEADINGS)) is not None or li.find(attrs={"role": "heading"}) is not None:
                # a list used to number the sections of the notice: read it as sections
                self.walk(li)
                self.flush()
                continue
            parts: list[str] = []
            nested: list[Tag] = []
            _collect(li, parts, LISTS, nested)
            text = clean_inline("".join(parts))
            here = parent
            if text:
                self.blocks.append(RawBlock("list_item", text, level=depth, list_id=list_id, group=group,
                                            parent=parent))
                here = len(self.blocks) - 1
            for sub in nested:
                self.list(sub, depth + 1, here, group)

    def table(self, table: Tag) -> None:
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        caption = table.find("caption")
        if caption is not None and caption.find_parent("table") is table:
            text = _inline_text(caption)
            if text:
                self.blocks.append(RawBlock("paragraph", text))
        if _is_layout_table(rows):
            for row in rows:
                for cell in row.find_all(["td", "th"], recursive=False):
                    self.walk(cell)
                    self.flush()
            return
        group = self.ids.next()
        for row in rows:
            cells = [_inline_text(c) for c in row.find_all(["td", "th"], recursive=False)]
            text = " | ".join(c for c in cells if c)
            if text:
                self.blocks.append(RawBlock("table_row", text, group=group))

    def definitions(self, dl: Tag) -> None:
        """<dt>Storage</dt><dd>Japan</dd> reads as "Storage: Japan"."""
        term: str | None = None
        term_used = False
        for el in dl.find_all(["dt", "dd"]):
            if el.find_parent("dl") is not dl:
                continue
            text = _inline_text(el)
            if el.name == "dt":
                if term and not term_used:
                    self.blocks.append(RawBlock("paragraph", term))
                term, term_used = text, False
                continue
            if not text:
                continue
            if term:
                sep = " " if term.endswith(tuple(":.?!")) else ": "
                text = f"{term}{sep}{text}"
                term_used = True
            self.blocks.append(RawBlock("paragraph", text))
        if term and not term_used:
            self.blocks.append(RawBlock("paragraph", term))


def read_html(
    text: str,
    ids: Ids | None = None,
    *,
    select: str | None = None,
    remove: Sequence[str] = (),
    source: str = "",
    fragment: bool = False,
) -> tuple[list[RawBlock], str | None]:
    """Blocks of an HTML notice and its title (<title>, else the first <h1>).

    `select` (a CSS selector) names the notice body and `remove` extra chrome, for pages the
    built-in rules get wrong; `fragment` skips the choice of a main element (HTML inside Markdown).
    """
    soup = BeautifulSoup(text, "lxml")
    title = None
    if soup.title is not None:
        title = clean_inline(soup.title.get_text()) or None
    try:
        for css in remove:
            for el in soup.select(css):
                if not el.decomposed:
                    el.decompose()
        root: Tag | None = None
        if select:
            root = soup.select_one(select)
            if root is None:
                raise InputError(f"the selector {select!r} matches nothing in the page",
                                 source=source or None)
    except SelectorSyntaxError as err:
        raise InputError(f"bad CSS selector: {str(err).splitlines()[0]}", source=source or None) from err
    _strip_chrome(soup)
    if root is None or root.decomposed:
        root = (soup.body or soup) if fragment else _choose_root(soup)
    walker = _Walker(ids or Ids())
    walker.walk(root)
    walker.flush()
    if title is None:
        h1 = next((b for b in walker.blocks if b.kind == "heading" and b.level == 1), None)
        title = h1.text if h1 else None
    return walker.blocks, title
