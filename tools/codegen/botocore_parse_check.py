#!/usr/bin/env python3
"""Parse warden-query's golden XML with botocore's own QueryParser and compare with expectations.

Usage: botocore_parse_check.py [TESTDATA_XML_DIR] [--show FILE.xml]

For every `<service>/<Name>.xml` under the directory (default: testdata/xml) there must be a
`<Name>.json` next to it:

    {"operation": "ListUsers", "status": 200, "expected": {...parsed dict...}}

The XML is parsed exactly as boto3 / the aws CLI would: `botocore.parsers.QueryParser` with the
operation's output shape from the installed botocore model (errors: status >= 300, no shape).
Optionally `"decoded_policies": {"Role.AssumeRolePolicyDocument": {...}}` also runs botocore's
`json_decode_policies` handler (what boto3 and the aws CLI apply to policy members, api.md §1.4)
and compares the decoded JSON objects. Timestamps in the parsed dict are compared as ISO 8601 strings (`2024-05-01T12:00:00+00:00`), blobs
as base64. `--show` prints the parsed dict of one file instead (to help write a new expectation;
always review it against api.md before committing it).

Run by the Rust test `golden_xml::botocore_parses_golden_files`.
"""

import base64
import copy
import datetime
import json
import os
import sys

import botocore.handlers
import botocore.parsers
import botocore.session

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(os.path.dirname(os.path.dirname(HERE)), "testdata", "xml")


def normalise(value):
    """Make the parsed dict JSON-comparable."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def parse(session, service, operation, status, body):
    """(normalised parsed dict, parsed dict after botocore's policy-decoding handler)."""
    model = session.get_service_model(service)
    op_model = model.operation_model(operation)
    shape = op_model.output_shape if status < 300 else None
    parser = botocore.parsers.QueryParser()
    parsed = parser.parse({"body": body, "headers": {}, "status_code": status}, shape)
    # HTTP details are added by the parser from the (empty) headers: not part of the contract.
    metadata = parsed.get("ResponseMetadata", {})
    for k in ("HTTPStatusCode", "HTTPHeaders", "RetryAttempts"):
        metadata.pop(k, None)
    decoded = copy.deepcopy(parsed)
    if shape is not None:
        botocore.handlers.json_decode_policies(decoded, op_model)
    return normalise(parsed), decoded


def lookup(value, dotted):
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def main():
    args = sys.argv[1:]
    show = None
    if "--show" in args:
        i = args.index("--show")
        show = args[i + 1]
        del args[i : i + 2]
    root = args[0] if args else DEFAULT_DIR
    session = botocore.session.get_session()
    failures = 0
    checked = 0
    for service in sorted(os.listdir(root)):
        sdir = os.path.join(root, service)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            if not name.endswith(".xml"):
                continue
            xml_path = os.path.join(sdir, name)
            spec_path = xml_path[: -len(".xml")] + ".json"
            if show and os.path.abspath(show) != os.path.abspath(xml_path):
                continue
            with open(spec_path, encoding="utf-8") as f:
                spec = json.load(f)
            with open(xml_path, "rb") as f:
                body = f.read()
            got, decoded = parse(session, service, spec["operation"], spec["status"], body)
            if show:
                print(json.dumps(got, indent=2, ensure_ascii=False))
                return 0
            checked += 1
            if got != spec["expected"]:
                failures += 1
                print("MISMATCH %s/%s" % (service, name))
                print("  expected: %s" % json.dumps(spec["expected"], sort_keys=True, ensure_ascii=False))
                print("  botocore: %s" % json.dumps(got, sort_keys=True, ensure_ascii=False))
            for member, want in spec.get("decoded_policies", {}).items():
                have = lookup(decoded, member)
                if have != want:
                    failures += 1
                    print("MISMATCH %s/%s decoded %s: %r" % (service, name, member, have))
    if checked == 0:
        print("no golden files found under %s" % root)
        return 1
    print("%d golden files checked, %d mismatches" % (checked, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
