"""Word and PDF notices: the same blocks, sentences and findings as the Markdown they were made from."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_builders import make_docx, make_image_only_pdf, make_pdf, markdown_blocks, write_pdf

from notice_check import api
from notice_check.document import load_document
from notice_check.document.builder import RawBlock
from notice_check.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"
LINE = EXAMPLES / "line-2021"


def _shape(doc):
    return [(b.kind, b.text, b.section, b.level, b.list_id is not None) for b in doc.blocks]


def _findings(result: api.CheckResult) -> list[tuple]:
    return sorted(
        (f.verdict, f.practice, f.evidence.text if f.evidence else None, f.evidence.section if f.evidence else None,
         f.id)
        for f in result.findings
    )


@pytest.mark.parametrize("example", ["line-2021", "eea-only", "retention-encryption", "truthful-saas"])
@pytest.mark.parametrize("maker", [make_docx, make_pdf], ids=["docx", "pdf"])
def test_same_document_as_markdown(tmp_path: Path, example: str, maker) -> None:
    source = EXAMPLES / example / "notice.md"
    md = load_document(str(source))
    path = maker(markdown_blocks(source), tmp_path / f"notice.{maker.__name__[5:]}")
    doc = load_document(str(path))
    assert doc.text == md.text
    assert _shape(doc) == _shape(md)
    assert [(s.text, s.parse_text, s.section) for s in doc.sentences] == [
        (s.text, s.parse_text, s.section) for s in md.sentences
    ]
    assert doc.title == md.title
    assert doc.language == "en"


@pytest.fixture(scope="module")
def markdown_check() -> api.CheckResult:
    return api.check(LINE / "notice.md", LINE / "manifest.yaml")


@pytest.mark.parametrize("maker", [make_docx, make_pdf], ids=["docx", "pdf"])
def test_check_gives_the_markdown_findings(tmp_path: Path, maker, markdown_check: api.CheckResult) -> None:
    path = maker(markdown_blocks(LINE / "notice.md"), tmp_path / f"notice.{maker.__name__[5:]}")
    result = api.check(path, LINE / "manifest.yaml")
    expected = _findings(markdown_check)
    assert any(v == "contradicted" for v, *_ in expected)  # the example holds a false statement
    assert _findings(result) == expected


def test_docx_structure(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Acme Privacy Notice", level=0)  # Title style
    document.add_heading("Where we store data", level=1)
    document.add_paragraph("We store your data in:")
    document.add_paragraph("Japan;", style="List Bullet")
    document.add_paragraph("Korea; and", style="List Bullet")
    document.add_paragraph("Germany.", style="List Bullet")
    document.add_paragraph("We share data with:")
    document.add_paragraph("our affiliates, namely", style="List Number")
    document.add_paragraph("Acme Korea", style="List Bullet 2")
    document.add_paragraph("our service providers.", style="List Number")
    bold = document.add_paragraph()
    bold.add_run("Retention").bold = True
    document.add_paragraph("We keep account data for 30 days.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Data"
    table.cell(0, 1).text = "Location"
    table.cell(1, 0).text = "Messages"
    table.cell(1, 1).text = "Tokyo"
    path = tmp_path / "acme.docx"
    document.save(str(path))

    doc = load_document(str(path))
    kinds = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert kinds[:2] == [("heading", "Acme Privacy Notice", 1), ("heading", "Where we store data", 2)]
    assert ("heading", "Retention", 3) in kinds
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["Japan;", "Korea; and", "Germany.", "our affiliates, namely", "Acme Korea",
                                       "our service providers."]
    assert [b.level for b in items] == [1, 1, 1, 1, 2, 1]
    assert items[0].list_id == items[2].list_id != items[3].list_id
    assert items[3].list_id == items[5].list_id != items[4].list_id
    assert items[0].intro == "We store your data in:"
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows == ["Data | Location", "Messages | Tokyo"]
    merged = [s for s in doc.sentences if s.parse_text and "Germany" in s.parse_text]
    assert merged and merged[0].parse_text == "We store your data in: Japan, Korea and Germany."
    assert doc.title == "Acme Privacy Notice"
    section = next(b for b in doc.blocks if b.text == "We keep account data for 30 days.").section
    assert section == ("Acme Privacy Notice", "Where we store data", "Retention")


def test_pdf_wrapped_lines_pages_and_page_numbers(tmp_path: Path) -> None:
    blocks = [RawBlock("heading", "Privacy Notice", level=1)] + [
        RawBlock("paragraph", f"Paragraph {i} says that all of your account data is stored on servers located in "
                              "Japan and never leaves the country for any reason at all.")
        for i in range(40)
    ]
    from office_builders import _layout

    pages = _layout(blocks)
    assert len(pages) > 1
    for number, ops in enumerate(pages, start=1):  # a footer page number on every page
        ops.append(f"BT /F1 9 Tf 1 0 0 1 300 40 Tm ({number}) Tj ET".encode())
    path = write_pdf(pages, tmp_path / "long.pdf", title="Long Notice")
    doc = load_document(str(path))
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs == [b.text for b in blocks[1:]]
    assert doc.title == "Long Notice"  # the document information wins over the first heading


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError) as err:
        load_document(str(path))
    assert str(err.value) == f"{path}: PDF has no text layer (scanned image?)"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "not a valid .pdf file"),
    ("broken.docx", b"PK\x03\x04 not a zip", "not a valid .docx file"),
    ("text.docx", b"just some text", "not a valid .docx file"),
])
def test_damaged_files_are_one_line_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_document(str(path))
    line = str(err.value)
    assert line.startswith(f"{path}: {message}") and "\n" not in line


@pytest.mark.parametrize("maker", [make_docx, make_pdf], ids=["docx", "pdf"])
def test_standard_input_is_sniffed(tmp_path: Path, maker) -> None:
    path = maker(markdown_blocks(LINE / "notice.md"), tmp_path / f"notice.{maker.__name__[5:]}")
    doc = load_document("-", data=path.read_bytes())
    assert doc.text == load_document(str(LINE / "notice.md")).text


@pytest.mark.parametrize("maker", [make_docx, make_pdf], ids=["docx", "pdf"])
def test_cli_check_sarif_and_html_of_office_files(tmp_path: Path, maker) -> None:
    import json

    from typer.testing import CliRunner

    from notice_check.cli.app import app

    path = maker(markdown_blocks(LINE / "notice.md"), tmp_path / f"notice.{maker.__name__[5:]}")
    runner = CliRunner()
    sarif = runner.invoke(app, ["check", str(path), "-m", str(LINE / "manifest.yaml"), "-f", "sarif"])
    assert sarif.exit_code == 1, sarif.output  # the Japan-only claim is contradicted
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    located = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 0]
    assert located and all("region" in r["locations"][0]["physicalLocation"] for r in located)
    html = runner.invoke(app, ["check", str(path), "-m", str(LINE / "manifest.yaml"), "-f", "html"])
    assert html.exit_code == 1 and "Your personal information is stored on servers located in Japan." in html.stdout
