#!/usr/bin/env python3
"""Derives JSON Schemas of the answers the widget reads from the providers'
own API definitions, for validating the dev server's mock answers.

    scripts/spec-schemas.py [SPECS_DIR]   (default: ../shared/specs)

Each schema is the provider's response schema with every `$ref` it reaches
copied into `$defs` (OpenAPI 3.0 `nullable` turned into JSON Schema's
`null` type), so the files stand alone; schemas nested deeper than DEPTH
references (assistants, squads, workflows: nothing the widget reads) become
`{}` to keep the files small. Written to tests/schemas/ and committed; the
tests never need the specs at run time.
"""
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "../shared/specs"
OUT = ROOT / "tests/schemas"
DEPTH = 4


def load(name):
    text = (SPECS / name).read_text()
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)


def extract(spec, root, depth=DEPTH):
    """`root` (a schema object) with its references gathered into `$defs`."""
    components = spec["components"]["schemas"]
    defs = {}

    def convert(node, level):
        if isinstance(node, list):
            return [convert(n, level) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = node["$ref"].split("/")[-1]
            if level >= depth:
                return {}
            if name not in defs:
                defs[name] = {}
                defs[name] = convert(components[name], level + 1)
            return {"$ref": f"#/$defs/{name}"}
        out = {}
        for key, value in node.items():
            if key in ("example", "examples", "description", "title", "x-fern-type-name", "discriminator", "xml"):
                continue
            out[key] = convert(value, level) if key not in ("enum", "required", "const") else value
        if out.pop("nullable", False):
            if "type" in out:
                t = out["type"]
                out["type"] = (t if isinstance(t, list) else [t]) + ["null"]
                if "enum" in out:
                    out["enum"] = list(out["enum"]) + [None]
            else:
                out = {"anyOf": [out, {"type": "null"}]}
        # A `oneOf` whose branches have no discriminating constant (Vapi's
        # message types all take any `role` string) would reject answers
        # that fit two branches: check that each answer fits one of them.
        if "oneOf" in out:
            out["anyOf"] = out.pop("oneOf")
        # OpenAPI 3.0 `exclusiveMinimum: true` is a flag, not a number.
        for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if out.get(flag) is True:
                out[flag] = out.pop(bound, 0)
            elif out.get(flag) is False:
                out.pop(flag)
        return out

    schema = convert(root, 0)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "$defs": defs}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def without_transcripts(schema):
    """A call schema without its transcript fields (Retell's v3 list items)."""
    schema = json.loads(json.dumps(schema))
    for d in schema["$defs"].values():
        for key in list(d.get("properties", {})):
            if key.startswith(("transcript", "scrubbed_transcript")):
                del d["properties"][key]
    return schema


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    retell = load("retell-openapi.yaml")
    vapi = load("vapi-openapi.json")
    el = load("el-openapi.json")
    smallest = load("smallest-atoms-openapi.yaml")

    def answer(spec, path):
        """The 200 answer schema of `GET path`."""
        return spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]

    out = {
        "retell-get-call": extract(retell, ref("V2CallResponse"), depth=6),
        "vapi-call": extract(vapi, ref("Call"), depth=3),
        "elevenlabs-conversations": extract(el, ref("GetConversationsPageResponseModel")),
        "elevenlabs-conversation": extract(el, ref("GetConversationResponseModel")),
        "smallest-conversations": extract(smallest, answer(smallest, "/conversation")),
        "smallest-conversation": extract(smallest, answer(smallest, "/conversation/{id}")),
        "smallest-download-url": extract(
            smallest, answer(smallest, "/conversation/{callId}/recording/download-url")
        ),
    }
    # Retell's v3 list: `CallListResponse` of its TypeScript SDK (no
    # machine-readable definition): the envelope around calls without
    # their transcripts.
    call = without_transcripts(out["retell-get-call"])
    out["retell-v3-list"] = {
        "$schema": call["$schema"],
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {k: v for k, v in call.items() if k not in ("$schema", "$defs")}},
            "pagination_key": {"type": ["string", "null"]},
            "has_more": {"type": "boolean"},
            "total": {"type": "integer"},
        },
        "$defs": call["$defs"],
    }
    for name, schema in out.items():
        (OUT / f"{name}.json").write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
    print("wrote", ", ".join(f"{n}.json ({(OUT / f'{n}.json').stat().st_size // 1024} KB)" for n in out))


if __name__ == "__main__":
    main()
