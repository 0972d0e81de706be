#!/usr/bin/env python3
"""Validates moodsketch JSON output against a schema in this folder.

    python3 docs/schema/validate.py sketch.schema.json out.json [more.json ...]
    moodsketch mood - --json < prompts.txt | python3 docs/schema/validate.py mood.schema.json --lines -

Needs python3-jsonschema (Debian). Prints one line per invalid document and exits 1 if any is invalid.
"""
import json
import warnings
import pathlib
import sys

import jsonschema

warnings.filterwarnings("ignore", category=DeprecationWarning)

here = pathlib.Path(__file__).resolve().parent


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    schema_path = here / argv[1]
    schema = json.loads(schema_path.read_text())
    resolver = jsonschema.RefResolver(base_uri=schema_path.as_uri(), referrer=schema)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    lines = "--lines" in argv
    bad = 0
    for name in [a for a in argv[2:] if a != "--lines"]:
        text = sys.stdin.read() if name == "-" else pathlib.Path(name).read_text()
        documents = [l for l in text.splitlines() if l.strip()] if lines else [text]
        for index, document in enumerate(documents, 1):
            for error in validator.iter_errors(json.loads(document)):
                where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                print(f"{name}:{index}: {where}: {error.message[:300]}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
