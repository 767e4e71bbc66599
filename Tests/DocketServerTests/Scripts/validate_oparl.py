#!/usr/bin/env python3
"""Validates OParl objects against the OParl 1.1 JSON schemas.

Usage: validate_oparl.py SCHEMA_FOLDER OBJECTS.json
OBJECTS.json holds a list of objects as the API returned them. Each is validated against the schema
its "type" names (https://schema.oparl.org/1.1/Meeting -> Meeting.json), with format checks
(url, date, date-time); objects embedded where a schema's property says "schema": "X.json" are
validated against X.json as well. Prints one line per problem and exits 1 if there was any.
"""
import json
import sys

import jsonschema

folder, objects_path = sys.argv[1], sys.argv[2]
schemas = {}


def schema(name):
    if name not in schemas:
        with open(f"{folder}/{name}") as f:
            schemas[name] = json.load(f)
    return schemas[name]


checker = jsonschema.FormatChecker()


@checker.checks("url")
def is_url(value):
    return isinstance(value, str) and (value.startswith("http://") or value.startswith("https://"))


problems = []
count = 0


def validate(obj, name, where):
    global count
    count += 1
    s = schema(name)
    validator = jsonschema.Draft7Validator(s, format_checker=checker)
    for error in validator.iter_errors(obj):
        problems.append(f"{where} ({name}): {error.message} at {list(error.absolute_path)}")
    for key, prop in s.get("properties", {}).items():
        if key not in obj:
            continue
        if "schema" in prop and isinstance(obj[key], dict):
            validate(obj[key], prop["schema"], f"{where}.{key}")
        items = prop.get("items", {})
        if isinstance(items, dict) and "schema" in items and isinstance(obj[key], list):
            for i, value in enumerate(obj[key]):
                if isinstance(value, dict):
                    validate(value, items["schema"], f"{where}.{key}[{i}]")


with open(objects_path) as f:
    objects = json.load(f)
for obj in objects:
    type_name = obj.get("type", "").rsplit("/", 1)[-1]
    validate(obj, type_name + ".json", obj.get("id", "?"))
for problem in problems:
    print(problem)
print(f"validated {count} objects, {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
