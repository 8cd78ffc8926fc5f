#!/usr/bin/env python3
"""List the English words whose French renderings the documents never use.

An English question word the lexicon cannot render is either a dictionary gap (the lexicon lacks the word, though the
documents may well treat it) or a topic the documents lack. FreeDict settles it for the words it holds: when none of
a headword's French renderings has a content word occurring in the seeds, the documents do not speak of it
("tomato" → "tomate"), and the word counts fully against a passage's coverage rather than half.

Reads FreeDict English->French (Debian package dict-freedict-eng-fra) and seeds/*.txt, through the helpers of
scripts/build-lexicon.py. Writes src/search/lexicon/en-absent.txt: one lowercase English word per line, sorted.

Usage:
  apt-get install -y dict-freedict-eng-fra
  python3 scripts/build-absent-words.py
"""

from __future__ import annotations

import glob
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("build_lexicon", os.path.join(HERE, "build-lexicon.py"))
assert spec and spec.loader
lexicon = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lexicon)

OUT = os.path.join(lexicon.LEXICON_DIR, "en-absent.txt")
# Renderings' words this short are articles and particles ("le", "de"), no evidence either way.
MIN_CONTENT_LETTERS = 4
# A rendering's word is in the documents when a seed word starts with all but its last letters (tomate ~ tomates).
STEM_SLACK = 1


def seed_words() -> set[str]:
    words: set[str] = set()
    for path in sorted(glob.glob(lexicon.SEEDS_GLOB)):
        with open(path, encoding="utf-8") as fh:
            text = lexicon.join_hyphenation(lexicon.normalise_text(fh.read()))
        words.update(lexicon.fold(w) for w in lexicon.tokenize(text))
    return words


def occurs(word: str, prefixes: set[str]) -> bool:
    stem = word[: max(MIN_CONTENT_LETTERS, len(word) - STEM_SLACK)]
    return stem in prefixes


def main() -> None:
    words = seed_words()
    prefixes = {w[:n] for w in words for n in range(MIN_CONTENT_LETTERS, len(w) + 1)}
    absent = set()
    for head, senses in lexicon.read_dictd(lexicon.ENG_FRA):
        head = head.lower()
        # A word the documents use themselves ("cloud", "blockchain") is no absent topic, whatever its renderings.
        if not lexicon.is_simple_word(head) or len(head) < 3 or lexicon.fold(head) in words:
            continue
        content = [lexicon.fold(w) for item in (x for sense in senses for x in sense) for w in lexicon.tokenize(item)]
        content = [w for w in content if len(w) >= MIN_CONTENT_LETTERS]
        if content and not any(occurs(w, prefixes) for w in content):
            absent.add(head)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("".join(f"{w}\n" for w in sorted(absent)))
    print(f"{len(absent)} English words whose FreeDict renderings the seeds never use -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
