#!/usr/bin/env python3
"""Rebuilds data/brown-clusters.tsv: Brown word clusters of English (999 clusters over 190,129
cased words), as shipped by spaCy in the PyPI package spacy-lookups-data 1.0.5 (MIT licence),
table `en_lexeme_cluster`.

    python3 scripts/brown-clusters.py > data/brown-clusters.tsv

Downloads the package (98 MB) with pip into a temporary folder. spaCy stores each word's path in
the Brown cluster tree as an integer whose lowest bit is the path's first step (so a prefix of the
path is the integer's low bits); this script writes the path back as a string of `0`/`1` steps,
root first. spaCy's integer drops the path's trailing zeros, so some paths are shorter than their
tree depth: the tagger only reads prefixes, which are unaffected up to the written length. Words
without a cluster (spaCy's 0) are left out, as are words with whitespace in them."""
import gzip, json, pathlib, subprocess, sys, tempfile, zipfile

VERSION = "1.0.5"

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", f"spacy-lookups-data=={VERSION}", "--no-deps",
                    "-q", "-d", tmp], check=True)
    wheel = next(pathlib.Path(tmp).glob("spacy_lookups_data-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        clusters = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_cluster.json.gz")))

print("# Brown clusters of English words: word<TAB>path in the cluster tree (root first).")
print(f"# From spaCy's spacy-lookups-data {VERSION} (MIT), table en_lexeme_cluster; see data/brown-clusters.md.")
print("# Rebuild: python3 scripts/brown-clusters.py > data/brown-clusters.tsv")
for word in sorted(clusters):
    value = clusters[word]
    if value <= 0 or not word or any(c.isspace() for c in word):
        continue
    print(f"{word}\t{bin(value)[2:][::-1]}")
