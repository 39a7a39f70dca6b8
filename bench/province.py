#!/usr/bin/env python3
"""Province-scale benchmark (issue 18 item 4; not a test). Generates a province with `parkhq gen`
(100 parks, 20000 enterprises, 5 years by default), serves it, and measures in one run:
the report import, region monitoring (dashboard), region project rates, the 亩均 evaluation run and
a briefing, each as a ratio to its baseline, medians of back-to-back pairs, and the server's peak
memory. Writes the "Province scale (ENGINE)" section of bench/RESULTS.md.

  python3 bench/province.py [--engine sqlite|postgresql] [--pg-url URL] [--pairs 7]
  env PARKS, ENTERPRISES, YEARS, SEED scale the data down for a quick look.

Baselines: the engine's own time to read the rows each answer is computed from (SQLite: Python's
sqlite3 in process; PostgreSQL: psql's \\timing of the query, no process start), and for the import
the engine's bare bulk load of the same CSV (`sqlite3 .import` / `psql \\copy`) into a table with no
index or check. Region dashboard under load: wrk against the bare Beast responder.
"""
import argparse, csv, http.client, json, os, pathlib, re, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "build" / "parkhq"


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


class Client:
    def __init__(self, port):
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookie, self.csrf = "", ""

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie}
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["X-CSRF-Token"] = self.csrf
        self.c.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        r = self.c.getresponse()
        data = r.read()
        if r.status >= 300:
            raise RuntimeError(f"{method} {path}: {r.status} {data[:300]!r}")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and v.startswith("phq_session="):
                self.cookie = v.split(";")[0]
        return json.loads(data) if data else None

    def timed(self, method, path, body=None):
        t = time.perf_counter()
        self.call(method, path, body)
        return time.perf_counter() - t


class Sql:
    """The baseline: run a query and read every row, timed by the engine's own client."""
    def __init__(self, engine, target):
        self.engine, self.target = engine, target
        self.db = sqlite3.connect(target) if engine == "sqlite" else None

    def rows(self, q):
        if self.db:
            return self.db.execute(q).fetchall()
        out = sh("psql", "-X", "-A", "-t", "-q", self.target, "-c", q).stdout
        return [line.split("|") for line in out.splitlines() if line]

    def timed(self, q):
        if self.db:
            t = time.perf_counter()
            self.db.execute(q).fetchall()
            return time.perf_counter() - t
        out = sh("psql", "-X", "-q", self.target, "-c", "\\timing on", "-c", q).stdout
        return float(re.findall(r"Time: ([0-9.]+) ms", out)[-1]) / 1000


def pairs(n, a, b):
    """n back-to-back pairs (a then b) after one warm-up of each: medians and the median ratio."""
    a(), b()
    ta, tb = [], []
    for _ in range(n):
        ta.append(a())
        tb.append(b())
    return statistics.median(ta), statistics.median(tb), statistics.median(x / y for x, y in zip(ta, tb)), \
        (min(x / y for x, y in zip(ta, tb)), max(x / y for x, y in zip(ta, tb)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="sqlite", choices=["sqlite", "postgresql"])
    ap.add_argument("--pg-url", default=os.environ.get("PARKHQ_TEST_PG", ""))
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = ap.parse_args()
    parks, firms = int(os.environ.get("PARKS", 100)), int(os.environ.get("ENTERPRISES", 20000))
    years, seed = int(os.environ.get("YEARS", 5)), os.environ.get("SEED", "1")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="province-"))
    env = dict(os.environ, PARKHQ_FAST_HASH="1", PARKHQ_SCHEDULER="0")
    if args.engine == "sqlite":
        target = str(tmp / "province.db")
    else:
        if not args.pg_url:
            sys.exit("--pg-url (or PARKHQ_TEST_PG) is needed for postgresql")
        name = f"province_{os.getpid()}"
        sh("psql", "-X", "-q", args.pg_url, "-c", f"CREATE DATABASE {name}")
        target = re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", args.pg_url, count=1)
    last = 2024  # the imports then add 2025, whose months are all past
    t = time.perf_counter()
    gen = sh(str(BIN), "gen", "--db", target, "--parks", str(parks), "--enterprises", str(firms), "--years",
             str(years), "--seed", seed, "--last-year", str(last), env=env).stdout.strip()
    gen_s = time.perf_counter() - t
    print(gen)
    region = int(re.search(r"province region (\d+)", gen).group(1))
    first_park = int(re.search(r"parks from id (\d+)", gen).group(1))
    sql = Sql(args.engine, target)
    park_ids = [int(r[0]) for r in sql.rows(f"SELECT id FROM parks WHERE id >= {first_park} AND name LIKE '演示省园区%' ORDER BY id")]
    in_parks = ",".join(map(str, park_ids))

    log = open(tmp / "serve.log", "w")
    server = subprocess.Popen([str(BIN), "serve", "--db", target, "--listen", "127.0.0.1:0", "--web-root",
                               str(ROOT / "web" / "dist")], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        port = None
        for _ in range(300):
            m = re.search(r"serving http://[^:]+:(\d+)", (tmp / "serve.log").read_text())
            if m:
                port = int(m.group(1))
                break
            time.sleep(0.2)
        cl = Client(port)
        login = cl.call("POST", "/api/v1/auth/login", {"username": "admin", "password": "Admin@2023demo"})
        cl.csrf = login["csrf_token"]
        n, results = args.pairs, []
        period = f"{last}-06"
        prev = f"{last - 1}-01"

        results.append(("region monitoring: GET /regions/{id}/dashboard, %d parks" % len(park_ids),) + pairs(
            n, lambda: cl.timed("GET", f"/api/v1/regions/{region}/dashboard?period={period}"),
            lambda: sql.timed(f"SELECT park_id, indicator_code, period, value FROM indicator_values WHERE park_id IN "
                              f"({in_parks}) AND period BETWEEN '{prev}' AND '{period}'")))
        results.append(("project rates: GET /regions/{id}/project-rates",) + pairs(
            n, lambda: cl.timed("GET", f"/api/v1/regions/{region}/project-rates?date={last}-06-30"),
            lambda: sql.timed(f"SELECT p.id, p.stage, p.total_investment, a.planned_investment, SUM(m.completed) FROM "
                              f"projects p JOIN project_annual_plans a ON a.project_id = p.id AND a.year = {last} "
                              f"LEFT JOIN project_monthly m ON m.project_id = p.id AND m.period BETWEEN '{last}-01' AND "
                              f"'{period}' WHERE p.park_id IN ({in_parks}) GROUP BY p.id, p.stage, p.total_investment, "
                              f"a.planned_investment")))
        ep = park_ids[0]
        results.append(("亩均 evaluation: POST /parks/{id}/evaluations/{year}/run (%d firms)" % (firms // len(park_ids)),) + pairs(
            n, lambda: cl.timed("POST", f"/api/v1/parks/{ep}/evaluations/{last}/run", {}),
            lambda: sql.timed(f"SELECT * FROM eval_inputs WHERE park_id = {ep} AND year = {last}")))
        results.append(("briefing: POST /parks/{id}/briefings",) + pairs(
            n, lambda: cl.timed("POST", f"/api/v1/parks/{ep}/briefings", {"period": period}),
            lambda: sql.timed(f"SELECT r.enterprise_id, r.values_json FROM enterprise_reports r WHERE r.park_id = {ep} "
                              f"AND r.period BETWEEN '{last - 1}-01' AND '{period}'")))

        # The import: a new year of reports of one park's enterprises per pair (a fresh park each time).
        def import_pair(k):
            park = park_ids[1 + k]
            rows = sql.rows(f"SELECT uscc, employees FROM enterprises WHERE park_id = {park} ORDER BY id")
            path = tmp / f"import{k}.csv"
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["uscc", "period", "output", "revenue", "value_added", "tax", "profit", "energy",
                            "electricity", "employees", "rnd", "emissions"])
                for i, (uscc, emp) in enumerate(rows):
                    for m in range(1, 13):
                        out = 100 + (i * 37 + m * 11) % 900
                        w.writerow([uscc, f"{last + 1}-{m:02d}", out, out * 0.97, out * 0.26, out * 0.045, out * 0.05,
                                    out * 0.3, out * 0.8, emp, "", ""])
            t = time.perf_counter()
            sh(str(BIN), "import-reports", str(path), "--db", target, "--park", str(park), "--approve", env=env)
            ours = time.perf_counter() - t
            cols = "uscc TEXT, period TEXT, output REAL, revenue REAL, value_added REAL, tax REAL, profit REAL, " \
                   "energy REAL, electricity REAL, employees INTEGER, rnd REAL, emissions REAL"
            t = time.perf_counter()
            if args.engine == "sqlite":
                sh("sqlite3", str(tmp / f"bare{k}.db"), f"CREATE TABLE t({cols})", ".mode csv",
                   f".import --skip 1 {path} t")
            else:
                sh("psql", "-X", "-q", target, "-c", f"CREATE TABLE bare{k}({cols})", "-c",
                   f"\\copy bare{k} FROM '{path}' CSV HEADER")
            return ours, time.perf_counter() - t, len(rows) * 12
        imp = [import_pair(k) for k in range(min(n, len(park_ids) - 1))]
        ratios = [a / b for a, b, _ in imp]
        results.append((f"report import: parkhq import-reports, {imp[0][2]} rows (a park's year), whole process",
                        statistics.median(a for a, _, _ in imp), statistics.median(b for _, b, _ in imp),
                        statistics.median(ratios), (min(ratios), max(ratios))))
        hwm = re.search(r"VmHWM:\s+(\d+) kB", pathlib.Path(f"/proc/{server.pid}/status").read_text()).group(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    load = open("/proc/loadavg").read().split()[:3]
    base = "the engine's bulk load (`sqlite3 .import`)" if args.engine == "sqlite" else "`psql \\copy`"
    lines = [f"## Province scale ({args.engine}) (bench/province.py)", "",
             f"{time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores, load average {' '.join(load)} at the end "
             f"(shared machine: compare ratios). Data: `parkhq gen --parks {parks} --enterprises {firms} --years {years} "
             f"--seed {seed} --last-year {last}` in {gen_s:.1f} s ({gen}). Medians of {n} back-to-back pairs after a "
             f"warm-up; each ratio is taken within its pair. Baselines: reading the rows each answer is computed from "
             f"with the engine's own client; for the import, {base} of the same CSV into a bare table.", "",
             "| what | ParkHQ ms | baseline ms | ratio (median; range) |", "|---|---:|---:|---:|"]
    for name, a, b, r, (lo, hi) in results:
        lines.append(f"| {name} | {a * 1000:.1f} | {b * 1000:.1f} | {r:.2f} ({lo:.2f}–{hi:.2f}) |")
    lines += ["", f"Server peak memory (VmHWM) after the run: {int(hwm) / 1024:.1f} MB."]
    section = "\n".join(lines) + "\n"
    print(section)
    if not args.no_write:
        path = ROOT / "bench" / "RESULTS.md"
        text = path.read_text(encoding="utf-8")
        pat = re.compile(r"## Province scale \(%s\).*?(?=\n## |\Z)" % args.engine, re.S)
        text = pat.sub(lambda _: section, text) if pat.search(text) else text.rstrip() + "\n\n" + section
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
