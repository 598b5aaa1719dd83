"""Update ConvLab's translations: extract, fill, compile.

    python tools/update_translations.py            # lupdate, fill from zh_CN.json, lrelease
    python tools/update_translations.py --check    # exit 1 if any source text is untranslated
    python tools/update_translations.py --todo     # list the untranslated texts (JSON skeleton)
    python tools/update_translations.py --unused   # list zh_CN.json entries no source text uses

1. ``pyside6-lupdate`` reads every ``convlab/**/*.py`` and updates
   ``resources/translations/convlab_zh_CN.ts`` (texts no longer in the code are
   dropped: ``-no-obsolete``).
2. Translations kept in ``resources/translations/zh_CN.json`` — a plain
   ``{"Context": {"English source": "中文"}}`` dictionary, easy to review and to
   edit by hand or by script — are written into the ``.ts``. The context ``"*"``
   holds translations for a text in any context (a word such as "stride" reads
   the same in every panel); a context's own entry wins. A translation the
   ``.ts`` already has (e.g. typed in Qt Linguist) is kept unless the JSON has one.
3. ``pyside6-lrelease`` compiles the ``.qm`` next to it, which ``convlab.qt.i18n``
   loads at run time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS = FOLDER / f"convlab_{LANGUAGE}.ts"
QM = TS.with_suffix(".qm")
JSON = FOLDER / f"{LANGUAGE}.json"


def tool(name: str) -> str:
    """A PySide6 tool next to the running Python, else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; it ships with PySide6-Essentials")
    return found


def sources(root: Path = ROOT) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "convlab").rglob("*.py"))


def lupdate(ts: Path, root: Path = ROOT) -> str:
    """Extract the source texts of ``convlab/**/*.py`` into ``ts`` (created if missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), *sources(root), "-no-obsolete",
           "-target-language", LANGUAGE, "-ts", str(ts)]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    cmd = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def messages(ts: Path):
    """(context, source, <translation> element) for every message of a .ts."""
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source"), msg.find("translation")


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every text without a finished translation."""
    return [(ctx, src) for ctx, src, tr in messages(ts)
            if tr is None or tr.get("type") in ("unfinished",) or not (tr.text or "").strip()]


def fill(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Write the table's translations into the .ts; returns how many were written."""
    tree = ET.parse(ts)
    count = 0
    anywhere = table.get("*", {})
    for ctx in tree.getroot().iter("context"):
        known = {**anywhere, **table.get(ctx.findtext("name"), {})}
        for msg in ctx.iter("message"):
            text = known.get(msg.findtext("source"))
            tr = msg.find("translation")
            if text and tr is not None:
                tr.text = text
                tr.attrib.pop("type", None)
                count += 1
    ET.indent(tree, "    ")
    with open(ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return count


def todo(ts: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ctx, src in unfinished(ts):
        out.setdefault(ctx, {})[src] = ""
    return out


def unused(ts: Path, table: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """JSON entries no source text uses: a context's entry whose (context, source) is not
    in the .ts, or a "*" entry whose source is in no context. Ready-made entries for
    strings not wrapped yet show up here too, so this only informs, never fails."""
    found = {(ctx, src) for ctx, src, _ in messages(ts)}
    sources = {src for _, src in found}
    out = {}
    for ctx, entries in table.items():
        left = [src for src in entries
                if (src not in sources if ctx == "*" else (ctx, src) not in found)]
        if left:
            out[ctx] = left
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true",
                   help="fail if a source text has no translation (writes nothing)")
    p.add_argument("--todo", action="store_true", help="print the untranslated texts as JSON")
    p.add_argument("--unused", action="store_true",
                   help="print the zh_CN.json entries no source text uses, as JSON")
    args = p.parse_args(argv)
    if args.check or args.todo or args.unused:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            ts = Path(tmp) / TS.name
            shutil.copy(TS, ts) if TS.exists() else None
            lupdate(ts)
            fill(ts, json.loads(JSON.read_text("utf-8")) if JSON.exists() else {})
            missing = unfinished(ts)
            if args.unused:
                table = json.loads(JSON.read_text("utf-8")) if JSON.exists() else {}
                print(json.dumps(unused(ts, table), ensure_ascii=False, indent=1))
                return 0
            if args.todo:
                print(json.dumps(todo(ts), ensure_ascii=False, indent=1))
                return 0
        for ctx, src in missing:
            print(f"untranslated [{ctx}] {src!r}", file=sys.stderr)
        return 1 if missing else 0
    print(lupdate(TS).strip())
    table = json.loads(JSON.read_text("utf-8")) if JSON.exists() else {}
    print(f"filled {fill(TS, table)} translation(s) from {JSON.name}")
    print(lrelease(TS, QM).strip())
    left = unfinished(TS)
    print(f"{len(left)} text(s) still untranslated" + (": run with --todo" if left else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
