#!/usr/bin/env python3
"""Rebuilds data/iptc-mediatopics.ttl: the IPTC Media Topics (CC BY 4.0, https://iptc.org) that are
in use, with their English labels, definitions and hierarchy, from IPTC's own Turtle file.

    python3 scripts/iptc-mediatopics.py cptall-en-GB.ttl data/iptc-mediatopics.ttl

The source is IPTC's full download of the scheme in British English,
http://cv.iptc.org/newscodes/mediatopic/?lang=en-GB&format=ttl (saved as cptall-en-GB.ttl).
Reads it with `rapper` (Debian raptor2-utils, the RDF parser CI already installs), keeps the
concepts of the Media Topic scheme that carry no `retired` date, and writes for each one
skos:prefLabel and skos:definition (tagged `@en`), skos:broader and skos:narrower (links to
retired concepts dropped), skos:topConceptOf for the 17 top-level topics. Everything else (dates,
mappings to the older Subject Codes and Wikidata, change notes) is left out to keep the file small:
newsgraph compiles it in. Output is sorted by code, so a rebuild from the same source is
byte-identical. Writes to a temporary file, then renames."""
import collections, os, re, subprocess, sys

MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RETIRED = "http://cv.iptc.org/newscodes/ikos/retired"
TRIPLE = re.compile(r'^<([^>]+)> <([^>]+)> (<[^>]+>|"(?:[^"\\]|\\.)*"(?:@[A-Za-z-]+|\^\^<[^>]+>)?) \.$')
LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z-]+))?')


def fail(message):
    sys.exit(f"iptc-mediatopics.py: {message}")


def read_triples(source):
    try:
        nt = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", source, MEDTOP],
                            check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        fail("needs `rapper` (apt-get install raptor2-utils)")
    except subprocess.CalledProcessError as e:
        fail(f"{source} is not valid Turtle: {e.stderr.strip()}")
    props = collections.defaultdict(lambda: collections.defaultdict(list))
    for n, line in enumerate(nt.splitlines(), 1):
        m = TRIPLE.match(line.strip())
        if not m:
            fail(f"unexpected N-Triples line {n}: {line[:80]}")
        s, p, o = m.groups()
        props[s][p].append(o)
    return props


ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\", "'": "'"}


def unescape(s):
    """An N-Triples string's text: `\\uXXXX`, `\\"` and the other escapes decoded."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else SIMPLE[m.group(1)], s)


def english(values, what, iri):
    """The English literal among `values` (en-GB, en-US or en), unescaped."""
    for v in values:
        m = LITERAL.match(v)
        if m and (m.group(2) or "").lower().startswith("en"):
            return unescape(m.group(1))
    fail(f"<{iri}> has no English {what}")


def turtle_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def code(iri):
    return "medtop:" + iri[len(MEDTOP):]


def main():
    if len(sys.argv) != 3:
        fail("usage: iptc-mediatopics.py SOURCE.ttl OUT.ttl")
    source, out = sys.argv[1:]
    props = read_triples(source)
    concept = f"<{SKOS}Concept>"
    scheme = f"<{MEDTOP}>"
    active = sorted(s for s, p in props.items()
                    if s.startswith(MEDTOP) and s != MEDTOP and concept in p[RDF_TYPE]
                    and scheme in p[SKOS + "inScheme"] and not p[RETIRED])
    retired = sum(1 for s, p in props.items() if s.startswith(MEDTOP) and p[RETIRED])
    keep = set(active)
    released = props[MEDTOP].get("http://cv.iptc.org/newscodes/ikos/dateReleased", ['"unknown"'])[0]
    released = LITERAL.match(released).group(1)[:10]
    lines = [
        f"# IPTC Media Topics, release of {released}: {len(active)} concepts in use ({retired} retired ones left out).",
        "# (c) IPTC, International Press Telecommunications Council, https://iptc.org - CC BY 4.0,",
        "# https://creativecommons.org/licenses/by/4.0/ . Trimmed to English labels, definitions and the",
        "# hierarchy by scripts/iptc-mediatopics.py (see data/iptc-mediatopics.md); do not edit by hand.",
        f"@prefix skos: <{SKOS}> .",
        f"@prefix medtop: <{MEDTOP}> .",
        "",
        f"medtop: a skos:ConceptScheme ; skos:prefLabel \"IPTC Media Topics\"@en .",
    ]
    for s in active:
        p = props[s]
        label = english(p[SKOS + "prefLabel"], "skos:prefLabel", s)
        parts = [f"{code(s)} a skos:Concept", f"skos:prefLabel {turtle_string(label)}@en"]
        if p[SKOS + "definition"]:
            parts.append(f"skos:definition {turtle_string(english(p[SKOS + 'definition'], 'definition', s))}@en")
        broader = sorted(o[1:-1] for o in p[SKOS + "broader"] if o[1:-1] in keep)
        if broader:
            parts.append("skos:broader " + ", ".join(code(b) for b in broader))
        else:
            parts.append("skos:topConceptOf medtop:")
        narrower = sorted(o[1:-1] for o in p[SKOS + "narrower"] if o[1:-1] in keep)
        if narrower:
            parts.append("skos:narrower " + ", ".join(code(n) for n in narrower))
        lines.append(" ;\n  ".join(parts) + " .")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out)
    print(f"{out}: {len(active)} concepts, {retired} retired left out, release {released}", file=sys.stderr)


main()
