#!/usr/bin/env python3
"""Grades the RxHive query set against the real corpus and writes the two judged halves.

    python3 scripts/relevance/judge_rxhive.py /work/rxhive/composition

reads scripts/relevance/rxhive-queries.tsv (kind, query, rule; which half each query belongs to), parses every
monograph the way monosearch does (rxhive_corpus.py, with the project's sections.txt), grades the sections each
rule finds, and writes src/test/resources/relevance/rxhive-tuning.tsv and rxhive-heldout.tsv. Queries without a
half yet are given one at random (fixed seed, balanced within their kind) and the query file is rewritten, so the
split is made once and stays put when queries are added. Re-run it whenever sections.txt or the parser's
mapping of headings changes: rules grade by the real heading text (section_kind), and only the key each graded
section is written under follows the canonical mapping.

Only queries, slugs, canonical section names and grades are written: never text of the corpus.
"""

import argparse
import os
import random
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rxhive_corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SEED = 12

# --- what a section is about, read from its real heading text ------------------------------------------------

# First match wins, tried on the deepest heading of the path first: an ingredient heading such as "Alprazolam"
# matches nothing, so its labelled sub-section ("Alprazolam > Usage") is read by the label.
KIND_PATTERNS = [
    ("disclaimer", r"disclaimer"),
    ("boxed", r"boxed|black box"),
    ("contra", r"contraindicat|who should not"),
    ("interactions", r"interaction"),
    ("populations", r"pregnan|lactation|breast|specific population"),
    ("overdose", r"overdos"),
    ("storage", r"storage|how to store|how supplied"),
    ("faq", r"\bfaqs?\b|question"),
    ("side", r"side effect|adverse|undesirable|unwanted"),
    ("how", r"how it works|how does|mechanism|mode of action|pharmacolog|pharmacokinetic"),
    ("usage", r"\busage\b|\buses?\b|indication|used for|what it is used"),
    ("dosage", r"dosage|\bdos(e|es|ing)\b|administration|how to (take|use)|directions"),
    ("precautions", r"precaution|warning|caution|safety"),
    ("generic", r"generic|composition|active ingredient|brand|trade name"),
    ("overview", r"overview|introduction|summary|description|about"),
]
_KIND_RES = [(k, re.compile(p, re.I)) for k, p in KIND_PATTERNS]


def section_kind(section):
    kind = getattr(section, "kind", None)
    if kind is None:
        kind = "other"
        for heading in reversed(section.path):
            found = next((k for k, pattern in _KIND_RES if pattern.search(heading)), None)
            if found:
                kind = found
                break
        section.kind = kind
    return kind


SAFETY = {"precautions", "boxed", "contra", "populations", "interactions"}


def is_combination(m):
    t = m.title.lower()
    return "+" in t or "/" in t or "combination" in t


def ingredients(m):
    return [p for p in re.split(r"\s*[+/]\s*", m.title) if p.strip()]


def contains_ingredient(slug, drug_slug):
    """'aspirin-clopidogrel' contains 'clopidogrel': the drug's slug as whole hyphen-separated words."""
    return ("-" + drug_slug + "-") in ("-" + slug + "-")


# --- patterns ------------------------------------------------------------------------------------------------

def top_level_alternatives(text):
    """'a (b|c)|d' -> ['a (b|c)', 'd']: a bar inside parentheses belongs to its group."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == "(" and text[i - 1:i] != "\\":
            depth += 1
        elif c == ")" and text[i - 1:i] != "\\":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


class Terms:
    """'a b|c': either phrase, words joined by space or hyphen, a plural allowed; parts may be regex.

    search() first looks for a plain leading piece of each alternative in the lower-cased text: most sections
    hold none, and a substring test is far cheaper than the expression."""

    def __init__(self, alternatives):
        alts = []
        self.literals = []
        for alt in top_level_alternatives(alternatives):
            words = alt.strip().split()
            alts.append(r"[\s-]+".join(words))
            lead = re.match(r"[a-z0-9']*", words[0].lower()).group(0)
            if words[0][len(lead):len(lead) + 1] in ("?", "*", "{") and lead:
                lead = lead[:-1]
            self.literals.append(lead)
        if any(not lit for lit in self.literals):
            self.literals = None
        # A plural: "es" only after s, x, z, ch, sh, so that "hiv" never reads "hives".
        alts = [a + (r"(?:es)?" if re.search(r"(s|x|z|ch|sh)$", a) else r"s?") for a in alts]
        self.rx = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I)

    def search(self, text, lower=None):
        if self.literals is not None:
            lower = text.lower() if lower is None else lower
            if not any(lit in lower for lit in self.literals):
                return None
        return self.rx.search(text)

    def hits(self, section):
        return self.search(body(section), lower_body(section)) is not None


def term_regex(alternatives):
    return Terms(alternatives)


def plain(text):
    return text.replace("*", " ").replace("_", " ")


def body(section):
    """The section's text as rules read it, computed once."""
    text = getattr(section, "plain", None)
    if text is None:
        text = section.plain = plain(section.text)
    return text


def lower_body(section):
    text = getattr(section, "lower", None)
    if text is None:
        text = section.lower = body(section).lower()
    return text


_NOT_TREATED_BEFORE = re.compile(
    r"(\b(patients|individuals|people|those|adults|children|persons|women|men)\s+(with|who have|who are|suffering from)\b"
    r"|\b(risk|risks) (of|for)\b|\bcaus\w*|\btrigger\w*|\bworsen\w*|\bexacerbat\w*|\baggravat\w*|\bcontraindicat\w*"
    r"|\bavoid\w*|\bnot (be )?(used|recommended|effective|approved|indicated)\b|\binduc\w*|\bside effects?\b|\bhistory of\b"
    r"|\bunlike\b|\bcaution\b)[^.;:]{0,50}$", re.I)
_NOT_TREATED_AFTER = re.compile(r"^\W{0,2}(infected|positive|negative|patients|related|associated|induced|caused)\b", re.I)


def treated(text, hit):
    """Whether a mention of a condition names it as what is treated, not as the patients' other illness or a harm."""
    start = max(text.rfind(".", 0, hit.start()), text.rfind("\n", 0, hit.start())) + 1
    return not (_NOT_TREATED_BEFORE.search(text[start:hit.start()]) or _NOT_TREATED_AFTER.search(text[hit.end():hit.end() + 20]))


_NAME_NOISE = {"acid", "sodium", "potassium", "calcium", "hydrochloride", "oral", "systemic", "topical", "injection",
               "combination", "combinations", "with", "and", "human", "recombinant", "tablets", "extended", "release"}
_IS_A = re.compile(r"(\b(is|are|was|were|acts as|works as|used as|classified as|belongs to|belonging to|member of|known as|works by)|['’]s)\s+"
                   # Longest first: the first alternative that fits is taken, and "a" fits "a class of ..." too.
                   r"(a member of the|one of the|part of the|an?|the)?\s*"
                   r"((type|class|kind|group|member|family) of (drugs?|medications?|medicines?|agents?|antibiotics?)"
                   r"( called| known as)?\s+(an?\s+|the\s+)?)?"
                   r"\s*(?P<gap>([\w'()-]+,?\s+){0,4})$", re.I)
_GAP_BREAKS = re.compile(r"\b(not|no|never|to|for|against|with|from|by|that|which|who|of|in|on|reverse\w*|antidote|neutraliz\w*)\b", re.I)
_APPOSITION = re.compile(r"(?P<head>[^,(:]*)(,|\(|:| - )\s*(an?\s+|the\s+)?(?P<gap>([\w'-]+\s+){0,3})$")
_PRONOUN = re.compile(r"^\W*(it|this|these|they|the (drug|medication|medicine|combination)|this (drug|medication|medicine|combination))\b", re.I)


def name_words(m):
    words = set(re.findall(r"[a-z][a-z'-]{3,}", (m.title + " " + m.slug.replace("-", " ")).lower()))
    return words - _NAME_NOISE


def says_is_a(sentence, hit, names):
    """Whether the sentence says that this monograph's drug (named, or "it") is of the class the hit names."""
    before = sentence[:hit.start()]
    lower = before.lower()
    m = _IS_A.search(before)
    if m and _GAP_BREAKS.search(m.group("gap")):
        m = None
    if m:
        subject = lower[:m.start()]
        return bool(_PRONOUN.match(subject)) or any(n in subject for n in names) or not subject.strip()
    m = _APPOSITION.search(before)
    if m and not _GAP_BREAKS.search(m.group("gap")):
        head = m.group("head").lower()
        return len(head.split()) <= 6 and any(n in head for n in names)
    return not before.strip(" *-:\t")


def sentences(text, n):
    parts = re.split(r"(?<=[.!?])\s+|\n+", plain(text).strip())
    return " ".join(parts[:n])


# --- topics: what a drug + a kind of question is answered by -------------------------------------------------

ANY = None

# topic -> rules (section kinds or ANY, text pattern or None, grade); the first that applies gives the grade,
# and every other section of the drug is 1 (it is the right drug, not the right section).
TOPICS = {
    "usage": [({"usage"}, None, 3), ({"overview"}, None, 2)],
    "dose": [({"dosage"}, None, 3), ({"faq"}, r"how much|maximum (daily )?dose|daily dose|usual dose|dosage|\d+\s?mg", 2)],
    "side": [({"side"}, None, 3)],
    "how": [({"how"}, None, 3)],
    "precautions": [({"precautions", "boxed"}, None, 3), ({"contra", "populations", "interactions"}, None, 2)],
    # Who should not take it: a Contraindications section, else what Precautions says to avoid.
    "contra": [({"contra"}, None, 3),
               ({"precautions", "boxed"}, r"contraindicat\w*|(should|must) not (be )?(used|taken|take|use|give)|do not (take|use|give)|avoid\w*", 3),
               (ANY, r"contraindicat\w*", 2), ({"precautions"}, None, 2)],
    "interactions": [({"interactions"}, None, 3),
                     ({"precautions", "boxed", "contra"}, r"interact\w*", 3), (ANY, r"interact\w*", 2),
                     ({"precautions"}, None, 2)],
    "pregnancy": [({"populations", "precautions", "contra", "boxed", "faq"}, r"pregnan\w*", 3),
                  (ANY, r"pregnan\w*", 2)],
    "breastfeeding": [({"populations", "precautions", "contra", "faq"}, r"breast\W?feed\w*|breast milk|lactat\w*|nursing", 3),
                      (ANY, r"breast\W?feed\w*|breast milk|lactat\w*|nursing", 2)],
    "alcohol": [({"precautions", "contra", "interactions", "faq", "boxed", "populations"}, r"alcohol(?!ism)\w*|ethanol|drinking", 3),
                (ANY, r"alcohol(?!ism)\w*|ethanol", 2)],
    "missed": [({"faq", "dosage"}, r"miss(ed|es)?( a| the| your)? dos\w*|forget\w*|forgot\w*", 3),
               (ANY, r"miss(ed|es)?( a| the| your)? dos\w*", 2)],
    # How long it stays in the body: half-life and elimination, else How it Works.
    "halflife": [({"how", "faq", "dosage"}, r"half\W?li(fe|ves)|eliminat\w*|stays? in (the|your) (body|system)|duration of (action|effect)|long\W?acting", 3),
                 (ANY, r"half\W?li(fe|ves)|eliminat\w*", 2), ({"how"}, None, 2)],
    # How long until it works.
    "onset": [({"how", "faq", "dosage", "usage"}, r"\d+\W?(to|-)?\W?\d*\W?weeks?|several weeks|few weeks|onset|(start|begin)s? to work|takes? (time|a while|some time)|full (effect|benefit)", 3),
              ({"how"}, None, 2)],
    "driving": [(ANY, r"driv\w*|operat\w* (heavy )?machinery|machines?", 3), (ANY, r"drows\w*|sleepiness|dizz\w*", 2)],
    "food": [({"dosage", "faq", "interactions", "precautions"}, r"food|meals?|empty stomach|with milk|breakfast|before eating|after eating", 3),
             (ANY, r"food|meals?|empty stomach|breakfast", 2)],
    "kidney": [({"dosage", "precautions", "contra", "faq", "boxed"}, r"kidney\w*|renal", 3), (ANY, r"kidney\w*|renal", 2)],
    "liver": [({"dosage", "precautions", "contra", "faq", "boxed"}, r"liver|hepat\w*", 3), (ANY, r"liver|hepat\w*", 2)],
    "overdose": [(ANY, r"overdos\w*|too much|toxicity", 3), (ANY, r"double (the |a |your )?dose|extra dose", 2)],
    "children": [({"dosage", "precautions", "contra", "faq", "populations"}, r"(?<!reach of )child\w*|pediatric|paediatric|infants?|kids", 3),
                 (ANY, r"(?<!reach of )child\w*|pediatric|paediatric", 2)],
    "elderly": [(ANY, r"elderly|older (adults|patients|people)|geriatric", 3)],
    "stopping": [({"precautions", "faq", "dosage", "boxed"}, r"stop\w* (taking|treatment|the medication|abruptly|suddenly)|discontinu\w*|withdrawal", 3),
                 (ANY, r"stop\w* (taking|treatment|the medication|abruptly|suddenly)|discontinu\w*|withdrawal", 2)],
    "storage": [(ANY, r"stor(e|ed|age|ing)|refrigerat\w*|room temperature", 3)],
    "sunlight": [(ANY, r"sun sensitivity|sensitiv\w* to (the )?sun(light)?|photosensitiv\w*|sunburn\w*|sun exposure|sunscreen|sunlamps?|uv (light|rays|exposure)", 3)],
    "weight": [({"side", "faq", "precautions"}, r"weight (gain|loss)|gain weight|lose weight", 3), (ANY, r"weight (gain|loss)|gain weight|lose weight", 2)],
    "sleep": [({"side", "precautions", "faq"}, r"drows\w*|sleep\w*|somnolence|sedat\w*", 3), (ANY, r"drows\w*|sleepiness|somnolence|sedat\w*", 2)],
}
_TOPIC_RES = {t: [(kinds, re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.I) if p else None, g) for kinds, p, g in rules]
              for t, rules in TOPICS.items()}


class Judge:
    def __init__(self, corpus):
        self.corpus = corpus
        self.problems = []
        self.notes = []

    def mono(self, slug):
        if slug not in self.corpus:
            raise ValueError("no monograph " + slug)
        return self.corpus[slug]

    # Each rule returns {key: grade}; a key collects the drafts the engine files under one canonical name, and
    # takes the best grade among them.

    @staticmethod
    def put(grades, slug, section, grade):
        if grade <= 0:
            return
        key = slug + "/" + section.canonical
        grades[key] = max(grades.get(key, 0), grade)

    @staticmethod
    def slugs(arg):
        """'a,b,c~': the monographs a rule is about; '~' marks a secondary one (a topical form, say), one grade lower."""
        out = []
        for s in arg.split(","):
            s = s.strip()
            out.append((s[:-1], 1) if s.endswith("~") else (s, 0))
        return out

    def put_secondary(self, grades, slug, section, grade, minus):
        self.put(grades, slug, section, max(1, grade - minus) if grade > 0 else 0)

    def drug(self, slugs):
        grades = {}
        for slug, minus in slugs:
            for s in self.mono(slug).sections:
                kind = section_kind(s)
                g = {"usage": 3, "overview": 2, "generic": 2}.get(kind, 1)
                if kind == "disclaimer":
                    g = 0
                self.put_secondary(grades, slug, s, g, minus)
        return grades

    def topic(self, name, slugs):
        rules = _TOPIC_RES[name]
        grades = {}
        for slug, minus in slugs:
            for s in self.mono(slug).sections:
                kind = section_kind(s)
                if kind == "disclaimer":
                    continue
                text = body(s)
                g = 1
                for kinds, pattern, grade in rules:
                    if (kinds is ANY or kind in kinds) and (pattern is None or pattern.search(text)):
                        g = grade
                        break
                self.put_secondary(grades, slug, s, g, minus)
        if not any(v >= 2 for v in grades.values()):
            self.problems.append("topic %s: nothing in %s answers it" % (name, ",".join(s for s, _ in slugs)))
        return grades

    def effect(self, pattern):
        """A side effect: Side Effects sections that list it; safety sections that warn of it, partly."""
        rx = term_regex(pattern)
        grades = {}
        for slug, m in self.corpus.items():
            combo = is_combination(m)
            for s in m.sections:
                if not rx.hits(s):
                    continue
                kind = section_kind(s)
                if kind == "side":
                    self.put(grades, slug, s, 2 if combo else 3)
                elif kind in SAFETY or kind in ("faq", "overdose"):
                    self.put(grades, slug, s, 1)
        return grades

    def members(self, rx):
        """Monographs whose Usage, How it Works or Generic Name says the drug itself is one of the class.

        "Prazosin is an alpha-1 blocker", "It acts as a ...", "Hydrochlorothiazide, a thiazide diuretic" (in a
        combination, one ingredient is enough); not "when treated with heparin, a common blood thinner" nor
        "reverses the effect of anticoagulants"."""
        out = set()
        for slug, m in self.corpus.items():
            names = name_words(m)
            for s in m.sections:
                if section_kind(s) not in ("usage", "how", "generic", "overview") or not rx.hits(s):
                    continue
                if any(says_is_a(sentence, hit, names)
                       for sentence in re.split(r"(?<=[.!?])\s+|\n+", body(s))
                       for hit in rx.rx.finditer(sentence)):
                    out.add(slug)
                    break
        return out

    def klass(self, pattern):
        """A drug class or mechanism: How it Works and Usage of the drugs that are of it."""
        rx = term_regex(pattern)
        grades = {}
        for slug in self.members(rx):
            m = self.corpus[slug]
            combo = is_combination(m)
            for s in m.sections:
                kind = section_kind(s)
                hit = bool(rx.hits(s))
                if kind in ("how", "usage") and hit:
                    g = 3
                elif kind in ("how", "usage"):
                    g = 2
                elif kind in ("generic", "overview"):
                    g = 2 if hit else 1
                elif kind == "disclaimer":
                    g = 0
                else:
                    g = 1 if hit else 0
                self.put(grades, slug, s, g - 1 if combo else g)
        return grades

    def treats(self, pattern):
        """What a condition is treated with: the Usage sections that name it as treated, single ingredients first.

        Named in the first two sentences: 3; later: 2; named only as the patients' other condition, a risk or
        something the drug may cause ("in patients with HIV", "may worsen asthma"): 1. A combination product's
        Usage that names it as treated: 1."""
        rx = term_regex(pattern)
        grades = {}
        for slug, m in self.corpus.items():
            combo = is_combination(m)
            named = [s for s in m.sections if section_kind(s) == "usage" and rx.hits(s)]
            for s in named:
                lead = sentences(s.text, 2)
                treating = [hit for hit in rx.rx.finditer(body(s)) if treated(body(s), hit)]
                if combo:
                    g = 1 if treating else 0
                elif not treating:
                    g = 1
                else:
                    g = 3 if any(treated(lead, h) for h in rx.rx.finditer(lead)) else 2
                self.put(grades, slug, s, g)
            if named and not combo:
                for s in m.sections:
                    if section_kind(s) == "how" and rx.hits(s):
                        self.put(grades, slug, s, 1)
        return grades

    def phrase(self, pattern):
        """A phrase being typed: every section holding it, by what the section says about it."""
        rx = term_regex(pattern)
        grades = {}
        for slug, m in self.corpus.items():
            combo = is_combination(m)
            for s in m.sections:
                if not rx.hits(s):
                    continue
                kind = section_kind(s)
                if kind in ("usage", "side"):
                    g = 3
                elif kind in SAFETY or kind in ("how", "dosage", "overdose"):
                    g = 2
                elif kind == "disclaimer":
                    g = 0
                else:
                    g = 1
                self.put(grades, slug, s, max(1, g - 1) if combo and g else g)
        return grades

    def pair(self, spec):
        """Two drugs named together: the sections of either that speak of the other; their safety sections.

        A combination product of the two answers it as well: what it says of their use together."""
        drugs = []
        for part in spec.split(","):
            slug, _, names = part.partition("=")
            drugs.append((slug.strip(), term_regex(names)))
        grades = {}
        for slug, _ in drugs:
            others = [rx for s2, rx in drugs if s2 != slug]
            for s in self.mono(slug).sections:
                kind = section_kind(s)
                if kind == "disclaimer":
                    continue
                names_other = any(rx.hits(s) for rx in others)
                if names_other and (kind in SAFETY or kind == "faq"):
                    g = 3
                elif names_other or kind in SAFETY:
                    g = 2
                else:
                    g = 1
                self.put(grades, slug, s, g)
        if not any(v == 3 for v in grades.values()):
            self.notes.append("pair %s: neither names the other; their safety sections are graded 2" % spec)
        for slug, m in self.corpus.items():
            parts = [d for d, _ in drugs]
            if slug in parts or not all(contains_ingredient(slug, d) for d in parts):
                continue
            exact = len(ingredients(m)) == len(parts)
            for s in m.sections:
                kind = section_kind(s)
                if kind == "disclaimer":
                    continue
                g = 3 if kind in SAFETY or kind == "faq" else 2 if kind in ("usage", "how", "other") else 1
                self.put(grades, slug, s, g if exact else max(1, g - 1))
        return grades

    def grade(self, rule):
        name, _, arg = rule.partition(":")
        if name == "none":
            return None
        if name == "drug":
            return self.drug(self.slugs(arg))
        if name == "topic":
            topic, _, slugs = arg.partition(":")
            if topic not in TOPICS:
                raise ValueError("unknown topic " + topic)
            return self.topic(topic, self.slugs(slugs))
        if name == "effect":
            return self.effect(arg)
        if name == "class":
            return self.klass(arg)
        if name == "treats":
            return self.treats(arg)
        if name == "phrase":
            return self.phrase(arg)
        if name == "pair":
            return self.pair(arg)
        raise ValueError("unknown rule " + rule)


# --- the query file and the two halves -----------------------------------------------------------------------

def read_queries(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                rows.append(("comment", line.rstrip("\n")))
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 4:
                raise SystemExit("%s:%d: expected half<TAB>kind<TAB>query<TAB>rule, found %d columns" % (path, n, len(cols)))
            rows.append(("query", [c.strip() for c in cols]))
    return rows


def assign_halves(rows):
    """Queries with no half get one: within a kind, new queries fill the smaller half, in seeded random order."""
    rng = random.Random(SEED)
    by_kind = defaultdict(list)
    for kind_, row in rows:
        if kind_ == "query":
            by_kind[row[1]].append(row)
    changed = False
    for kind in sorted(by_kind):
        queries = by_kind[kind]
        fresh = [r for r in queries if r[0] not in ("tuning", "heldout")]
        if not fresh:
            continue
        changed = True
        rng.shuffle(fresh)
        counts = Counter(r[0] for r in queries if r[0] in ("tuning", "heldout"))
        for r in fresh:
            half = "tuning" if counts["tuning"] <= counts["heldout"] else "heldout"
            r[0] = half
            counts[half] += 1
    return changed


def write_queries(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for kind_, row in rows:
            f.write((row if kind_ == "comment" else "\t".join(row)) + "\n")


HEADER = """# RxHive relevance judgments, {half} half: generated by scripts/relevance/judge_rxhive.py from
# scripts/relevance/rxhive-queries.tsv over the real corpus (6,447 monographs, not in this repository).
# Do not edit by hand: change the rules or the queries and re-run
#   python3 scripts/relevance/judge_rxhive.py /work/rxhive/composition
# Format as judgments.tsv: kind<TAB>query<TAB>slug/Section=grade;...  with Section the canonical name the engine
# files the section under (sections.txt), 3 = ideal, 2 = clearly relevant, 1 = partly relevant, unlisted = 0.
# A judgment column of "-" means no hits are expected: the query is a success when it finds nothing.
# The split into tuning and held-out halves was made once, at random within each kind: tune on the tuning half,
# only report the held-out one.
"""


def format_grades(grades):
    if grades is None:
        return "-"
    items = sorted(grades.items(), key=lambda kv: (-kv[1], kv[0]))
    return ";".join("%s=%d" % kv for kv in items)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="the RxHive composition folder (one sub-folder per letter)")
    ap.add_argument("--queries", default=os.path.join(HERE, "rxhive-queries.tsv"))
    ap.add_argument("--sections", default=os.path.join(REPO, "src/main/resources/monosearch/sections.txt"))
    ap.add_argument("--out", default=os.path.join(REPO, "src/test/resources/relevance"))
    ap.add_argument("--max-keys", type=int, default=1000,
                    help="keep at most this many judged keys per query, best grades first (default 1000)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.corpus):
        raise SystemExit("corpus folder not found: " + args.corpus)

    names = rxhive_corpus.SectionNames(args.sections)
    corpus = rxhive_corpus.read_corpus(args.corpus, names)
    judge = Judge(corpus)
    rows = read_queries(args.queries)
    if assign_halves(rows):
        write_queries(args.queries, rows)

    out = {"tuning": [], "heldout": []}
    seen = set()
    for kind_, row in rows:
        if kind_ != "query":
            continue
        half, kind, query, rule = row
        if query.lower() in seen:
            raise SystemExit("query twice: " + query)
        seen.add(query.lower())
        try:
            grades = judge.grade(rule)
        except ValueError as e:
            raise SystemExit("%s (%s): %s" % (query, rule, e))
        if grades is not None:
            if not any(g >= 2 for g in grades.values()):
                judge.problems.append("%s: no section graded 2 or more" % query)
            if len(grades) > args.max_keys:
                kept = sorted(grades.items(), key=lambda kv: (-kv[1], kv[0]))[:args.max_keys]
                if kept[-1][1] >= 2:
                    judge.problems.append("%s: %d judged sections, relevant ones cut at %d" % (query, len(grades), args.max_keys))
                grades = dict(kept)
        out[half].append((kind, query, grades))

    for half, lines in out.items():
        path = os.path.join(args.out, "rxhive-%s.tsv" % half)
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER.format(half=half))
            for kind, query, grades in lines:
                f.write("%s\t%s\t%s\n" % (kind, query, format_grades(grades)))
        counts = Counter(k for k, _, _ in lines)
        print("%s: %d queries (%s)" % (path, len(lines), ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    for p in judge.notes:
        print("note: " + p, file=sys.stderr)
    for p in judge.problems:
        print("check: " + p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
