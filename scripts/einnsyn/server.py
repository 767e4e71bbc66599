"""A local stand-in for eInnsyn's API, for the tests of `docket publish einnsyn`. It listens on
127.0.0.1 only, checks the API key and every request body against eInnsyn's OpenAPI document
(openapi_check.py), keeps what it accepted in memory, and answers GET /moetemappe/{id} and
GET /arkiv/{id} by eInnsyn id or externalId. GET /_log lists every request it saw (method, path,
status, errors), for the tests.

python3 server.py SPEC KEY_FILE PORT_FILE [--fail-moetemappe N]: with --fail-moetemappe, the N-th
moetemappe created is answered 503 once (an interrupted publish, to resume)."""
import json
import os
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A parent (a test runner) may hand down a signal mask that blocks SIGTERM: let it end the server.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openapi_check import Spec  # noqa: E402

spec = Spec(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    API_KEY = f.read().strip()
PORT_FILE = sys.argv[3]
FAIL_AT = int(sys.argv[sys.argv.index("--fail-moetemappe") + 1]) if "--fail-moetemappe" in sys.argv else 0

lock = threading.RLock()
log = []
objects = {}        # id -> object
by_external = {}    # externalId -> id
counter = {"n": 0, "moetemappe": 0, "failed": False}

# The spec's paths as regular expressions, with the request body's schema per method.
routes = []
for template, operations in spec.document["paths"].items():
    pattern = "^" + re.sub(r"\{[^}]+\}", "([^/]+)", template) + "$"
    for method, operation in operations.items():
        if method not in ("get", "post", "patch", "put", "delete"):
            continue
        content = operation.get("requestBody", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        routes.append((re.compile(pattern), template, method.upper(), schema))

PREFIX = {"moetemappe": "mm", "arkiv": "ark", "arkivdel": "arkd", "moetesak": "ms"}


def new_id(kind):
    counter["n"] += 1
    return "%s_%026d" % (PREFIX.get(kind, "obj"), counter["n"])


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, errors=None):
        with lock:
            log.append({"method": self.command, "path": self.path, "status": status, "errors": errors or []})
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        if self.path == "/_log":
            data = json.dumps({"log": log, "objects": objects}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.headers.get("API-KEY") != API_KEY:
            return self.reply(401, {"type": "authenticationError", "message": "Missing or wrong API key"})
        route = next(((m, t, s) for (p, t, meth, s) in routes if meth == self.command for m in [p.match(self.path)] if m), None)
        if route is None:
            return self.reply(404, {"type": "notFound", "message": "No such operation: %s %s" % (self.command, self.path)})
        match, template, schema = route
        body = None
        if self.command in ("POST", "PATCH", "PUT"):
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"null")
            except ValueError as error:
                return self.reply(400, {"type": "badRequest", "message": str(error)}, [str(error)])
            errors = spec.errors(body, schema) if schema else ["no JSON request body in the spec for " + template]
            if errors:
                return self.reply(400, {"type": "validationError", "message": "; ".join(errors)[:2000]}, errors)
        kind = template.strip("/").split("/")[-1] if self.command == "POST" else template.strip("/").split("/")[0]
        with lock:
            if self.command == "GET" and "{id}" in template and template.count("/") == 2:
                key = match.group(1)
                key = by_external.get(key, key)
                if key in objects:
                    return self.reply(200, objects[key])
                return self.reply(404, {"type": "notFound", "message": "Not found"})
            if self.command == "POST":
                if kind == "moetemappe":
                    counter["moetemappe"] += 1
                    if FAIL_AT and counter["moetemappe"] == FAIL_AT and not counter["failed"]:
                        counter["failed"] = True
                        return self.reply(503, {"type": "internalServerError", "message": "Temporarily unavailable"})
                external = body.get("externalId") if isinstance(body, dict) else None
                if external and external in by_external:
                    return self.reply(409, {"type": "conflict", "message": "externalId %s exists" % external})
                stored = dict(body)
                stored["id"] = new_id(kind)
                stored["entity"] = kind[0].upper() + kind[1:]
                objects[stored["id"]] = stored
                if external:
                    by_external[external] = stored["id"]
                return self.reply(201, stored)
            if self.command == "PATCH":
                key = by_external.get(match.group(1), match.group(1))
                if key not in objects:
                    return self.reply(404, {"type": "notFound", "message": "Not found"})
                objects[key].update(body)
                return self.reply(200, objects[key])
        return self.reply(405, {"type": "methodNotAllowed", "message": "Not supported by the test server"})

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
