"""Checks JSON against eInnsyn's OpenAPI document (openapi-schema-validator, request-body rules:
readOnly properties may not be sent and are not required). Shared by the eInnsyn export tests and
the local test server (server.py)."""
import sys

import yaml
from openapi_schema_validator import OAS30WriteValidator, oas30_format_checker


class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.document = yaml.safe_load(f)

    def errors(self, instance, schema):
        """The validation errors of `instance` against a schema (a `$ref` or an inline schema)."""
        root = dict(schema)
        root["components"] = self.document["components"]
        validator = OAS30WriteValidator(root, format_checker=oas30_format_checker)
        return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)", e.message)
                for e in validator.iter_errors(instance)]

    def model_errors(self, instance, model):
        return self.errors(instance, {"$ref": "#/components/schemas/" + model})


def main():
    """python3 openapi_check.py SPEC EXPORT.json: every Enhet and Moetemappe of a `docket export
    --format einnsyn` file against its model; prints the errors, exits 1 when there are any."""
    import json
    spec = Spec(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        export = json.load(f)
    failures = 0
    for kind, model in (("enhet", "Enhet.Enhet"), ("moetemappe", "Moetemappe.MoetemappeCreate")):
        for index, instance in enumerate(export.get(kind, [])):
            for error in spec.model_errors(instance, model):
                failures += 1
                print("%s[%d] (%s): %s" % (kind, index, model, error))
    print("checked %d enhet, %d moetemappe, %d moetesak: %d errors" % (
        len(export.get("enhet", [])), len(export.get("moetemappe", [])),
        sum(len(m.get("moetesak", [])) for m in export.get("moetemappe", [])), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
