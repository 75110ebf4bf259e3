"""A tiny, dependency-free writer of text-only PDF files (for demo and test werkmaterialen)."""

import textwrap


def _escape(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A one-page-per-60-lines A4 PDF with a bold title and wrapped paragraphs, in Helvetica."""
    lines: list[tuple[str, str]] = [("title", title), ("text", "")]
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 88) or [""]:
            lines.append(("text", line))
        lines.append(("text", ""))
    pages = [lines[i : i + 58] for i in range(0, len(lines), 58)] or [[]]

    objects: list[bytes] = []
    # 1: catalog, 2: pages, 3: regular font, 4: bold font, then per page: page + content stream.
    page_ids = [5 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(f"{pid} 0 R".encode() for pid in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(len(pages)).encode() + b" >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    for index, page_lines in enumerate(pages):
        stream = [b"BT", b"56 790 Td"]
        for kind, line in page_lines:
            font, size, lead = (b"/F2 16", 16, 24) if kind == "title" else (b"/F1 11", 11, 13)
            stream.append(font + b" Tf")
            stream.append(b"(" + _escape(line) + b") Tj")
            stream.append(f"0 -{lead} Td".encode())
        stream.append(b"ET")
        content = b"\n".join(stream)
        page_id = page_ids[index]
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
