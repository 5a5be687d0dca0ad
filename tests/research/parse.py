#!/usr/bin/env python3
"""What real parsers read in sifa's feeds and citation exports.

Used by tests/research.rs: `parse.py feed|ris|csl < FILE` prints, as JSON,
what feedparser, rispy or citeproc-py understood of the file, so the Rust
test can compare it with the API's own answer.

- feed: feedparser's reading of an Atom document (bozo is its own verdict
  on well-formedness);
- ris: rispy's records;
- csl: the item types and variables checked against the CSL 1.0 schema
  that citeproc-py ships (csl-types.rnc, csl-variables.rnc), then the
  items rendered into a bibliography by citeproc-py with the style it
  ships, which fails on data a CSL processor cannot read.
"""

import json
import os
import re
import sys


def feed(text):
    import feedparser

    parsed = feedparser.parse(text)
    return {
        "bozo": bool(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": parsed.feed.get("title"),
        "id": parsed.feed.get("id"),
        "updated": parsed.feed.get("updated"),
        "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in parsed.feed.get("links", [])],
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in e.get("links", [])],
                "updated": e.get("updated"),
                "published": e.get("published"),
                "author": e.get("author"),
                "tags": [t.get("term") for t in e.get("tags", [])],
            }
            for e in parsed.entries
        ],
    }


def ris(text):
    import rispy

    return rispy.loads(text)


def csl_schema_names(name, block):
    """The quoted names of one `block =` definition in a CSL schema file."""
    import citeproc

    path = os.path.join(os.path.dirname(citeproc.__file__), "data", "schema", "schemas", "styles", name)
    source = open(path, encoding="utf-8").read()
    names = set()
    for match in re.finditer(r"^\s*" + re.escape(block) + r"\s*=\s*(.*?)(?=^\s*[\w.-]+\s*=|^\}|\Z)", source, re.S | re.M):
        names.update(re.findall(r'"([^"]+)"', match.group(1)))
    return names


def csl(text):
    import citeproc
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(text)
    types = csl_schema_names("csl-types.rnc", "item-types")
    variables = set()
    for block in ["variables.dates", "variables.names", "variables.numbers", "variables.titles", "variables.strings"]:
        variables |= csl_schema_names("csl-variables.rnc", block)
    unknown_types = sorted({i.get("type") for i in items} - types)
    unknown_variables = sorted({k for i in items for k in i} - variables - {"id", "type"})
    style_path = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles", "harvard-cite-them-right.csl")
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return {
        "count": len(items),
        "schema_types": len(types),
        "schema_variables": len(variables),
        "unknown_types": unknown_types,
        "unknown_variables": unknown_variables,
        "bibliography": [str(entry) for entry in bibliography.bibliography()],
    }


if __name__ == "__main__":
    reader = {"feed": feed, "ris": ris, "csl": csl}[sys.argv[1]]
    print(json.dumps(reader(sys.stdin.read()), ensure_ascii=False, default=str))
