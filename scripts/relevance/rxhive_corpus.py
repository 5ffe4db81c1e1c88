"""Reads the RxHive monographs into sections the way monosearch's MonographParser cuts them.

Only the shape matters here (which text falls under which heading path, and which canonical section name the
engine files it under); the text itself is only read for grading, never written out.

The canonical name follows MonographParser: a section is named after the deepest heading on its path that
sections.txt knows, else after its top-level heading. A paragraph opening with a bold label that names a known
section ("**Contraindications:** ...") starts a sub-section, and so do labelled list items under a heading that
names no known section (an ingredient of a combination product).
"""

import os
import re
import unicodedata
from dataclasses import dataclass, field

_NUMBERING = re.compile(r"^\s*\d+(\.\d+)*\.?\s+")
_PUNCT = re.compile(r"[^\w]+|_+")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^ {0,3}([*+-]|\d{1,9}[.)])([ \t]+|$)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUALIFIER = re.compile(r"[(\[]([^)\]]*)[)\]]")


def heading_key(text):
    """SectionNames.key: lower case, no accents, no leading numbering, & read as and, punctuation as space."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    s = s.lower().replace("&", " and ")
    s = _NUMBERING.sub("", s, count=1)
    return _PUNCT.sub(" ", s).strip()


class SectionNames:
    """sections.txt: canonical names and the heading variants that mean them."""

    def __init__(self, path):
        self.by_key = {}
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                canonical, _, aliases = line.partition(":")
                canonical = canonical.strip()
                if not canonical:
                    continue
                self.by_key.setdefault(heading_key(canonical), canonical)
                for alias in aliases.split(","):
                    if alias.strip():
                        self.by_key.setdefault(heading_key(alias), canonical)

    def canonical(self, heading):
        return self.by_key.get(heading_key(heading))

    def known(self, heading):
        return heading_key(heading) in self.by_key

    def section(self, path):
        """SectionNames.canonical of a heading path: the deepest heading that names a section, also through a
        qualifier ("Generic Name (Not Applicable)", "Alprazolam (Generic Name)"); a heading is read through its last
        words ("Cefixime Usage") only where no heading above it names a section ("Not for Acute Use" under Warnings
        and Precautions is a warning); None when the path names no section."""
        found = None
        for heading in path:
            plain, after_name = self._reading(heading)
            if plain:
                found = plain
            elif found is None:
                found = after_name
        return found

    def _reading(self, heading):
        """(section read plainly, section read after a name), either None."""
        exact = self.canonical(heading)
        if exact:
            return exact, None
        for inside in _QUALIFIER.findall(heading):
            if heading_key(inside) in self.by_key:
                return self.by_key[heading_key(inside)], None
        bare = heading_key(_QUALIFIER.sub(" ", heading))
        if bare in self.by_key:
            return self.by_key[bare], None
        words = bare.split(" ")
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if tail in self.by_key:
                return None, (None if self._names_a_section(words[:i]) else self.by_key[tail])
        return None, None

    def _names_a_section(self, words):
        """Whether any run of these words is a known section name or variant ("Dosage, ... and FAQs" names several)."""
        return any(" ".join(words[a:b]) in self.by_key
                   for a in range(len(words)) for b in range(a + 1, len(words) + 1))


@dataclass
class Section:
    path: list
    text_parts: list = field(default_factory=list)
    canonical: str = ""

    @property
    def heading(self):
        return self.path[-1]

    @property
    def text(self):
        return "\n\n".join(self.text_parts)


@dataclass
class Monograph:
    slug: str
    title: str
    sections: list

    def keys(self):
        """Canonical section name -> the sections the engine files under it (one key, several drafts)."""
        out = {}
        for s in self.sections:
            out.setdefault(s.canonical, []).append(s)
        return out


def _inline(text):
    """Markdown inline markup removed, roughly as PlainText.inline does."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", r"\1", text)
    text = text.replace("`", "")
    text = text.replace("\\", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def _strip_colons(s):
    s = s.strip()
    while s.endswith(":") or s.endswith("："):
        s = s[:-1].strip()
    return s


_BOLD_START = re.compile(r"^(\*\*|__)(.+?)\1(.*)$", re.S)


def _bold_label(paragraph, names):
    """'**Usage:** text' or '**Usage**: text' where Usage is a known section: (name, rest)."""
    m = _BOLD_START.match(paragraph.strip())
    if not m:
        return None
    label = _inline(m.group(2))
    after = m.group(3)
    colon = label.endswith(":") or after.lstrip().startswith(":")
    name = _strip_colons(label)
    if not colon or not name or not names.known(name):
        return None
    rest = after.lstrip()
    if rest.startswith(":"):
        rest = rest[1:].lstrip()
    return name, _inline(rest)


def _blocks(body):
    """Top-level markdown blocks: ('heading', level, text), ('para', text), ('list', [item texts]), ('other', text)."""
    lines = body.split("\n")
    i = 0
    out = []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if _FENCE.match(line):
            fence = _FENCE.match(line).group(1)
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith(fence):
                j += 1
            out.append(("other", "\n".join(lines[i + 1:j])))
            i = j + 1
            continue
        h = _HEADING.match(line)
        if h:
            out.append(("heading", len(h.group(1)), _inline(h.group(2) or "")))
            i += 1
            continue
        if _BULLET.match(line):
            items = []
            current = [line[_BULLET.match(line).end():]]
            i += 1
            blank = False
            while i < len(lines):
                nxt = lines[i]
                if not nxt.strip():
                    blank = True
                    i += 1
                    continue
                if _HEADING.match(nxt) or _FENCE.match(nxt):
                    break
                if _BULLET.match(nxt) and len(nxt) - len(nxt.lstrip()) < 2:
                    items.append("\n".join(current))
                    current = [nxt[_BULLET.match(nxt).end():]]
                    blank = False
                    i += 1
                    continue
                indented = len(nxt) - len(nxt.lstrip()) >= 2
                if blank and not indented:
                    break
                current.append(nxt.strip())
                blank = False
                i += 1
            items.append("\n".join(current))
            out.append(("list", items))
            continue
        para = [line]
        i += 1
        while i < len(lines):
            nxt = lines[i]
            if not nxt.strip() or _HEADING.match(nxt) or _FENCE.match(nxt):
                break
            b = _BULLET.match(nxt)
            if b and not re.match(r"^ {0,3}\d", nxt) and nxt[b.end():].strip():
                break
            if b and re.match(r"^ {0,3}1[.)]", nxt) and nxt[b.end():].strip():
                break
            para.append(nxt)
            i += 1
        out.append(("para", "\n".join(para)))
    return out


def _split_front_matter(text):
    title = None
    if text.startswith("---"):
        lines = text.split("\n")
        for n in range(1, len(lines)):
            if lines[n].strip() in ("---", "..."):
                for fm in lines[1:n]:
                    m = re.match(r"^title:\s*(.*)$", fm)
                    if m:
                        title = m.group(1).strip().strip("'\"") or None
                return title, "\n".join(lines[n + 1:])
    return title, text


def parse(slug, text, names):
    title, body = _split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    drafts = []
    open_ = []  # (level, heading)
    current = None
    saw_heading = False
    h1_title = None

    def open_path():
        return [h for _, h in open_]

    def add_text(t):
        nonlocal current
        if not t:
            return
        if current is None:
            current = Section(["Overview"])
            drafts.append(current)
        current.text_parts.append(t)

    def add_label(name, rest):
        nonlocal current
        current = Section(open_path() + [name])
        drafts.append(current)
        if rest:
            current.text_parts.append(rest)

    for block in _blocks(body):
        kind = block[0]
        if kind == "heading":
            level, raw = block[1], block[2]
            if not saw_heading and level == 1 and all(not d.text_parts for d in drafts):
                saw_heading = True
                h1_title = _strip_colons(raw) or None
                continue
            saw_heading = True
            heading = _strip_colons(raw)
            value = ""
            colon = heading.find(":")
            if colon > 0 and names.known(heading[:colon]):
                value = heading[colon + 1:].strip()
                heading = heading[:colon].strip()
            if not heading:
                heading = "Section %d" % (len(drafts) + 1)
            while open_ and open_[-1][0] >= level:
                open_.pop()
            open_.append((level, heading))
            current = Section(open_path())
            drafts.append(current)
            if value:
                current.text_parts.append(value)
        elif kind == "para":
            label = _bold_label(block[1], names)
            if label:
                add_label(*label)
            else:
                add_text(_inline(block[1]))
        elif kind == "list":
            under_unknown = bool(open_) and not names.known(open_[-1][1])
            labels = [_bold_label(item, names) for item in block[1]]
            if under_unknown and any(labels):
                for item, label in zip(block[1], labels):
                    if label:
                        first, _, more = item.partition("\n\n")
                        add_label(*_bold_label(first, names) or label)
                        if more:
                            add_text(_inline(more))
                    else:
                        add_text(_inline(item))
            else:
                add_text("\n".join(_inline(item) for item in block[1]))
        else:
            add_text(block[1].strip())
    name = h1_title or title or ""
    for d in drafts:
        d.canonical = names.section(d.path)
        if d.canonical is None:
            # MonographParser: one ingredient's own heading in a combination is that ingredient's overview.
            inside = " " + heading_key(name) + " "
            d.canonical = "Overview" if name and (" " + heading_key(d.path[0]) + " ") in inside else d.path[0]
    return Monograph(slug, title or h1_title or slug, [d for d in drafts if d.text.strip()])


def read_corpus(root, names):
    """Every monograph under root (any depth), keyed by slug (file name without .md)."""
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            slug = name[:-3]
            out[slug] = parse(slug, text, names)
    return out
