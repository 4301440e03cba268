"""Turn the blocks a reader found into a Document: one text, exact offsets, heading paths, sentences.

Readers (HTML, Markdown, plain text) only say what the blocks are; everything that depends on the
final text (offsets, sections, list intros, the sentences the extractor reads) is decided here once,
so that the three formats behave alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notice_check.document.sentences import split_sentences
from notice_check.models import Block, BlockKind, Document, Sentence


@dataclass
class RawBlock:
    """A block as a reader found it, before it has a place in the document text."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level, or list depth (1 = top-level list)
    list_id: int | None = None
    group: int | None = None  # blocks of one group (a list and its sublists, a table) join with "\n"
    parent: int | None = None  # list items of a nested list: index of the parent item in the block list


@dataclass
class Ids:
    """Ids for lists and groups, shared by the readers of one document (HTML may embed plain text)."""

    last: int = 0

    def next(self) -> int:
        self.last += 1
        return self.last


@dataclass
class _List:
    items: list[int] = field(default_factory=list)
    intro: str | None = None
    intro_span: tuple[int, int] | None = None  # absolute span of the intro sentence
    context: str | None = None  # what each item is read after ("We store data in:")
    combined: tuple[str, int, int] | None = None  # parse text, start, end of the one merged sentence


_FINAL = ".!?。！？…"
_FINAL_PARAGRAPH = _FINAL + ";；"  # a paragraph ending in a semicolon is a statement too; a list item may not be
_TRAILING_CONJ = re.compile(r"(?:[;,]\s*|\s+)(and/or|and|or)$", re.IGNORECASE)
_MAX_SHORT_WORDS = 8


def _short_items(texts: list[str]) -> tuple[list[str], str] | None:
    """Items that read as one enumeration ("Japan;", "Singapore; and", "Korea."), cleaned, and the
    conjunction to put before the last one; None when an item is a clause of its own."""
    cleaned: list[str] = []
    conj = "and"
    separated = True  # every item so far ended with ";" or "," (legal-style enumeration)
    for k, raw in enumerate(texts):
        t = raw.strip()
        m = _TRAILING_CONJ.search(t)
        if m:
            conj = "or" if m.group(1).lower() == "or" else "and"
            t = t[: m.start()]
        if t.endswith("."):
            if not (k == len(texts) - 1 and k > 0 and separated):
                return None
            t = t[:-1]
        ends_sep = t.endswith((";", ","))
        t = t.rstrip(";,").strip()
        separated = separated and (ends_sep or m is not None)
        if not t or len(t.split()) > _MAX_SHORT_WORDS or len(split_sentences(t)) > 1:
            return None
        cleaned.append(t)
    return cleaned, conj


def _enumerate(items: list[str], conj: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def _drop_empty(raw: list[RawBlock]) -> list[RawBlock]:
    """Blocks with text only, parent indices renumbered (an empty parent hands over to its own)."""
    if all(b.text for b in raw):
        return raw
    new_index: dict[int, int | None] = {}
    out: list[RawBlock] = []
    for i, b in enumerate(raw):
        parent = new_index.get(b.parent) if b.parent is not None else None
        if not b.text:
            new_index[i] = parent
            continue
        new_index[i] = len(out)
        out.append(RawBlock(b.kind, b.text, b.level, b.list_id, b.group, parent))
    return out


# "5.b.Subcontracting", "3.a.ii. Location information": an outline number and a title (capitalised)
_OUTLINE_LABEL = re.compile(r"^(\d+(?:\.[a-z\d]{1,4})*)\.?\s*(?=[A-Z])")
_MAX_LABEL_CHARS = 120


def _outline_number(text: str) -> str | None:
    m = _OUTLINE_LABEL.match(text)
    return m.group(1).lower() if m else None


def _outline_headings(raw: list[RawBlock]) -> list[RawBlock]:
    """The same blocks; a paragraph that is an outline label one step below the heading it sits under ("5.b.
    Subcontracting" under "5. Provision of Personal Data", written as plain text by the page) becomes a heading
    one level deeper. Without it every subsection's sentences sat in the parent section, and a list of places
    answered a sentence of another subsection."""
    out: list[RawBlock] = []
    stack: list[tuple[int, str | None]] = []  # (level, outline number) of the headings open here
    for b in raw:
        if b.kind == "heading":
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append((b.level, _outline_number(b.text)))
        elif b.kind == "paragraph" and len(b.text) <= _MAX_LABEL_CHARS and b.text[-1] not in _FINAL_PARAGRAPH + ":,":
            number = _outline_number(b.text)
            parent = next((k for k in range(len(stack) - 1, -1, -1)
                           if number and stack[k][1] and number.startswith(stack[k][1] + ".")
                           and "." not in number[len(stack[k][1]) + 1 :]), None)
            if parent is not None:
                del stack[parent + 1 :]
                level = stack[parent][0] + 1
                stack.append((level, number))
                b = RawBlock("heading", b.text, level=level)
        out.append(b)
    return out


# a lead-in whose sentence each item finishes: "If you make a call, we:", "... when you request it, by:"
_OPEN_CLAUSE = re.compile(r"\b(?:we|you|they|it|(?:we|you|they|it) (?:may|will|can|might|shall|must|also|do|does"
                          r"|may also|will also|can also))\s*[:：]$|\bby\s*[:：]$", re.IGNORECASE)


def _joined(context: str, item: str) -> str:
    """The text an item is parsed as: its lead-in, then the item. A lead-in that stops mid-clause ("If you make a
    call, we: establish an encrypted connection") loses its colon when the item goes on in lower case, so the
    parser reads one sentence ("If you make a call, we establish ..."), and the lead-in's condition the item's."""
    if _OPEN_CLAUSE.search(context) and item[:1].islower():
        return f"{context.rstrip()[:-1].rstrip()} {item}"
    return f"{context} {item}"


def build_document(source: str, raw: list[RawBlock], title: str | None = None) -> Document:
    """Lay the blocks out as text and derive sections, list intros and sentences."""
    raw = _outline_headings(_drop_empty(raw))
    # --- text and offsets
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, b in enumerate(raw):
        if i:
            prev = raw[i - 1]
            sep = "\n" if b.group is not None and b.group == prev.group else "\n\n"
            parts.append(sep)
            pos += len(sep)
        parts.append(b.text)
        spans.append((pos, pos + len(b.text)))
        pos += len(b.text)
    text = "".join(parts)

    # --- heading paths
    sections: list[tuple[str, ...]] = []
    stack: list[tuple[int, str]] = []
    for b in raw:
        if b.kind == "heading":
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            sections.append(tuple(t for _, t in stack))
            stack.append((b.level, b.text))
        else:
            sections.append(tuple(t for _, t in stack))

    # --- sentence spans per block (absolute)
    local: list[list[tuple[int, int]]] = []
    for b, (s, _e) in zip(raw, spans, strict=True):
        if b.kind in ("heading", "table_row"):
            local.append([(s, s + len(b.text))])
        else:
            local.append([(s + a, s + z) for a, z in split_sentences(b.text)])

    # --- lists: intro, context, merged sentence
    lists: dict[int, _List] = {}
    for i, b in enumerate(raw):
        if b.kind == "list_item" and b.list_id is not None:
            lists.setdefault(b.list_id, _List()).items.append(i)
    has_children = {raw[b.parent].list_id for b in raw if b.parent is not None}
    item_list: dict[int, _List] = {i: lst for lst in lists.values() for i in lst.items}
    consumed: set[tuple[int, int]] = set()
    for list_id, lst in lists.items():
        first = lst.items[0]
        parent = raw[first].parent
        intro_block: int | None = None
        if parent is not None:
            intro_block = parent
        elif first > 0 and raw[first - 1].kind == "paragraph":
            intro_block = first - 1
        if intro_block is None or not local[intro_block]:
            continue
        lst.intro_span = local[intro_block][-1]
        lst.intro = text[lst.intro_span[0] : lst.intro_span[1]]
        if lst.intro.rstrip().endswith(tuple(_FINAL if parent is not None else _FINAL_PARAGRAPH)):
            continue  # a statement of its own, not a lead-in: items are read alone
        lst.context = lst.intro
        if parent is not None:
            outer = item_list[parent]
            if outer.context and len(local[parent]) == 1:
                lst.context = f"{outer.context} {lst.intro}"
        if lst.intro.endswith((":", "：")) and list_id not in has_children:
            short = _short_items([raw[i].text for i in lst.items])
            if short is not None:
                items, conj = short
                parse = f"{_joined(lst.context, _enumerate(items, conj))}."
                lst.combined = (parse, lst.intro_span[0], spans[lst.items[-1]][1])
                consumed.add(lst.intro_span)

    # --- blocks and sentences
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    for i, b in enumerate(raw):
        start, end = spans[i]
        lst = item_list.get(i)
        blocks.append(
            Block(kind=b.kind, text=b.text, start=start, end=end, section=sections[i], level=b.level,
                  list_id=b.list_id, intro=lst.intro if lst else None)
        )
        if lst is not None and lst.combined is not None:
            if i == lst.items[0]:
                parse, s0, s1 = lst.combined
                sentences.append(Sentence(text=text[s0:s1], start=s0, end=s1, section=sections[i],
                                          kind="list_item", parse_text=parse))
            continue
        for k, (s0, s1) in enumerate(local[i]):
            if (s0, s1) in consumed:
                continue
            parse = None
            if lst is not None and lst.context and k == 0:
                parse = _joined(lst.context, text[s0:s1])
            sentences.append(Sentence(text=text[s0:s1], start=s0, end=s1, section=sections[i],
                                      kind=b.kind, parse_text=parse))
    sentences.sort(key=lambda s: s.start)
    return Document(source=source, text=text, title=title, blocks=blocks, sentences=sentences)
