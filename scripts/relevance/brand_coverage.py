#!/usr/bin/env python3
"""Checks the brand <-> generic lines of synonyms.txt against the drug names of a corpus.

    python3 scripts/relevance/brand_coverage.py /work/rxhive/composition [--synonyms FILE] [--all]
    python3 scripts/relevance/brand_coverage.py /work/rxhive/composition --name fluoxetine --name "glyceryl trinitrate"
    python3 scripts/relevance/brand_coverage.py /work/rxhive/composition --phrase hypnotic --phrase antacid

Reads the `title:` of every monograph (a combination is titled "A + B"; a qualifier such as "(Systemic)" or
"[paracetamol]" is dropped for matching, and a bracketed name counts as another name of the drug). Then, for
every line of the synonyms file's brand sections (or of the whole file with --all), it reports which entry
names a drug of the corpus: a single-ingredient monograph, or only an ingredient of combinations. Lines with no
such entry are listed as "generic absent". It also lists entries that stand on more than one line (the lines
then merge into one equivalence, which is easy to do by accident) and entries that name one corpus drug on a line
that names another (a brand that is also another drug's name makes queries for that drug find the wrong one).

--name looks names up the same way; --phrase counts the monographs whose text contains a phrase (words
matched as the synonyms file writes them: lower case, punctuation as space), to check that a class word
really occurs before a lay name is mapped to it.

Only counts, titles and slugs are printed: never text of the corpus. Python 3 standard library only.
"""

import argparse
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SYNONYMS = os.path.normpath(os.path.join(HERE, "..", "..", "src", "main", "resources", "monosearch", "synonyms.txt"))
_PUNCT = re.compile(r"[^a-z0-9]+")
_QUALIFIER = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_BRACKETED = re.compile(r"\[([^\]]*)\]")
_TITLE = re.compile(r"^title:\s*(.*?)\s*$", re.MULTILINE)


def key(text):
    """Lower case, no accents, punctuation as space: how the synonyms file and the search fold words."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M")).lower()
    return " ".join(_PUNCT.sub(" ", s).split())


def names_of(title):
    """The keys a drug title answers to: the title without qualifiers, any bracketed alternative name, and each
    side of a slash ("Levothyroxine/ T4")."""
    plain = _QUALIFIER.sub(" ", title)
    # The whole title counts as well, qualifier and all ("doxorubicin liposomal"), as the search reads it.
    out = {key(plain), key(title)}
    out.update(key(b) for b in _BRACKETED.findall(title))
    if "/" in plain:
        out.update(key(part) for part in plain.split("/"))
    return {n for n in out if n}


def read_titles(root):
    """(slug, title, text) of every monograph under root; the title from the front matter, else the slug."""
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                front = text[:text.find("\n---", 3)] if text.startswith("---") else ""
                m = _TITLE.search(front)
                title = m.group(1).strip("'\"") if m else name[:-3]
                yield name[:-3], title, text


class Drugs:
    """Which names are monographs of their own, and which only ingredients of combinations (or a combination)."""

    def __init__(self, monographs):
        self.single = defaultdict(set)
        self.ingredient = defaultdict(set)
        for slug, title, _ in monographs:
            parts = [p for p in re.split(r"\s*\+\s*", title) if p.strip()]
            if len(parts) == 1:
                for n in names_of(title):
                    self.single[n].add(title)
                continue
            self.ingredient[key(" ".join(parts))].add(title)
            for part in parts:
                for n in names_of(part):
                    self.ingredient[n].add(title)

    def lookup(self, entry):
        """(kind, titles) for an entry written as in the synonyms file. Kind is 'monograph' (the entry is a
        drug's name), 'monograph, longer title' (the words open a title, as in "mipomersen" for "Mipomersen
        Sodium"), 'ingredient' (only in combinations) or None."""
        k = key(entry)
        if k in self.single:
            return "monograph", sorted(self.single[k])
        longer = sorted(t for n, titles in self.single.items() if n.startswith(k + " ") for t in titles)
        if longer:
            return "monograph, longer title", longer
        if k in self.ingredient:
            return "ingredient", sorted(self.ingredient[k])
        return None, []


def synonym_lines(path):
    """(line number, section, entries) of every rule; a section is the text between two dashed comment rules."""
    section, pending, out = "", None, []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if line.startswith("#"):
                body = line.lstrip("#").strip()
                if body.startswith("---"):
                    if pending is not None:
                        section, pending = pending, None
                    else:
                        pending = ""
                elif pending == "":
                    pending = body
                continue
            pending = None
            if line:
                entries = [key(e) for e in re.split(r",|=>", line)]
                out.append((number, section, "=>" in line, [e for e in entries if e]))
    return out


def report(drugs, lines, every_line):
    present, absent, conflicts = [], [], []
    where = defaultdict(list)
    for number, section, one_way, entries in lines:
        if not one_way:
            for e in set(entries):
                where[e].append(number)
        if not every_line and not section.lower().startswith("brand"):
            continue
        found = [(e,) + drugs.lookup(e) for e in entries]
        named = [(e, kind, titles) for e, kind, titles in found if kind]
        if not named:
            absent.append((number, entries))
            continue
        present.append((number, named))
        drug_names = [e for e, kind, _ in named if kind == "monograph"]
        if len(drug_names) > 1:
            conflicts.append((number, drug_names))

    print("%d single-ingredient names, %d names found only in combinations"
          % (len(drugs.single), len([n for n in drugs.ingredient if n not in drugs.single])))
    monograph_lines = sum(1 for _, named in present if any(kind.startswith("monograph") for _, kind, _ in named))
    print("%d lines checked: %d name a corpus drug (%d a monograph of its own, %d only an ingredient), %d do not"
          % (len(present) + len(absent), len(present), monograph_lines, len(present) - monograph_lines, len(absent)))
    print()
    print("== lines naming a corpus drug (line: entry -> title)")
    for number, named in present:
        e, kind, titles = named[0]
        more = "" if len(titles) == 1 else " (+%d more)" % (len(titles) - 1)
        print("%5d: %s -> %s%s%s" % (number, e, titles[0], more, "" if kind == "monograph" else "  [%s]" % kind))
    print()
    print("== generic absent: no entry names a drug of the corpus")
    for number, entries in absent:
        print("%5d: %s" % (number, ", ".join(entries)))
    print()
    print("== lines where several entries are names of corpus monographs")
    print("   (fine for other names of one drug, such as salts; wrong if a brand is another drug's name)")
    for number, drug_names in conflicts:
        print("%5d: %s" % (number, " | ".join(drug_names)))
    print()
    print("== entries on more than one equivalence line (the lines merge into one)")
    for e, numbers in sorted(where.items()):
        if len(numbers) > 1:
            print("  %s: lines %s" % (e, ", ".join(map(str, numbers))))


def count_phrases(monographs, phrases):
    wanted = {p: " %s " % key(p) for p in phrases}
    counts = dict.fromkeys(phrases, 0)
    for _, _, text in monographs:
        folded = " %s " % key(text)
        for p, k in wanted.items():
            if k in folded:
                counts[p] += 1
    for p in phrases:
        print("%6d monographs contain %r" % (counts[p], key(p)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="folder of monographs (.md, any depth)")
    ap.add_argument("--synonyms", default=DEFAULT_SYNONYMS, help="synonyms file (default: the bundled one)")
    ap.add_argument("--all", action="store_true", help="check every line, not only the brand sections")
    ap.add_argument("--name", action="append", default=[], help="look a drug name up instead (repeatable)")
    ap.add_argument("--phrase", action="append", default=[], help="count monographs containing a phrase (repeatable)")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit("not a folder: %s" % args.corpus)
    monographs = list(read_titles(args.corpus))
    if not monographs:
        sys.exit("no .md monographs under %s" % args.corpus)
    if args.phrase:
        count_phrases(monographs, args.phrase)
    drugs = Drugs(monographs)
    for name in args.name:
        kind, titles = drugs.lookup(name)
        print("%s: %s" % (key(name), "%s: %s" % (kind, " | ".join(titles)) if kind else "absent"))
    if not args.name and not args.phrase:
        if not os.path.isfile(args.synonyms):
            sys.exit("no synonyms file at %s" % args.synonyms)
        report(drugs, synonym_lines(args.synonyms), args.all)


if __name__ == "__main__":
    main()
