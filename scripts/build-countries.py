#!/usr/bin/env python3
"""Write src/search/lexicon/countries.tsv: the world's countries, their English and French names.

Source: ISO 3166-1 as shipped by Debian's `iso-codes` package (the JSON list and its French gettext catalogue),
LGPL-2.1-or-later. A name written "Russie, Fédération de" also gives its short form "Russie".

Usage:
  apt-get install -y iso-codes
  python3 scripts/build-countries.py

Python 3 standard library only; the same output on every run.
"""

from __future__ import annotations

import gettext
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "search", "lexicon", "countries.tsv")
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
FRENCH_MO = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"

# Names that are also an everyday French word or a given name ("Réunion du G7", "Maurice Lévy"): a passage writing
# one does not name a country.
AMBIGUOUS_NAMES = {"Réunion", "Maurice", "Dominique"}

HEADER = """# countries.tsv - the world's countries (ISO 3166-1), for questions asking which country.
# Written by scripts/build-countries.py from Debian's iso-codes package (ISO 3166-1 list and its French
# translations); iso-codes is LGPL-2.1-or-later, and so is this derived list. Do not edit by hand. Names that are
# also an everyday French word or a given name (Réunion, Maurice, Dominique) are left out.
# Format: alpha-2 code<TAB>English names separated by |<TAB>French names separated by |
"""


def names(entry: dict, translate) -> tuple[list[str], list[str]]:
    english = [entry[key] for key in ("name", "common_name", "official_name") if entry.get(key)]
    french = [translate(name) for name in english]
    keep = lambda forms: [name for name in unique(with_short_forms(forms)) if name not in AMBIGUOUS_NAMES]
    return keep(english), keep(french)


def with_short_forms(names: list[str]) -> list[str]:
    return [form for name in names for form in ([name.split(",")[0].strip(), name] if "," in name else [name])]


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def main() -> None:
    with open(ISO_JSON, encoding="utf-8") as fh:
        entries = json.load(fh)["3166-1"]
    with open(FRENCH_MO, "rb") as fh:
        french = gettext.GNUTranslations(fh)
    lines = []
    for entry in sorted(entries, key=lambda e: e["alpha_2"]):
        en, fr = names(entry, french.gettext)
        if not en and not fr:
            continue
        lines.append(f"{entry['alpha_2']}\t{'|'.join(en)}\t{'|'.join(fr)}\n")
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "".join(lines))
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({len(lines)} countries)")


if __name__ == "__main__":
    main()
