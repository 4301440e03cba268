"""Build real .docx files (python-docx) and .pdf files (a minimal hand-written PDF with a text layer) from
the blocks of a Markdown notice, so that the Word and PDF readers can be compared with the Markdown reader."""

from __future__ import annotations

import textwrap
from pathlib import Path

from notice_check.document.builder import RawBlock
from notice_check.document.markdown_reader import read_markdown


def markdown_blocks(path: Path) -> list[RawBlock]:
    return read_markdown(path.read_text(encoding="utf-8"))[0]


def make_docx(blocks: list[RawBlock], path: Path, *, title: str | None = None) -> Path:
    """Headings as Heading n styles, list items as List Bullet / List Bullet n, table rows as one table."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        table = document.add_table(rows=len(table_rows), cols=max(len(r) for r in table_rows))
        for r, cells in enumerate(table_rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        table_rows.clear()

    for block in blocks:
        if block.kind != "table_row":
            flush_table()
        if block.kind == "heading":
            document.add_heading(block.text, level=block.level)
        elif block.kind == "list_item":
            style = "List Bullet" if block.level <= 1 else f"List Bullet {block.level}"
            document.add_paragraph(block.text, style=style)
        elif block.kind == "table_row":
            table_rows.append(block.text.split(" | "))
        else:
            document.add_paragraph(block.text)
    flush_table()
    document.save(str(path))
    return path


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _layout(blocks: list[RawBlock]) -> list[list[bytes]]:
    """Content streams, one per page: headings in bold and larger, wrapped paragraphs, bulleted items with a
    hanging indent, as a word processor exports them."""
    pages: list[list[bytes]] = [[]]
    y = 720.0

    def line(font: str, size: float, x: float, text: str) -> None:
        nonlocal y
        if y < 72:
            pages.append([])
            y = 720.0
        pages[-1].append(f"BT /{font} {size:g} Tf 1 0 0 1 {x:g} {y:g} Tm ".encode() + _pdf_string(text) + b" Tj ET")

    for block in blocks:
        if block.kind == "heading":
            size = 18 if block.level == 1 else 14
            y -= 10
            line("F2", size, 72, block.text)
            y -= size + 8
            continue
        indent = 72.0
        width = 95
        if block.kind == "list_item":
            indent = 72 + 18 * (block.level - 1)
            line("F1", 10, indent, "\u2022")
            indent += 12
            width -= 4 * block.level
        for k, piece in enumerate(textwrap.wrap(block.text, width, break_on_hyphens=False)):
            if k or block.kind != "list_item":
                line("F1", 10, indent, piece)
            else:  # the bullet and the first line share a baseline
                pages[-1].append(f"BT /F1 10 Tf 1 0 0 1 {indent:g} {y:g} Tm ".encode() + _pdf_string(piece)
                                 + b" Tj ET")
            y -= 13
        y -= 4 if block.kind == "list_item" else 8
    return pages


def write_pdf(pages: list[list[bytes]], path: Path, *, title: str | None = None) -> Path:
    """A PDF 1.4 file with the standard Helvetica fonts (nothing embedded) and a correct xref table."""
    objects: list[bytes] = []
    n_pages = len(pages)
    page_ids = [5 + 2 * i for i in range(n_pages)]
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    for i, ops in enumerate(pages):
        content = b"\n".join(ops)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_ids[i] + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    info_id = None
    if title is not None:
        objects.append(b"<< /Title " + _pdf_string(title) + b" >>")
        info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info_id} 0 R" if info_id else "") + " >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def make_pdf(blocks: list[RawBlock], path: Path, *, title: str | None = None) -> Path:
    return write_pdf(_layout(blocks), path, title=title)


def make_image_only_pdf(path: Path) -> Path:
    """A page that draws a rectangle and no text: what a scanner produces, minus the image."""
    return write_pdf([[b"0 0 1 rg 72 72 200 200 re f"]], path)
