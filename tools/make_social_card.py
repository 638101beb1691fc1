"""Draw the plain default image of shared links (Open Graph / Twitter card):
overrides/assets/images/social-card.png, 1200 x 630, the theme's indigo with a
light band. No words on it, so it suits both languages.

Run again only to change the design: .venv/bin/python tools/make_social_card.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

TARGET = Path(__file__).resolve().parent.parent / "overrides/assets/images/social-card.png"
WIDTH, HEIGHT = 1200, 630
INDIGO, LIGHT, WHITE = (63, 81, 181), (197, 202, 233), (255, 255, 255)


def draw() -> Image.Image:
    card = Image.new("RGB", (WIDTH, HEIGHT), INDIGO)
    pen = ImageDraw.Draw(card)
    pen.rectangle((0, HEIGHT - 150, WIDTH, HEIGHT - 120), fill=LIGHT)
    pen.ellipse((WIDTH // 2 - 110, 150, WIDTH // 2 + 110, 370), outline=WHITE, width=18)
    return card


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    draw().save(TARGET, optimize=True)
    print(TARGET)
