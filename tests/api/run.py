#!/usr/bin/env python3
"""API test runner: starts the real parkhq binary on a free port against a fresh database of the
chosen engine, then runs
  - declarative cases: tests/api/cases/*.json, each a list of steps
      {"name", "as": "admin"|"anon"|<username>|{"token": "..."}, "method", "path", "body" | "raw_body",
       "headers", "csrf": true, "status": 201, "json": {subset}, "save": {"var": "a.b.0.c"}}
    "${var}" in paths, bodies and expectations is replaced by saved values. In "json", "$any" matches
    anything present, "$nonempty" a non-empty value, {"$len": N} a list or string of length N.
  - flow tests: functions named test_* in tests/api/test_*.py, called with the Client.
Prints one line per test and finally "N passed, M failed"; exits 1 on any failure.
Usage: run.py --binary build/parkhq --engine sqlite|postgresql [--pg-url URL] [-k FILTER]
"""
import argparse, glob, http.cookiejar, importlib.util, json, os, re, shutil, subprocess, sys, tempfile
import threading, time, traceback, urllib.error, urllib.request

DEMO_PASSWORDS = {"admin": "Admin@2023demo", "parkadmin": "Park@2023demo", "gxj": "Dept@2023demo",
                  "zsfw": "Dept@2023demo", "leader": "Leader@2023demo", "qiye": "Ent@2023demo",
                  "qiye2": "Ent@2023demo"}


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None


class Session:
    """One logged-in (or anonymous) caller with its own cookie jar and CSRF token."""

    def __init__(self, base, username=None, token=None):
        self.base, self.username, self.token, self.csrf = base, username, token, None
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, method, path, body=None, raw_body=None, headers=None, csrf=True):
        data = raw_body.encode() if isinstance(raw_body, str) else raw_body
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        h = {"Content-Type": "application/json"}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with self.opener.open(req, timeout=60) as r:
                return Response(r.status, dict(r.headers), r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, dict(e.headers), e.read())

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, password):
        r = self.post("/api/v1/auth/login", {"username": self.username, "password": password}, csrf=False)
        if r.status != 200:
            raise AssertionError(f"login {self.username}: {r.status} {r.body[:300]!r}")
        self.csrf = r.json()["csrf_token"]
        return self


class Client:
    """What flow tests get: sessions by username, the base URL, the engine, the database URL."""

    def __init__(self, base, engine, db):
        self.base, self.engine, self.db = base, engine, db
        self.sessions, self.vars = {}, {}

    def anon(self):
        return Session(self.base)

    def as_user(self, username, password=None):
        if username not in self.sessions:
            self.sessions[username] = Session(self.base, username).login(password or DEMO_PASSWORDS[username])
        return self.sessions[username]

    def with_token(self, token):
        return Session(self.base, token=token)


def substitute(value, vars):
    if isinstance(value, str):
        m = re.fullmatch(r"\$\{(\w+)\}", value)
        if m and m.group(1) in vars:
            return vars[m.group(1)]
        return re.sub(r"\$\{(\w+)\}", lambda m: str(vars.get(m.group(1), m.group(0))), value)
    if isinstance(value, list):
        return [substitute(v, vars) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, vars) for k, v in value.items()}
    return value


def match(expected, actual, path="$"):
    """Returns None when actual matches the expected subset, else a message."""
    if expected == "$any":
        return None
    if expected == "$nonempty":
        return None if actual not in (None, "", [], {}) else f"{path}: expected non-empty, got {actual!r}"
    if isinstance(expected, dict) and set(expected) == {"$len"}:
        return None if hasattr(actual, "__len__") and len(actual) == expected["$len"] else \
            f"{path}: expected length {expected['$len']}, got {len(actual) if hasattr(actual, '__len__') else actual!r}"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected object, got {actual!r}"
        for k, v in expected.items():
            if k not in actual:
                return f"{path}.{k}: missing"
            msg = match(v, actual[k], f"{path}.{k}")
            if msg:
                return msg
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected list of {len(expected)}, got {actual!r}"[:300]
        for i, (e, a) in enumerate(zip(expected, actual)):
            msg = match(e, a, f"{path}[{i}]")
            if msg:
                return msg
        return None
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return None if abs(float(expected) - float(actual)) < 1e-6 else f"{path}: expected {expected}, got {actual}"
        except (TypeError, ValueError):
            return f"{path}: expected {expected!r}, got {actual!r}"
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


def dig(value, path):
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def run_case_file(client, path):
    steps = json.load(open(path, encoding="utf-8"))
    for i, step in enumerate(steps):
        step = substitute(step, client.vars)
        who = step.get("as", "admin")
        if who == "anon":
            s = client.anon()
        elif isinstance(who, dict):
            s = client.with_token(who["token"])
        else:
            s = client.as_user(who)
        r = s.request(step.get("method", "GET"), step["path"], body=step.get("body"),
                      raw_body=step.get("raw_body"), headers=step.get("headers"), csrf=step.get("csrf", True))
        label = f"step {i} ({step.get('name', step['path'])})"
        if "status" in step and r.status != step["status"]:
            raise AssertionError(f"{label}: status {r.status}, expected {step['status']}: {r.body[:400]!r}")
        if "json" in step:
            msg = match(step["json"], r.json())
            if msg:
                raise AssertionError(f"{label}: {msg}")
        for var, p in step.get("save", {}).items():
            client.vars[var] = dig(r.json(), p)


def start_server(binary, db, web_root):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    init = subprocess.run([binary, "init", "--db", db], env=env, capture_output=True, text=True)
    if init.returncode != 0:
        raise SystemExit("init failed: " + init.stderr)
    proc = subprocess.Popen([binary, "serve", "--db", db, "--listen", "127.0.0.1:0", "--web-root", web_root],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"serving (http://[\d.]+:\d+)", line or "")
        if m:
            # Keep reading the server's log: a full pipe would block every thread that logs.
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, m.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("server did not start")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/parkhq")
    ap.add_argument("--engine", default="sqlite", choices=["sqlite", "postgresql"])
    ap.add_argument("--pg-url", default=os.environ.get("PARKHQ_TEST_PG", ""))
    ap.add_argument("--web-root", default="web/dist")
    ap.add_argument("-k", default="")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    tmp = tempfile.mkdtemp(prefix="parkhq-api-")
    if args.engine == "sqlite":
        db = os.path.join(tmp, "api.db")
    else:
        if not args.pg_url:
            raise SystemExit("--engine postgresql needs --pg-url or PARKHQ_TEST_PG")
        name = f"parkhq_api_{os.getpid()}"
        subprocess.run(["psql", args.pg_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True,
                       capture_output=True)
        subprocess.run(["psql", args.pg_url, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
        db = args.pg_url.rsplit("/", 1)[0] + "/" + name
    proc, base = start_server(args.binary, db, args.web_root)
    client = Client(base, args.engine, db)
    tests = []
    for f in sorted(glob.glob(os.path.join(here, "cases", "*.json"))):
        tests.append((os.path.basename(f), lambda f=f: run_case_file(client, f)))
    for f in sorted(glob.glob(os.path.join(here, "test_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for name in sorted(n for n in dir(mod) if n.startswith("test_")):
            tests.append((f"{os.path.basename(f)}::{name}", lambda fn=getattr(mod, name): fn(client)))
    passed = failed = 0
    try:
        for name, fn in tests:
            if args.k and args.k not in name:
                continue
            t0 = time.time()
            try:
                fn()
                passed += 1
                print(f"ok   [{args.engine}] {name} ({time.time() - t0:.2f}s)", flush=True)
            except Exception as e:  # noqa: BLE001 - report every failure and go on
                failed += 1
                print(f"FAIL [{args.engine}] {name}: {e}", flush=True)
                if not isinstance(e, AssertionError):
                    traceback.print_exc()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if proc.returncode != 0:
            print(f"FAIL [{args.engine}] server exited with {proc.returncode}")
            failed += 1
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"api-{args.engine}: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
