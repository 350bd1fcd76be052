#!/usr/bin/env python3
"""Where a PDF's bytes go: sums its objects by kind.

    python3 bench/pdf_bytes.py FILE.pdf

Every indirect object is counted with its `N 0 obj ... endobj` frame; the
cross-reference table (or stream) and the trailer are counted apart.
Objects inside object streams are counted by their uncompressed size, and
the object streams themselves by their size in the file. Only the standard
library: it reads what planpress (through krilla) writes, not every PDF.
"""
import re
import sys
import zlib
from collections import Counter

STRUCT_TYPE = re.compile(rb"/S\s*/(\w+)")


def kind(body: bytes, font_files: set = frozenset(), number: int = 0) -> str:
    """What an object is, from the start of its text (font files are
    known by the references to them)."""
    head = body[:600]
    if number in font_files:
        return "fonts (subsets, ToUnicode)"
    if re.search(rb">>\s*stream\r?\n", body[:4000]):
        if b"/ObjStm" in head:
            return "object streams (compressed)"
        if b"/XRef" in head:
            return "cross-reference stream"
        if b"/Subtype/Image" in head or b"/Subtype /Image" in head:
            return "images"
        if b"/Metadata" in head:
            return "XMP metadata"
        if b"/CMap" in head:
            return "fonts (subsets, ToUnicode)"
        return "content streams (pages, forms)"
    if b"/StructElem" in head:
        m = STRUCT_TYPE.search(head)
        return f"structure element /{m.group(1).decode() if m else '?'}"
    for name, label in [
        (b"/Catalog", "catalog"),
        (b"/Annot", "annotations (links)"),
        (b"/StructTreeRoot", "structure tree root"),
        (b"/Pages", "page tree"),
        (b"/Page", "page dictionaries"),
        (b"/Outlines", "outline root"),
        (b"/ProcSet", "resource dictionaries"),
        (b"/FontDescriptor", "fonts (subsets, ToUnicode)"),
        (b"/Font", "fonts (subsets, ToUnicode)"),
    ]:
        if re.search(re.escape(name) + rb"\b", head):
            return label
    if b"/Title" in head and (b"/Parent" in head or b"/First" in head):
        return "outline entries"
    if re.match(rb"\s*\[\s*\d+ 0 R\s*/XYZ", head):
        return "destinations"
    if re.match(rb"\s*\[(\s*\d+ 0 R)*\s*\]", head):
        return "arrays of references (parent tree)"
    if b"/Nums" in head:
        return "parent tree"
    return "other"


def object_stream(body: bytes) -> list:
    """The objects inside an object stream."""
    first = int(re.search(rb"/First\s+(\d+)", body).group(1))
    s = body.index(b"stream", body.index(b">>")) + 6
    s += 2 if body[s:s + 2] == b"\r\n" else 1
    raw = zlib.decompressobj().decompress(body[s:])
    nums = [int(x) for x in raw[:first].split()]
    offsets = nums[1::2] + [len(raw) - first]
    return [(n, raw[first + a:first + b]) for n, a, b in zip(nums[::2], offsets, offsets[1:])]


def main(path: str) -> None:
    data = open(path, "rb").read()
    starts = [(m.start(), m.end()) for m in re.finditer(rb"(?m)^\d+ 0 obj\b", data)]
    tail = data.rfind(b"startxref")
    xref = data.rfind(b"\nxref", 0, tail)
    end_of_objects = xref + 1 if xref > 0 and (not starts or xref > starts[-1][0]) else tail
    objects = []
    for i, (start, body_at) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else end_of_objects
        objects.append((int(data[start:body_at].split()[0]), data[body_at:end], end - start))
    inner = [o for _, body, _ in objects if b"/ObjStm" in body[:600] for o in object_stream(body)]
    refs = re.compile(rb"/(?:FontFile\d?|ToUnicode)\s*(\d+) 0 R")
    font_files = {int(n) for text in [data] + [o for _, o in inner] for n in refs.findall(text)}
    size, count = Counter(), Counter()
    for number, body, length in objects:
        k = kind(body, font_files, number)
        size[k] += length
        count[k] += 1
    size["cross-reference table, trailer"] += len(data) - end_of_objects
    inner_size, inner_count = Counter(), Counter()
    for number, o in inner:
        inner_size[kind(o, font_files, number)] += len(o)
        inner_count[kind(o, font_files, number)] += 1
    total = len(data)
    print(f"{path}: {total / 1e6:.2f} MB, {len(objects)} objects in the file")
    for k, v in size.most_common():
        n = f"{count[k]:>7}" if count[k] else " " * 7
        print(f"  {v / 1e6:7.2f} MB {100 * v / total:5.1f} %  {n}  {k}")
    if inner:
        print(f"inside the object streams ({len(inner)} objects, uncompressed):")
        for k, v in inner_size.most_common():
            print(f"  {v / 1e6:7.2f} MB          {inner_count[k]:>7}  {k}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
