"""Reading a manifest file into plain mappings and lists that remember their 1-based lines.

YAML goes through ruamel's round-trip loader (its CommentedMap/CommentedSeq know their positions).
JSON goes through the standard library with a line-recording scanner, so that JSON syntax is judged
by a JSON parser (YAML would accept trailing commas) and records still get their lines.
Either way the validator only sees `Tree` objects and asks them for lines through `line_of`,
`value_line` and `item_line`.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import json.decoder
import json.scanner
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from notice_check.errors import ManifestError

MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Loaded:
    data: Any
    source: str
    sha256: str
    fmt: str  # "yaml" or "json"


class LinedDict(dict):
    """A JSON object with the line it starts on and the line of each value."""

    line: int = 0
    value_lines: dict[str, int]


class LinedList(list):
    line: int = 0
    item_lines: list[int]


def line_of(node: Any) -> int | None:
    """1-based line where a mapping or list starts."""
    if isinstance(node, (LinedDict, LinedList)):
        return node.line or None
    lc = getattr(node, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        return lc.line + 1
    return None


def value_line(mapping: Any, key: str) -> int | None:
    """1-based line of mapping[key]'s value; falls back to the mapping's own line."""
    if isinstance(mapping, LinedDict):
        return mapping.value_lines.get(key, mapping.line or None)
    lc = getattr(mapping, "lc", None)
    if lc is not None:
        try:
            return lc.value(key)[0] + 1
        except (KeyError, TypeError, AttributeError):
            try:
                return lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                pass
    return line_of(mapping)


def key_line(mapping: Any, key: str) -> int | None:
    """1-based line of the key itself (for JSON: of its value, which is on the same line in practice)."""
    if isinstance(mapping, LinedDict):
        return mapping.value_lines.get(key, mapping.line or None)
    lc = getattr(mapping, "lc", None)
    if lc is not None:
        try:
            return lc.key(key)[0] + 1
        except (KeyError, TypeError, AttributeError):
            pass
    return line_of(mapping)


def item_line(seq: Any, index: int) -> int | None:
    """1-based line of seq[index]; falls back to the list's own line."""
    if isinstance(seq, LinedList):
        return seq.item_lines[index] if index < len(seq.item_lines) else seq.line or None
    lc = getattr(seq, "lc", None)
    if lc is not None:
        try:
            return lc.item(index)[0] + 1
        except (KeyError, TypeError, AttributeError, IndexError):
            pass
    return line_of(seq)


# --------------------------------------------------------------------------- reading


def read_manifest_file(path: str | Path) -> Loaded:
    """Bytes -> text -> tree, with one ManifestError (file, line, problem) for anything unreadable."""
    source = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise ManifestError("is a directory, not a manifest file", source=source)
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ManifestError("manifest file not found", source=source) from None
    except PermissionError:
        raise ManifestError("manifest file is not readable (permission denied)", source=source) from None
    except OSError as exc:
        raise ManifestError(f"cannot read manifest file: {exc.strerror or exc}", source=source) from None
    fmt = _format_of(p, raw)
    return parse_manifest_bytes(raw, source=source, fmt=fmt)


def _format_of(path: Path, raw: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else "yaml"


def parse_manifest_bytes(raw: bytes, *, source: str, fmt: str) -> Loaded:
    if len(raw) > MAX_BYTES:
        raise ManifestError(f"manifest file is too large ({len(raw)} bytes; limit {MAX_BYTES})",
                            source=source)
    if b"\x00" in raw[:8192]:
        raise ManifestError("not a text file (binary content); expected YAML or JSON", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ManifestError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the manifest as UTF-8",
            source=source, line=line,
        ) from None
    if not text.strip():
        raise ManifestError("manifest file is empty", source=source)
    data = _parse_json(text, source) if fmt == "json" else _parse_yaml(text, source)
    return Loaded(data=data, source=source, sha256=hashlib.sha256(raw).hexdigest(), fmt=fmt)


def _parse_yaml(text: str, source: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        return yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _dup_key(exc)
        first = exc.context_mark.line + 1 if exc.context_mark is not None else None
        where = f" in the mapping starting on line {first}" if first else ""
        raise ManifestError(f"duplicate key {key}{where}", source=source,
                            line=mark.line + 1 if mark else None) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        context = ""
        if exc.context and exc.problem and problem.startswith("but "):
            problem = f"{exc.context}, {problem}"  # "expected a single document ..., but found another"
        elif exc.context and exc.problem and exc.context_mark is not None:
            context = f" ({exc.context} started on line {exc.context_mark.line + 1})"
        col = f" (column {mark.column + 1})" if mark is not None else ""
        raise ManifestError(f"YAML syntax error: {problem}{col}{context}", source=source,
                            line=mark.line + 1 if mark else None) from None
    except YAMLError as exc:
        raise ManifestError(f"YAML error: {' '.join(str(exc).split())}", source=source) from None


def _dup_key(exc: Exception) -> str:
    problem = getattr(exc, "problem", "") or ""
    # ruamel: 'found duplicate key "a" with value "2" (original value: "1")'
    if "duplicate key" in problem and '"' in problem:
        return "'" + problem.split('"')[1] + "'"
    return "(unknown)"


def _parse_json(text: str, source: str) -> Any:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_at(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    decoder = json.JSONDecoder()
    base_scan: Any = None

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        s, end = s_and_end
        positions: list[int] = []

        def recording_scan(string: str, idx: int):
            positions.append(idx)
            return base_scan(string, idx)

        pairs, new_end = json.decoder.JSONObject(s_and_end, strict, recording_scan, None, list, memo)
        obj = LinedDict()
        obj.line = line_at(end - 1)
        obj.value_lines = {}
        for (key, value), pos in zip(pairs, positions, strict=False):
            if key in obj:
                raise ManifestError(
                    f"duplicate key '{key}' in the object starting on line {obj.line}",
                    source=source, line=line_at(pos),
                )
            obj[key] = value
            obj.value_lines[key] = line_at(pos)
        return obj, new_end

    def parse_array(s_and_end, scan_once):
        s, end = s_and_end
        positions: list[int] = []

        def recording_scan(string: str, idx: int):
            positions.append(idx)
            return base_scan(string, idx)

        values, new_end = json.decoder.JSONArray(s_and_end, recording_scan)
        arr = LinedList(values)
        arr.line = line_at(end - 1)
        arr.item_lines = [line_at(p) for p in positions]
        return arr, new_end

    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.parse_array = parse_array  # type: ignore[assignment]
    base_scan = json.scanner.py_make_scanner(decoder)
    decoder.scan_once = base_scan
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"JSON syntax error: {exc.msg} (column {exc.colno})", source=source,
                            line=exc.lineno) from None
    except RecursionError:
        raise ManifestError("JSON nesting is too deep", source=source) from None
