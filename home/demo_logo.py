"""A generated sponsor logo, so the demo needs no image files in the repository."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw


def sponsor_logo_file(name: str) -> ImageFile:
    image = Image.new("RGB", (360, 120), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 112, 112), radius=24, fill="#00696b")
    draw.ellipse((34, 34, 86, 86), outline="#ffffff", width=8)
    draw.text((132, 44), name, fill="#14213d", font_size=26)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="sponsor-logo.png")
