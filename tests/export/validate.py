"""Checks an output of `plancheck report` with an independent reader.

    validate.py json OUTPUT EXPECT SCHEMA   JSON Schema (draft 2020-12)
    validate.py ics OUTPUT EXPECT           RFC 5545, read by python3-icalendar
    validate.py svg OUTPUT EXPECT           the SVG `dot -Tsvg` made of the dot output

EXPECT (tests/export/NAME.validate) holds lines "WHAT VALUE": `ics-events
N` (the number of events), `ics-rrule RULE` (an event recurs by RULE),
`svg-node NAME` (the graph has a node NAME). Run by tests/run with Debian's
/usr/bin/python3; a missing module is a failure that names the package.
Exit status 0 when the output is right, 1 when not (with the reasons), 3
when a Debian package is missing.
"""
import sys


def need(module, package):
    try:
        return __import__(module)
    except ImportError:
        print(f"the Python module '{module}' is missing: install the Debian package '{package}' "
              f"(apt-get install {package}, or make deps)")
        sys.exit(3)


def expectations(path):
    want = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                what, _, value = line.partition(" ")
                want.setdefault(what, []).append(value)
    return want


def check_json(output, want, schema_path):
    jsonschema = need("jsonschema", "python3-jsonschema")
    import json
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    with open(output, encoding="utf-8") as f:
        doc = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in validator.iter_errors(doc)]


def check_ics(output, want):
    icalendar = need("icalendar", "python3-icalendar")
    with open(output, "rb") as f:
        raw = f.read()
    errors = []
    if b"\n" in raw.replace(b"\r\n", b""):
        errors.append("a line ends without CR")
    if any(len(line) > 75 for line in raw.split(b"\r\n")):
        errors.append("a line longer than 75 octets")
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    if str(len(events)) not in want.get("ics-events", [str(len(events))]):
        errors.append(f"{len(events)} events, want {want['ics-events'][0]}")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        errors.append("two events share a UID")
    for e in events:
        for prop in ("DTSTAMP", "DTSTART", "SUMMARY"):
            if prop not in e:
                errors.append(f"event {e.get('UID')} has no {prop}")
    # Compared as parsed rules: the order of the parts does not matter.
    rules = [dict(e["RRULE"]) for e in events if "RRULE" in e]
    for rule in want.get("ics-rrule", []):
        if dict(icalendar.vRecur.from_ical(rule)) not in rules:
            errors.append(f"no event recurs by {rule} (rules: {rules})")
    return errors


def check_svg(output, want):
    import xml.etree.ElementTree as ET
    ns = {"svg": "http://www.w3.org/2000/svg"}
    root = ET.parse(output).getroot()
    nodes = {g.find("svg:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g")
             if g.get("class") == "node"}
    return [f"no node {n}" for n in want.get("svg-node", []) if n not in nodes]


def main():
    kind, output, expect = sys.argv[1:4]
    want = expectations(expect)
    if kind == "json":
        errors = check_json(output, want, sys.argv[4])
    elif kind == "ics":
        errors = check_ics(output, want)
    else:
        errors = check_svg(output, want)
    for e in errors[:20]:
        print(e)
    sys.exit(1 if errors else 0)


main()
