#!/usr/bin/env python3
"""Derives contract fixtures from the providers' own API definitions.

    scripts/spec-examples.py [SPECS_DIR]   (default: ../shared/specs)

Writes tests/fixtures/spec/*.json from the `example:` values of Retell's
OpenAPI schemas (every property that has one; nested objects and arrays
assembled from their parts). The provenance of each file is in
tests/fixtures/README.md; the files are committed, so tests never need the
specs at run time.
"""
import json
import sys
from pathlib import Path

import yaml

SPECS = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/specs")
OUT = Path(__file__).resolve().parents[1] / "tests/fixtures/spec"


def example(schema, schemas, depth=0, branch=0):
    """The example a schema publishes, assembled from its properties'
    (`branch`: which branch of a top-level `oneOf`)."""
    while "$ref" in schema:
        schema = schemas[schema["$ref"].split("/")[-1]]
    if "example" in schema:
        return schema["example"]
    if depth > 12:
        return None
    if "allOf" in schema:
        out = {}
        for part in schema["allOf"]:
            e = example(part, schemas, depth + 1)
            if isinstance(e, dict):
                out.update(e)
        return out
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return example(schema[key][branch if depth == 0 else 0], schemas, depth + 1)
    if schema.get("type") == "object" or "properties" in schema:
        out = {}
        for name, prop in schema.get("properties", {}).items():
            e = example(prop, schemas, depth + 1)
            if e is not None:
                out[name] = e
        return out
    if schema.get("type") == "array":
        e = example(schema.get("items", {}), schemas, depth + 1)
        return [e] if e is not None else []
    return None


def main():
    retell = yaml.safe_load((SPECS / "retell-openapi.yaml").read_text())
    schemas = retell["components"]["schemas"]
    OUT.mkdir(parents=True, exist_ok=True)
    # V2CallResponse is oneOf a web call and a phone call: one file each,
    # and a v3 list of each. A v3 list item is the call without its
    # transcripts (CallListResponse in Retell's TypeScript SDK); the
    # envelope is CallListResponse's.
    for branch, suffix in ((0, ""), (1, "-phone")):
        call = example(schemas["V2CallResponse"], schemas, branch=branch)
        (OUT / f"retell-get-call{suffix}.json").write_text(json.dumps(call, indent=2) + "\n")
        item = {k: v for k, v in call.items() if not k.startswith(("transcript", "scrubbed_transcript"))}
        v3 = {"items": [item], "pagination_key": "key_example", "has_more": True, "total": 1}
        (OUT / f"retell-v3-list{suffix}.json").write_text(json.dumps(v3, indent=2) + "\n")
    print("wrote", ", ".join(sorted(p.name for p in OUT.glob("*.json"))))


if __name__ == "__main__":
    main()
