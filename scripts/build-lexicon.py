#!/usr/bin/env python3
"""Build the cross-lingual lexicon used by diplomate's lexical retrieval.

Reads (all local, no network):
  * FreeDict English->French  (Debian package dict-freedict-eng-fra, dictd format)
  * FreeDict French->English  (Debian package dict-freedict-fra-eng, dictd format)
  * the French thesaurus      (Debian package mythes-fr, MyThes .dat format)
  * WordNet 3.0               (Debian packages wordnet / wordnet-base)
  * the hand-written glossary src/search/lexicon/glossary.tsv
  * the domain thesaurus      src/search/lexicon/thesaurus.tsv (English words no dictionary has)
  * the seed corpus           seeds/*.txt

Writes src/search/lexicon/lexicon.json (sorted keys, stable output):
  enFr     english word   -> french words (surface forms occurring in the seeds)
  frSyn    french word    -> french synonyms occurring in the seeds
  enSyn    english word   -> english synonyms that are themselves enFr keys
  glossary [{en, fr: [...]}] multiword / domain terms (hand-written, validated)

Every French word written to the lexicon occurs in the seed corpus, so the
lexicon only ever expands a query towards vocabulary that can match.

Usage:
  apt-get install -y dict-freedict-eng-fra dict-freedict-fra-eng mythes-fr wordnet
  python3 scripts/build-lexicon.py [--out PATH] [--quiet]

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import glob
import gzip
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS_GLOB = os.path.join(ROOT, "seeds", "*.txt")
LEXICON_DIR = os.path.join(ROOT, "src", "search", "lexicon")
GLOSSARY_TSV = os.path.join(LEXICON_DIR, "glossary.tsv")
THESAURUS_TSV = os.path.join(LEXICON_DIR, "thesaurus.tsv")
DEFAULT_OUT = os.path.join(LEXICON_DIR, "lexicon.json")

DICTD_DIR = "/usr/share/dictd"
ENG_FRA = "freedict-eng-fra"
FRA_ENG = "freedict-fra-eng"
MYTHES_CANDIDATES = [
    "/usr/share/mythes/th_fr_FR_v2.dat",
    "/usr/share/mythes/thes_fr.dat",
]
WORDNET_DIRS = ["/usr/share/wordnet", "/usr/share/wordnet/dict", "/usr/lib/wordnet"]

# Caps.
MAX_FR_PER_KEY = 8        # French surface forms per English key
MAX_FORMS_PER_LEMMA = 3   # inflected/accent variants kept per French lemma
MAX_LEMMAS = 4            # French lemmas per key (glossary entries aside)
MAX_FR_SYN = 6
MAX_EN_SYN = 5
MAX_BRIDGE = 4            # forms for keys only reachable through a WordNet synonym
WN_SENSES_SYN = 3         # WordNet senses (per part of speech) used for enSyn

SOURCES = [
    {"name": "FreeDict English-French dictionary 0.1.6", "package": "dict-freedict-eng-fra",
     "licence": "GPL-2.0-or-later",
     "copyright": "Copyright (C) 1999-2017 by various authors (FreeDict contributors)",
     "url": "https://freedict.org/"},
    {"name": "FreeDict French-English dictionary 0.4.1", "package": "dict-freedict-fra-eng",
     "licence": "GPL-2.0-or-later",
     "copyright": "1999 Horst Eyermann, 2010 John Darrington, (c) 2017 FreeDict project",
     "url": "https://freedict.org/"},
    {"name": "French thesaurus thes_fr.dat (LibreOffice dictionaries)", "package": "mythes-fr",
     "licence": "LGPL-2.1-or-later",
     "copyright": "Kevin Hendricks, Frederic Labbe, Laurent Godard",
     "url": "https://www.libreoffice.org/"},
    {"name": "WordNet 3.0", "package": "wordnet-base",
     "licence": "WordNet-3.0",
     "copyright": "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
     "url": "https://wordnet.princeton.edu/"},
    {"name": "diplomate domain glossary (src/search/lexicon/glossary.tsv)", "package": None,
     "licence": "MIT", "copyright": "diplomate authors", "url": None},
    {"name": "diplomate domain thesaurus (src/search/lexicon/thesaurus.tsv)", "package": None,
     "licence": "MIT", "copyright": "diplomate authors", "url": None},
]

# --------------------------------------------------------------------------
# Stop words
# --------------------------------------------------------------------------

EN_STOP = set("""
a about above after again against all almost also although am among an and any
are aren around as at be became because been before being below between both but
by can cannot could couldn did didn do does doesn doing don done down during each
either else enough etc even ever every few for from further get gets got had hadn
has hasn have haven having he her here hers herself him himself his how however i
if in into is isn it its itself just least less let like made make many may me
might mine more most much must my myself neither no nor not now of off often on
once one only or other others otherwise our ours ourselves out over own per quite
rather really said same say says several shall she should shouldn since so some
such than that the their theirs them themselves then there therefore these they
this those though through thus to too toward towards under until up upon us very
via was wasn we were weren what whatever when whence where whereas whether which
while who whoever whom whose why will with within without won would wouldn yet you
your yours yourself yourselves
""".split())

FR_STOP = set("""
a à afin ai aie ainsi alors au aucun aucune aupres auquel aussi autre autres aux
auxquelles auxquels avaient avait avant avec avoir ayant c ça car ce ceci cela
celle celles celui cependant certain certaine certaines certains ces cet cette
ceux chacun chacune chaque chez ci comme comment d dans de dedans dehors déjà des
desquelles desquels dessous dessus deux donc dont du duquel durant elle elles en
encore entre es est et étaient était étant été être eu eux fait faire fais font
furent fut hors i ici il ils j je jusqu jusque l la laquelle le lequel les
lesquelles lesquels leur leurs lors lorsque lui m ma mais me même mêmes mes moi
mon n ne ni non nos notre nous ou où par parce parmi pas peu peut peuvent plus
plusieurs pour pourquoi puis puisque qu quand que quel quelle quelles quels qui
quoi s sa sans se selon ser ses si sien sienne soi soit sommes son sont sous
suis sur t ta tandis te tel telle telles tels tes toi ton tous tout toute toutes
très tu un une unes uns v va vers voici voilà vos votre vous y ont avons avez
aient aurait auraient serait seraient sera seront fût lequel celle-ci
""".split())

# English words whose look-alike French word means something else.
FALSE_FRIENDS = set("""
actual actually eventual eventually sensible library lecture rest location attend
pretend deception issue sympathetic achieve resume formation prejudice large
comprehensive ignore fine chair coin cave sort pain sale main lard bless blesser
tape car son pour dent lime mode figure assume assumption envy journey journal
rude demand demande deputy occasion affair affairs public publicity gross grosse
preservative abuse agenda college blouse cargo chance entree hazard luxury
parent parents physician reunion adept facility terrible vest excited excite
delay retire retirement sensible sensibility supply sympathy ultimately marine
record records regard regards collar cour course courses file files gratuity
""".split())

# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
ELISION_PARTICLES = {"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}


def fold(s: str) -> str:
    """Lowercase and strip diacritics (é -> e, œ -> oe)."""
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def normalise_text(t: str) -> str:
    t = unicodedata.normalize("NFC", t)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    t = t.replace("\u2010", "-").replace("\u2011", "-").replace("\u00ad", "")
    return t


def tokenize(t: str) -> list[str]:
    """Lowercase word tokens; apostrophes split elisions (l', d', qu', ...)."""
    out = []
    for w in WORD_RE.findall(t.lower()):
        if len(w) < 2 or w in ELISION_PARTICLES:
            continue
        out.append(w)
    return out


HYPHEN_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\r?\n[ \t]*([^\W\d_]+)", re.UNICODE)


def join_hyphenation(t: str) -> str:
    """Join PDF line-end hyphenation ("prin-\\ncipes" -> "principes").

    A break is kept as a real hyphen ("multi-acteurs") when the hyphenated
    compound occurs elsewhere in the text and the joined word does not.
    """
    plain = set(w.lower() for w in WORD_RE.findall(HYPHEN_BREAK.sub(" ", t)))
    hyphenated = set(m.lower() for m in re.findall(r"[^\W\d_]+-[^\W\d_]+", t))

    def repl(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        joined = (left + right).lower()
        compound = (left + "-" + right).lower()
        if right[:1].isupper() and not (left.isupper() and right.isupper()):
            return left + "-" + right
        if compound in hyphenated and joined not in plain:
            return left + "-" + right
        return left + right

    return HYPHEN_BREAK.sub(repl, t)


class Corpus:
    def __init__(self, paths: list[str]):
        self.freq: collections.Counter[str] = collections.Counter()
        self.by_fold: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.folded_docs: list[str] = []
        # unaccented tokens seen written with capitals ("Etats", "NUMERIQUE"):
        # the only ones allowed to stand for an accented dictionary word.
        self.caps_plain: set[str] = set()
        self._forms_cache: dict[tuple[str, bool], collections.Counter[str]] = {}
        for p in paths:
            with open(p, encoding="utf-8") as fh:
                text = join_hyphenation(normalise_text(fh.read()))
            for w in WORD_RE.findall(text):
                if w != w.lower() and fold(w) == w.lower():
                    self.caps_plain.add(w.lower())
            toks = tokenize(text)
            self.freq.update(toks)
            self.folded_docs.append(" " + " ".join(fold(w) for w in toks) + " ")
        for w, n in self.freq.items():
            self.by_fold[fold(w)][w] += n

    def has_phrase(self, phrase: str) -> bool:
        toks = tokenize(normalise_text(phrase))
        if not toks:
            return False
        needle = " " + " ".join(fold(w) for w in toks) + " "
        return any(needle in d for d in self.folded_docs)

    def forms_of(self, lemma: str, exact_accents: bool = True) -> collections.Counter[str]:
        """Corpus surface forms of a French lemma, with frequencies.

        exact_accents: the lemma's accents are known (dictionary word), so a
        corpus form must carry the same accents, except unaccented forms that
        come from capitalised text ("Etats" for "états").  Otherwise (cognate
        guesses, which are built without accents) any accentuation matches.
        """
        key = (lemma, exact_accents)
        hit = self._forms_cache.get(key)
        if hit is not None:
            return hit
        out: collections.Counter[str] = collections.Counter()
        for v in fr_variants(lemma):
            c = self.by_fold.get(fold(v))
            if not c:
                continue
            for w, n in c.items():
                if not exact_accents or w == v or w in self.caps_plain:
                    out[w] += n
        self._forms_cache[key] = out
        return out


def fr_variants(f: str) -> set[str]:
    """Plausible inflected forms of a French lemma (accented or folded)."""
    v = {f, f + "s", f + "x"}
    if len(f) < 3:
        return {f}
    if f.endswith("er") and len(f) > 4:
        st = f[:-2]
        v |= {st + s for s in ("e", "é", "ée", "és", "ées", "es", "ent", "ant", "ons", "ez",
                               "ait", "aient", "era", "eront", "erait", "eraient", "ions")}
    elif f.endswith("ir") and len(f) > 4:
        st = f[:-2]
        v |= {st + s for s in ("i", "ie", "is", "ies", "it", "issent", "issant", "issait")}
    if f.endswith(("é", "e")):
        v |= {f + "e", f + "es"}          # signé -> signée(s)
    elif f.endswith("s"):
        v |= {f + "e", f + "es"}          # français -> française(s)
    elif f.endswith("al"):
        v |= {f[:-2] + "aux", f + "e", f + "es"}
    elif f.endswith("el"):
        v |= {f + "le", f + "les"}
    elif f.endswith("if"):
        v |= {f[:-2] + "ive", f[:-2] + "ives"}
    elif f.endswith("eux"):
        v |= {f[:-3] + "euse", f[:-3] + "euses"}
    elif f.endswith("ien"):
        v |= {f + "ne", f + "nes"}
    elif not f.endswith(("x", "r")):
        v |= {f + "e", f + "es"}
    return v


# --------------------------------------------------------------------------
# dictd (FreeDict) parsing
# --------------------------------------------------------------------------

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64num(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


def read_dictd(name: str) -> list[tuple[str, list[list[str]]]]:
    """Return [(headword, [[translation, ...] per sense])] in index order."""
    idx_path = os.path.join(DICTD_DIR, name + ".index")
    dz_path = os.path.join(DICTD_DIR, name + ".dict.dz")
    with gzip.open(dz_path) as fh:
        data = fh.read()
    entries = []
    seen = set()
    with open(idx_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00database") or parts[0].startswith("00-database"):
                continue
            off, ln = b64num(parts[1]), b64num(parts[2])
            if (off, ln) in seen:
                continue
            seen.add((off, ln))
            body = normalise_text(data[off:off + ln].decode("utf-8"))
            lines = [l.strip() for l in body.split("\n") if l.strip()]
            if not lines:
                continue
            head = re.split(r"\s+/|\s+<", lines[0])[0].strip()
            senses = []
            for l in lines[1:]:
                l = re.sub(r"^\d+\.\s*", "", l)
                items = [x.strip() for x in re.split(r"[,;]", re.sub(r"\([^)]*\)", "", l))]
                items = [x for x in items if x]
                if items:
                    senses.append(items)
            if head and senses:
                entries.append((head, senses))
    return entries


# American -> British spelling patterns applied to enFr keys (recognize -> recognise, defense -> defence).
BRITISH_SPELLINGS = [(r"iz(e|es|ed|ing|ation|ations)$", r"is\1"), (r"yz(e|es|ed|ing)$", r"ys\1"),
                     (r"([^aeiou])or$", r"\1our"), (r"ense$", "ence"), (r"([^aeiou])er$", r"\1re")]


def clean_en_gloss(g: str) -> str:
    g = g.lower().strip().strip(".!?\"'")
    g = re.sub(r"^(to|a|an|the)\s+", "", g)
    g = re.sub(r"\s+", " ", g)
    return g


def is_simple_word(w: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]+", w))


# --------------------------------------------------------------------------
# English -> French cognate heuristics
# --------------------------------------------------------------------------

COGNATE_RULES = [
    # (english suffix, french suffix, min stem length)
    ("ization", "isation", 3), ("sibility", "sabilite", 3), ("tiation", "ciation", 3),
    ("tiate", "cier", 3), ("endence", "endance", 3), ("ity", "ite", 3), ("ty", "te", 3), ("ncy", "nce", 3), ("racy", "ratie", 3),
    ("cy", "tie", 3), ("cy", "cie", 3), ("ism", "isme", 2), ("ist", "iste", 2),
    ("ical", "ique", 3), ("ics", "ique", 3), ("ic", "ique", 3), ("onal", "onnel", 3),
    ("al", "el", 3), ("ive", "if", 3), ("ous", "eux", 3), ("ize", "iser", 3),
    ("ise", "iser", 3), ("yze", "yser", 3), ("ify", "ifier", 2), ("gy", "gie", 2),
    ("my", "mie", 2), ("phy", "phie", 2), ("ry", "rie", 3), ("y", "ie", 4),
    ("or", "eur", 3), ("ary", "aire", 3), ("ory", "oire", 3), ("ar", "aire", 3),
    ("ate", "er", 3), ("ate", "at", 3), ("ate", "e", 3), ("er", "re", 3),
    ("ck", "que", 2), ("k", "que", 3), ("em", "eme", 3), ("am", "amme", 3),
    ("ct", "t", 3), ("ed", "e", 3),
]


def cognate_candidates(w: str) -> list[tuple[str, float]]:
    """Folded French candidates for an English word, with a confidence."""
    out: list[tuple[str, float]] = []
    if len(w) >= 4:
        out.append((w, 3.5))
    if len(w) >= 3 and not w.endswith("e"):
        out.append((w + "e", 2.5))        # tax -> taxe, reform -> réforme
    if len(w) >= 4:
        out.append((w + "er", 2.0))       # sign -> signer, adopt -> adopter
        if w.endswith("e"):
            out.append((w[:-1] + "er", 2.0))
    for en, fr, minstem in COGNATE_RULES:
        if w.endswith(en) and len(w) - len(en) >= minstem:
            out.append((w[: len(w) - len(en)] + fr, 2.5))
    return out


# --------------------------------------------------------------------------
# WordNet
# --------------------------------------------------------------------------

class WordNet:
    POS = ("noun", "verb", "adj", "adv")

    def __init__(self, base: str):
        self.index: dict[str, list[tuple[str, list[int], int]]] = collections.defaultdict(list)
        self.data: dict[tuple[str, int], list[str]] = {}
        for pos in self.POS:
            with open(os.path.join(base, "index." + pos), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue
                    p = line.split()
                    lemma = p[0]
                    synset_cnt = int(p[2])
                    p_cnt = int(p[3])
                    tagsense = int(p[5 + p_cnt])
                    offsets = [int(x) for x in p[6 + p_cnt: 6 + p_cnt + synset_cnt]]
                    self.index[lemma].append((pos, offsets, tagsense))
            with open(os.path.join(base, "data." + pos), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue
                    p = line.split()
                    off = int(p[0])
                    wcnt = int(p[3], 16)
                    words = []
                    for i in range(wcnt):
                        w = p[4 + 2 * i].lower()
                        w = re.sub(r"\([a-z]+\)$", "", w)   # adj markers e.g. (a), (p)
                        words.append(w)
                    self.data[(pos, off)] = words

        # Irregular inflections ("held hold", "spoke speak"): the English stemmer cannot map them to their base.
        self.exceptions: dict[str, str] = {}
        for pos in self.POS:
            path = os.path.join(base, pos + ".exc")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    p = line.split()
                    if len(p) >= 2 and re.fullmatch(r"[a-z]+", p[0]) and re.fullmatch(r"[a-z]+", p[1]):
                        self.exceptions.setdefault(p[0], p[1])

    def single_word_lemmas(self) -> list[str]:
        return sorted(l for l in self.index if re.fullmatch(r"[a-z]+", l))

    def is_common(self, lemma: str) -> bool:
        return any(t > 0 for _, _, t in self.index.get(lemma, ()))

    def dominant_synonyms(self, lemma: str) -> list[str]:
        """Members of the lemma's first synset (per POS) for which that synset
        is also one of their own two most frequent senses."""
        out: list[str] = []
        for pos, offsets, _ in self.index.get(lemma, ()):
            if not offsets:
                continue
            off = offsets[0]
            for w in self.data.get((pos, off), ()):
                if w == lemma or w in out or not re.fullmatch(r"[a-z]+", w):
                    continue
                if any(p == pos and off in offs[:2] for p, offs, _ in self.index.get(w, ())):
                    out.append(w)
        return out

    def synonyms(self, lemma: str, senses: int) -> list[str]:
        """Synonyms from the first `senses` synsets of each POS, best first."""
        rows = []
        for pos, offsets, _ in self.index.get(lemma, ()):
            for rank, off in enumerate(offsets[:senses]):
                rows.append((rank, self.POS.index(pos), pos, off))
        out: list[str] = []
        for rank, _, pos, off in sorted(rows):
            for w in self.data.get((pos, off), ()):
                if w != lemma and w not in out and re.fullmatch(r"[a-z]+", w):
                    out.append(w)
        return out


def find_wordnet() -> str:
    for d in WORDNET_DIRS:
        if os.path.exists(os.path.join(d, "data.noun")):
            return d
    try:
        out = subprocess.run(["dpkg", "-L", "wordnet-base"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.endswith("/data.noun"):
                return os.path.dirname(line)
    except OSError:
        pass
    sys.exit("WordNet data files not found: apt-get install -y wordnet")


# --------------------------------------------------------------------------
# MyThes (mythes-fr)
# --------------------------------------------------------------------------

def read_mythes(path: str) -> dict[str, list[list[str]]]:
    with open(path, "rb") as fh:
        raw = fh.read()
    first, _, rest = raw.partition(b"\n")
    enc = first.decode("ascii", "replace").strip() or "ISO-8859-1"
    enc = {"ISO8859-1": "iso-8859-1", "ISO8859-15": "iso-8859-15"}.get(enc, enc)
    try:
        text = rest.decode(enc)
    except (LookupError, UnicodeDecodeError):
        try:
            text = rest.decode("utf-8")
        except UnicodeDecodeError:
            text = rest.decode("iso-8859-1")
    text = normalise_text(text)
    lines = text.split("\n")
    out: dict[str, list[list[str]]] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "|" not in line or line.startswith("("):
            continue
        head, _, cnt = line.partition("|")
        try:
            n = int(cnt)
        except ValueError:
            continue
        meanings = []
        for _ in range(n):
            if i >= len(lines):
                break
            parts = lines[i].split("|")
            i += 1
            syns = []
            for s in parts[1:]:
                if "antonym" in s.lower():
                    continue
                s = re.sub(r"\([^)]*\)", "", s).strip().lower()
                if s:
                    syns.append(s)
            meanings.append(syns)
        out.setdefault(head.strip().lower(), []).extend(meanings)
    return out


# --------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------

def read_thesaurus(path: str) -> list[tuple[str, list[str]]]:
    """The thesaurus's terms with their English renderings (its third column, everyday French, is not read)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2 and cells[0].strip():
                rows.append((cells[0].strip(), [e.strip() for e in cells[1].split("|") if e.strip()]))
    return rows


def read_glossary(path: str, corpus: Corpus, log) -> list[dict]:
    entries: dict[str, list[str]] = {}
    order: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = normalise_text(line.rstrip("\n"))
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "\t" not in line:
                log(f"glossary.tsv:{n}: no TAB, skipped")
                continue
            en, fr = line.split("\t", 1)
            en = re.sub(r"\s+", " ", en.strip().lower())
            frs = []
            for f in fr.split("|"):
                f = re.sub(r"\s+", " ", f.strip().lower())
                if not f:
                    continue
                if not corpus.has_phrase(f):
                    log(f"glossary.tsv:{n}: '{f}' not found in seeds, dropped")
                    continue
                frs.append(f)
            if not frs:
                continue
            if en not in entries:
                entries[en] = []
                order.append(en)
            for f in frs:
                if f not in entries[en]:
                    entries[en].append(f)
    return [{"en": en, "fr": entries[en]} for en in sorted(order)]


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

class Candidates:
    """english key -> French lemma (folded key) -> scored evidence."""

    def __init__(self):
        self.score: dict[str, dict[str, float]] = collections.defaultdict(lambda: collections.defaultdict(float))
        self.src: dict[str, dict[str, dict[str, float]]] = collections.defaultdict(lambda: collections.defaultdict(dict))
        # folded lemma -> accented spelling given by a dictionary, if any
        self.spelling: dict[str, str] = {}

    def add(self, en: str, fr: str, source: str, weight: float, exact_accents: bool = True):
        f = fold(fr)
        if exact_accents:
            self.spelling.setdefault(f, fr)
        prev = self.src[en][f].get(source)
        if prev is None or weight > prev:
            self.src[en][f][source] = weight

    def ranked(self, en: str, corpus: "Corpus") -> list[tuple[str, float, int]]:
        """[(folded lemma, score, n_sources)] best first."""
        rows = []
        for f, srcs in self.src[en].items():
            forms = self.forms(f, corpus)
            if not forms:
                continue
            # The two FreeDict directions come from the same upstream data, so
            # their agreement counts as one piece of evidence.
            d = [srcs[k] for k in ("eng-fra", "fra-eng") if k in srcs]
            dict_score = (max(d) + 0.3 * min(d) if len(d) == 2 else d[0]) if d else 0.0
            groups = (1 if d else 0) + sum(1 for k in ("cognate", "glossary") if k in srcs)
            score = (dict_score + srcs.get("cognate", 0.0) + srcs.get("glossary", 0.0)
                     + 0.75 * (groups - 1) + 0.3 * math.log10(1 + sum(forms.values())))
            rows.append((f, score, groups))
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows

    def forms(self, f: str, corpus: "Corpus") -> collections.Counter[str]:
        sp = self.spelling.get(f)
        return corpus.forms_of(sp, True) if sp else corpus.forms_of(f, False)


def pick_forms(forms_list: list[collections.Counter[str]], lemma_folds: list[str], cap: int) -> list[str]:
    out: list[str] = []
    for lf, forms in zip(lemma_folds, forms_list):
        ordered = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
        # exact lemma spelling first when present, then by frequency
        exact = [w for w, _ in ordered if fold(w) == lf]
        rest = [w for w, _ in ordered if fold(w) != lf]
        chosen = (exact[:2] + rest)[:MAX_FORMS_PER_LEMMA]
        for w in chosen:
            if w not in out and w not in FR_STOP:
                out.append(w)
                if len(out) >= cap:
                    return out
    return out


def representative(corpus: Corpus, lemma: str) -> str | None:
    """Corpus surface form standing for a French lemma (lemma itself if present)."""
    if corpus.freq.get(lemma):
        return lemma
    forms = corpus.forms_of(lemma, True)
    if not forms:
        return None
    exact = sorted((w for w in forms if fold(w) == fold(lemma)), key=lambda w: (-forms[w], w))
    if exact:
        return exact[0]
    return sorted(forms, key=lambda w: (-forms[w], w))[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--quiet", action="store_true", help="no sample translations")
    args = ap.parse_args()

    def log(msg: str):
        print(msg, file=sys.stderr)

    seed_paths = sorted(glob.glob(SEEDS_GLOB))
    if not seed_paths:
        sys.exit(f"no seeds found at {SEEDS_GLOB}")
    corpus = Corpus(seed_paths)
    fr_stop_fold = {fold(s) for s in FR_STOP}

    def fr_lemma_ok(fr: str, exact_accents: bool = True) -> bool:
        return (len(fr) >= 3 and fold(fr) not in fr_stop_fold
                and bool(corpus.forms_of(fr, exact_accents)))

    cand = Candidates()

    # 1. FreeDict English -> French (direct); earlier senses weigh more.
    eng_fra = read_dictd(ENG_FRA)
    en_vocab: set[str] = set()
    for head, senses in eng_fra:
        en = head.lower()
        if not is_simple_word(en) or en in EN_STOP:
            continue
        en_vocab.add(en)
        for si, items in enumerate(senses):
            for ti, fr in enumerate(items):
                fr = fr.lower()
                if is_simple_word(fr) and fr_lemma_ok(fr):
                    cand.add(en, fr, "eng-fra", 3.0 - 0.3 * min(si, 3) - 0.1 * min(ti, 4))

    # 2. FreeDict French -> English, inverted (weaker when the entry has many glosses).
    fra_eng = read_dictd(FRA_ENG)
    for head, senses in fra_eng:
        fr = head.lower()
        if not is_simple_word(fr) or not fr_lemma_ok(fr):
            continue
        glosses = [clean_en_gloss(g) for items in senses for g in items]
        glosses = [g for g in glosses if is_simple_word(g) and g not in EN_STOP]
        for g in glosses:
            cand.add(g, fr, "fra-eng", 2.0 + 1.0 / len(glosses))

    # 3. Cognates for every English word we know of (WordNet lemmas + dictionaries).
    wn = WordNet(find_wordnet())
    en_vocab |= set(wn.single_word_lemmas())
    # fra-eng glosses are not always English ("sein", "assur"): keys must be
    # WordNet lemmas or eng-fra headwords (glossary terms are added below).
    for en in list(cand.src):
        if en not in en_vocab:
            del cand.src[en]
    for en in sorted(en_vocab):
        if en in EN_STOP or en in FALSE_FRIENDS or not re.fullmatch(r"[a-z]+", en):
            continue
        for f, w in cognate_candidates(en):
            if fr_lemma_ok(f, False):
                cand.add(en, f, "cognate", w, exact_accents=False)

    # 4. Hand-written glossary (single-word English terms feed enFr directly).
    glossary = read_glossary(GLOSSARY_TSV, corpus, log)
    for g in glossary:
        if not is_simple_word(g["en"]):
            continue
        for i, fr in enumerate(g["fr"]):
            toks = tokenize(fr)
            if len(toks) == 1:
                cand.add(g["en"], toks[0], "glossary", 100.0 - i)

    # Rank and materialise enFr.
    en_fr: dict[str, list[str]] = {}
    strong_keys: set[str] = set()   # keys backed by a dictionary or the glossary
    for en in sorted(cand.src):
        if en in EN_STOP:
            continue
        rows = cand.ranked(en, corpus)
        if not rows:
            continue
        has_gloss = any("glossary" in cand.src[en][f] for f, _, _ in rows)
        best_other = max((sc for f, sc, _ in rows if "glossary" not in cand.src[en][f]), default=0.0)
        keep = []
        for f, sc, n in rows:
            if "glossary" in cand.src[en][f]:
                keep.append(f)
            elif has_gloss:
                if n >= 2:                      # independent confirmation only
                    keep.append(f)
            elif not keep or (sc >= 0.8 * best_other and len(keep) < MAX_LEMMAS):
                keep.append(f)
        forms = pick_forms([cand.forms(f, corpus) for f in keep], keep, MAX_FR_PER_KEY)
        if forms:
            en_fr[en] = forms
            if any(k in cand.src[en][f] for f in keep for k in ("eng-fra", "fra-eng", "glossary")):
                strong_keys.add(en)

    # 5. WordNet bridge: common English words with no translation inherit the
    #    translations of synonyms sharing their main WordNet sense (the shared
    #    synset is among the synonym's two main senses too), provided those
    #    synonyms are dictionary/glossary-backed keys.
    bridged = 0
    for en in wn.single_word_lemmas():
        if en in en_fr or en in EN_STOP or en in FALSE_FRIENDS or len(en) < 3 or not wn.is_common(en):
            continue
        out: list[str] = []
        for syn in wn.dominant_synonyms(en):
            if syn not in strong_keys:
                continue
            for fr in en_fr[syn][:2]:
                if fr not in out:
                    out.append(fr)
            if len(out) >= MAX_BRIDGE:
                break
        if out:
            en_fr[en] = out[:MAX_BRIDGE]
            bridged += 1

    # 5b. Irregular forms and British spellings inherit their base's translations: a question says "held",
    #     "spoke" or "recognised", the dictionaries list "hold", "speak" and "recognize".
    inflected = 0
    for form, base in sorted(wn.exceptions.items()):
        if form not in en_fr and form not in EN_STOP and base in en_fr:
            en_fr[form] = en_fr[base]
            inflected += 1
    for key in sorted(en_fr):
        for american, british in BRITISH_SPELLINGS:
            variant = re.sub(american, british, key)
            if variant != key and variant not in en_fr:
                en_fr[variant] = en_fr[key]
                inflected += 1

    # 5c. Domain thesaurus (thesaurus.tsv): an English single word it gives for a one-word term of the seeds, when
    #     no dictionary has that word ("researchers" -> chercheurs, "deployment" -> déploiement). Written from general
    #     knowledge for the seeds' own vocabulary, it fills the dictionaries' gaps and overrides nothing.
    from_thesaurus = 0
    thesaurus_keys: dict[str, list[str]] = collections.defaultdict(list)
    for term, english in read_thesaurus(THESAURUS_TSV):
        toks = tokenize(term)
        if len(toks) != 1 or not fr_lemma_ok(toks[0], False):
            continue
        for en in english:
            en = en.lower()
            if re.fullmatch(r"[a-z]+", en) and en not in EN_STOP and en not in en_fr and toks[0] not in thesaurus_keys[en]:
                thesaurus_keys[en].append(toks[0])
    for en, terms in sorted(thesaurus_keys.items()):
        forms = pick_forms([corpus.forms_of(t, False) for t in terms], terms, MAX_FR_PER_KEY)
        if forms:
            en_fr[en] = forms
            from_thesaurus += 1

    # 6. enSyn from WordNet (synonyms that are themselves enFr keys).
    en_syn: dict[str, list[str]] = {}
    for en in sorted(en_fr):
        syns = [s for s in wn.synonyms(en, WN_SENSES_SYN) if s in en_fr and s not in EN_STOP]
        if syns:
            en_syn[en] = syns[:MAX_EN_SYN]

    # 7. frSyn from the French thesaurus, restricted to the corpus.
    mythes_path = next((p for p in MYTHES_CANDIDATES if os.path.exists(p)), None)
    if not mythes_path:
        sys.exit("mythes-fr thesaurus not found: apt-get install -y mythes-fr")
    thes = read_mythes(mythes_path)
    in_corpus: dict[str, str] = {}
    for head in thes:
        if is_simple_word(head) and fold(head) not in fr_stop_fold and len(head) >= 3:
            rep = representative(corpus, head)
            if rep:
                in_corpus[head] = rep
    # mythes-fr lists are long and loose ("excellence" lists "ambassadeur"),
    # so a pair is kept only when it is mutual (each word lists the other) and
    # confirmed cross-lingually: some dictionary/glossary-backed English key
    # translates to both words.
    en_of_form: dict[str, set[str]] = collections.defaultdict(set)
    for en in strong_keys:
        for fr in en_fr[en]:
            en_of_form[fr].add(en)

    def english_of(lemma: str) -> set[str]:
        out: set[str] = set()
        for w in corpus.forms_of(lemma, True):
            out |= en_of_form.get(w, set())
        return out

    fr_syn_sets: dict[str, list[str]] = collections.defaultdict(list)
    for head in sorted(in_corpus):
        key = in_corpus[head]
        head_en = english_of(head)
        if not head_en:
            continue
        for meaning in thes[head]:
            for s in meaning:
                if not is_simple_word(s) or s == head or fold(s) in fr_stop_fold or s not in in_corpus:
                    continue
                rep = in_corpus[s]
                if rep == key or rep in fr_syn_sets[key]:
                    continue
                if not any(head in m for m in thes.get(s, [])):
                    continue
                if head_en & english_of(s):
                    fr_syn_sets[key].append(rep)
    fr_syn = {k: v[:MAX_FR_SYN] for k, v in sorted(fr_syn_sets.items()) if v}

    # Output.
    sources = []
    for s in SOURCES:
        s = dict(s)
        if s["package"]:
            try:
                v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", s["package"]],
                                   capture_output=True, text=True).stdout.strip()
            except OSError:
                v = ""
            s["version"] = v or None
        sources.append(s)
    lexicon = {
        "version": 1,
        "sources": sources,
        "enFr": {k: en_fr[k] for k in sorted(en_fr)},
        "frSyn": fr_syn,
        "enSyn": {k: en_syn[k] for k in sorted(en_syn)},
        "glossary": glossary,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    payload = json.dumps(lexicon, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(payload + "\n")

    size = os.path.getsize(args.out)
    print(f"seeds: {len(seed_paths)} files, {len(corpus.freq)} distinct words")
    print(f"enFr: {len(en_fr)} keys ({bridged} via WordNet bridge, {inflected} irregular forms and British spellings, {from_thesaurus} from the thesaurus)")
    print(f"frSyn: {len(fr_syn)} keys")
    print(f"enSyn: {len(en_syn)} keys")
    print(f"glossary: {len(glossary)} entries")
    print(f"wrote {os.path.relpath(args.out, ROOT)} ({size / 1024:.1f} KiB)")

    if not args.quiet:
        sample = ("agreement signed funding budget summit adopted nations treaty tax consumption "
                  "intelligence artificial quantum computing centre school opening language french "
                  "ambassador trip meet reform forum city month members principle individual "
                  "information share private companies attackers practice backing states businesses "
                  "meeting world people online access export control malware dissemination "
                  "cybercrime convention ratified cyberspace pledge digital state").split()
        print("\nsample translations (lookup after naive English lemmatisation):")
        for w in sample:
            key = lookup_key(w, en_fr)
            print(f"  {w:14} -> {key or '-':12} {', '.join(en_fr.get(key, [])) if key else '(none)'}")


def lookup_key(w: str, table: dict) -> str | None:
    """Tiny lemmatiser used only for the printed sample."""
    cands = [w]
    if w.endswith("ies"):
        cands.append(w[:-3] + "y")
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    if w.endswith("ed"):
        cands += [w[:-2], w[:-1], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
        if w.endswith("ied"):
            cands.append(w[:-3] + "y")
    if w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e"]
    for c in cands:
        if c in table:
            return c
    return None


if __name__ == "__main__":
    main()
