"""A generated sponsor logo, so the demo needs no image files in the repository."""

import zlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

# Each demo sponsor gets its own colour, picked from its name, all dark enough for white.
COLOURS = ["#00696b", "#14213d", "#8e0f42", "#5b3a8c"]


def sponsor_logo_file(name: str) -> ImageFile:
    colour = COLOURS[zlib.crc32(name.encode()) % len(COLOURS)]
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    width = 132 + int(measure.textlength(name, font_size=44)) + 16
    image = Image.new("RGB", (width, 120), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 112, 112), radius=24, fill=colour)
    draw.ellipse((34, 34, 86, 86), outline="#ffffff", width=8)
    draw.text((132, 36), name, fill=colour, font_size=44)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="sponsor-logo.png")
