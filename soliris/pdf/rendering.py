"""HTML to PDF with WeasyPrint, using only the fonts shipped in ``fonts/``.

PDF templates set ``font-family: var(--pdf-sans)`` or the family names below; the
``@font-face`` rules point at the shipped files by ``file://`` URL, so the output does
not depend on the fonts installed on the worker's host.
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


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    fonts = CSS(string=font_css(), font_config=font_config)
    document = HTML(string=html, base_url=base_url or str(FONTS_DIR))
    return document.write_pdf(stylesheets=[fonts], font_config=font_config)


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
