"""HTML to PDF with WeasyPrint, using only the fonts shipped in ``fonts/``.

PDF templates set ``font-family: var(--pdf-sans)`` or the family names below; the
``@font-face`` rules point at the shipped files by ``file://`` URL, so the output does
not depend on the fonts installed on the worker's host.

Every PDF is tagged (PDF/UA-1, ``PDF_VARIANT``): a structure tree built from the HTML, the
document's language (``<html lang>``) in the catalog, its title (``<title>``) shown by viewers
(DisplayDocTitle), and — added here, WeasyPrint does not write it — a ``/Lang`` on each
structure element whose language differs from its parent's (``lang`` attributes: a column
or passage in another language). Bookmarks come from the templates' ``bookmark-level``
rules (``pdf/base.css``). Signing comes after, as an incremental update (``signing``).
"""

from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"

# family, file, weight, style
FACES = [
    ("Soliris Sans", "DejaVuSans.ttf", "normal", "normal"),
    ("Soliris Sans", "DejaVuSans-Bold.ttf", "bold", "normal"),
    ("Soliris Sans", "DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("Soliris Sans", "DejaVuSans-BoldOblique.ttf", "bold", "italic"),
    ("Soliris Serif", "DejaVuSerif.ttf", "normal", "normal"),
    ("Soliris Serif", "DejaVuSerif-Bold.ttf", "bold", "normal"),
    ("Soliris Serif", "DejaVuSerif-Italic.ttf", "normal", "italic"),
    ("Soliris Serif", "DejaVuSerif-BoldItalic.ttf", "bold", "italic"),
]


def font_css() -> str:
    rules = [
        f'@font-face {{ font-family: "{family}"; src: url("{(FONTS_DIR / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, name, weight, style in FACES
    ]
    rules.append('html { font-family: "Soliris Serif"; }')
    return "\n".join(rules)


PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    _tag_languages()
    font_config = FontConfiguration()
    fonts = CSS(string=font_css(), font_config=font_config)
    document = HTML(string=html, base_url=base_url or str(FONTS_DIR))
    return document.write_pdf(
        stylesheets=[fonts], font_config=font_config, pdf_variant=PDF_VARIANT, finisher=_keep_language_changes
    )


def _tag_languages() -> None:
    """Give each structure element WeasyPrint builds the language of its box (the CSS ``lang``
    computed from the ``lang`` attributes); ``_keep_language_changes`` then keeps only the
    changes. Wraps ``weasyprint.pdf.tags._build_box_tree`` (WeasyPrint is pinned; the tagging
    tests fail if a new version stops calling it), once per process."""
    import pydyf
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "soliris_languages", False):
        return

    def build_box_tree(box, parent, *args, **kwargs):
        for element in build(box, parent, *args, **kwargs):
            style = getattr(box, "style", None)
            language = style["lang"] if style is not None else None
            if language and "Lang" not in element:
                element["Lang"] = pydyf.String(language)
            yield element

    build_box_tree.soliris_languages = True
    tags._build_box_tree = build_box_tree


def _keep_language_changes(document, pdf) -> None:
    """Drop each structure element's ``/Lang`` that says what its parent (or, at the top, the
    catalog) already says: what is left marks a change of language (WeasyPrint's finisher)."""
    import pydyf

    root = pdf.catalog.get("StructTreeRoot")
    if root is None:
        return

    def resolve(reference):
        if isinstance(reference, bytes) and reference.endswith(b" R"):
            return pdf.objects[int(reference.split()[0])]
        return None

    def language_of(value) -> str:
        return str(getattr(value, "string", value) or "")

    stack = [(resolve(root), language_of(pdf.catalog.get("Lang")))]
    while stack:
        node, inherited = stack.pop()
        if not isinstance(node, pydyf.Dictionary):
            continue
        language = inherited
        if "Lang" in node:
            language = language_of(node["Lang"])
            if language == inherited:
                del node["Lang"]
        kids = node.get("K", ())
        for kid in kids if isinstance(kids, list | tuple) else [kids]:
            stack.append((resolve(kid), language))


def qr_svg(data: str, *, size_mm: int = 24) -> str:
    """An inline SVG QR code of ``data`` (an address to the verification page...) for PDF templates."""
    import io

    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    return svg.replace("<svg ", f'<svg style="width:{size_mm}mm;height:{size_mm}mm" ', 1)
