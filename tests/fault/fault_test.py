#!/usr/bin/env python3
"""Fault tests (issue 18), driven by tests/fault/run_fault_tests.sh.

  kill-import  kill -9 the server in the middle of a large report import, ROUNDS times: afterwards the
               database passes its integrity check and each import is there entirely or not at all
               (entirely whenever the client was answered 200).
  kill-burst   kill -9 the server in the middle of a burst of concurrent writes, ROUNDS times:
               afterwards the integrity check passes, every acknowledged (201) write is present with
               its audit row, and no write is present without its audit row.
  pg-restart   restart PostgreSQL (fast, then immediate) under a write load: meanwhile the server
               answers 503 quickly instead of hanging, afterwards it reconnects by itself, and every
               acknowledged write is present.
  disk-full    SQLite on a file system that fills up (a small tmpfs as root, else RLIMIT_FSIZE on the
               server): the write that does not fit gets 503 and nothing of it is stored, the file
               passes its integrity check, reads go on, and earlier writes are all there.
Prints "fault-<test>-<engine>: N passed, M failed".
"""
import argparse, json, os, random, re, resource, signal, sqlite3, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "api"))
from run import Session, DEMO_PASSWORDS  # noqa: E402

passed, failed = 0, 0


def check(cond, name, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok {name}", flush=True)
    else:
        failed += 1
        print(f"FAIL {name} {detail}"[:2000], flush=True)


class Server:
    """The real binary on a fixed database; start() again after a kill."""

    def __init__(self, binary, db, extra_env=None, preexec=None):
        self.binary, self.db, self.extra_env, self.preexec = binary, db, extra_env or {}, preexec
        self.proc, self.base, self.log = None, None, []

    def start(self):
        env = dict(os.environ, PARKHQ_FAST_HASH="1", PARKHQ_SCHEDULER="0", **self.extra_env)
        self.proc = subprocess.Popen([self.binary, "serve", "--db", self.db, "--listen", "127.0.0.1:0",
                                      "--web-root", "/nonexistent", "--max-connections-per-ip", "1000"],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     preexec_fn=self.preexec)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            m = re.search(r"serving (http://[\d.]+:\d+)", line or "")
            if m:
                self.base = m.group(1)
                threading.Thread(target=self._drain, daemon=True).start()
                return self
            if self.proc.poll() is not None:
                break
        raise SystemExit("server did not start: " + (self.proc.stdout.read() if self.proc.poll() is not None else ""))

    def _drain(self):
        for line in self.proc.stdout:
            self.log.append(line)
            del self.log[:-200]

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# ---- the database, read directly (not through the server under test) ----

def sql_rows(db, sql):
    if db.startswith("postgres"):
        out = subprocess.run(["psql", "-XAtq", "-F", "\t", db, "-c", sql], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return [l.split("\t") for l in out.stdout.splitlines() if l]
    con = sqlite3.connect(db, timeout=30)
    try:
        return [[str(v) for v in r] for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def integrity(db):
    """(ok, detail): SQLite integrity_check + foreign_key_check; PostgreSQL pg_amcheck (heap and
    B-tree) when available, and the foreign keys re-checked by a query either way."""
    if not db.startswith("postgres"):
        con = sqlite3.connect(db, timeout=30)
        try:
            ic = con.execute("PRAGMA integrity_check").fetchall()
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
        return ic == [("ok",)] and not fk, f"integrity_check={ic[:3]} foreign_key_check={fk[:3]}"
    detail = ""
    amcheck = os.environ.get("PG_AMCHECK")
    if amcheck:
        r = subprocess.run([amcheck, "--install-missing", "--heapallindexed", db], capture_output=True,
                           text=True, timeout=600)
        if r.returncode != 0:
            return False, "pg_amcheck: " + (r.stdout + r.stderr)[:500]
        detail = "pg_amcheck clean"
    # Every foreign key holds (PostgreSQL enforces them; this catches a constraint left NOT VALID).
    bad = sql_rows(db, "SELECT conname FROM pg_constraint WHERE NOT convalidated")
    return not bad, detail + f"; unvalidated constraints {bad}"


# ---- kill -9 during a large import ----

def import_body(firms, periods, marker):
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    lines = [cols]
    for p in periods:
        for u in firms:
            lines.append(f"{u},{p},{marker},990,120,30,50,2400,80,200,,1")
    return ("\n".join(lines) + "\n").encode()


def imported_count(db, park, marker):
    # values_json holds the figures; the marker value is unique to one round's import.
    rows = sql_rows(db, f"SELECT count(*) FROM enterprise_reports WHERE park_id = {int(park)} "
                        f"AND values_json LIKE '%{int(marker)}%'")
    return int(rows[0][0])


def kill_import(a):
    srv = Server(a.binary, a.db).start()
    pa = Session(srv.base, "parkadmin").login(DEMO_PASSWORDS["parkadmin"])
    admin = Session(srv.base, "admin").login(DEMO_PASSWORDS["admin"])
    parks = admin.get("/api/v1/parks").json()["items"]
    park = [p for p in parks if p["parent_id"] is None][0]["id"]
    firms = [f["uscc"] for f in pa.get("/api/v1/enterprises?page_size=500").json()["items"] if f.get("uscc")]
    firms = firms[: a.firms]
    periods = [f"{y}-{m:02d}" for y in range(2001, 2021) for m in range(1, 13)][: a.months]
    n = len(firms) * len(periods)
    # One import to learn how long a whole one takes here (it also shows the route works).
    t0 = time.time()
    r = pa.post(f"/api/v1/parks/{park}/report-imports", raw_body=import_body(firms, periods, 910000),
                headers={"Content-Type": "text/csv"})
    took = time.time() - t0
    check(r.status == 200 and imported_count(a.db, park, 910000) == n,
          f"a whole import of {n} rows takes {took:.2f}s", f"{r.status} {r.body[:300]!r}")
    if r.status != 200:
        srv.stop()
        return
    partial, lost, ic_bad, complete, none = [], [], [], 0, 0
    for i in range(a.rounds):
        marker = 920000 + i
        body = import_body(firms, periods, marker)
        result = {}

        def send():
            try:
                result["r"] = pa.post(f"/api/v1/parks/{park}/report-imports", raw_body=body,
                                      headers={"Content-Type": "text/csv"})
            except Exception as e:  # the connection dies with the server
                result["e"] = e
        t = threading.Thread(target=send)
        t.start()
        # Anywhere from the upload to just past the usual end: some imports die midway, some commit.
        time.sleep(random.uniform(0.3 * took, 1.3 * took))
        srv.kill9()
        t.join(timeout=30)
        acked = "r" in result and result["r"].status == 200
        ok, detail = integrity(a.db)
        if not ok:
            ic_bad.append((i, detail))
        c = imported_count(a.db, park, marker)
        if c not in (0, n):
            partial.append((i, c))
        if acked and c != n:
            lost.append((i, c))
        complete += c == n
        none += c == 0
        srv.start()
        pa = Session(srv.base, "parkadmin").login(DEMO_PASSWORDS["parkadmin"])
    check(not ic_bad, f"integrity check passes after each of {a.rounds} kills during an import", str(ic_bad[:3]))
    check(not partial, f"no import partly applied ({complete} whole, {none} absent)", str(partial[:5]))
    check(not lost, "every acknowledged import is complete", str(lost[:5]))
    srv.stop()


# ---- kill -9 during a burst of writes ----

def burst_writer(base, park, tag, acked, lock, stop):
    try:
        s = Session(base, "zsfw").login(DEMO_PASSWORDS["zsfw"])
    except Exception:  # the server was killed before this writer logged in
        return
    k = 0
    while not stop.is_set():
        name = f"{tag}-{threading.get_ident() % 10000}-{k}（演示）"
        k += 1
        try:
            r = s.post("/api/v1/investors", {"park_id": park, "name": name})
        except Exception:
            return
        if r.status == 201:
            with lock:
                acked.append((r.json()["id"], name))


def kill_burst(a):
    srv = Server(a.binary, a.db).start()
    admin = Session(srv.base, "admin").login(DEMO_PASSWORDS["admin"])
    park = admin.get("/api/v1/parks").json()["items"][0]["id"]
    all_acked, ic_bad, missing, orphans = [], [], [], []
    for i in range(a.rounds):
        acked, lock, stop = [], threading.Lock(), threading.Event()
        tag = f"burst{i}-{time.time_ns() % 10**8}"
        threads = [threading.Thread(target=burst_writer, args=(srv.base, park, tag, acked, lock, stop))
                   for _ in range(a.writers)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(0.3, 1.2))
        srv.kill9()
        stop.set()
        for t in threads:
            t.join(timeout=30)
        all_acked += acked
        ok, detail = integrity(a.db)
        if not ok:
            ic_bad.append((i, detail))
        present = {int(r[0]): r[1] for r in sql_rows(a.db, f"SELECT id, name FROM investors WHERE name LIKE '{tag}-%'")}
        for iid, name in acked:
            if present.get(iid) != name:
                missing.append((i, iid, name))
        audited = {int(r[0]) for r in sql_rows(
            a.db, f"SELECT CAST(entity_id AS BIGINT) FROM audit_log WHERE entity = 'investor' AND action = 'create' "
                  f"AND after_json LIKE '%{tag}-%'")} if present else set()
        orphans += [(i, iid) for iid in present if iid not in audited]
        srv.start()
    check(len(all_acked) > 0, f"{len(all_acked)} writes acknowledged across {a.rounds} bursts")
    check(not ic_bad, f"integrity check passes after each of {a.rounds} kills during a write burst", str(ic_bad[:3]))
    check(not missing, "every acknowledged write is present after the kill", str(missing[:5]))
    check(not orphans, "no write is stored without its audit row", str(orphans[:5]))
    srv.stop()


# ---- restart PostgreSQL under load ----

def pg_restart(a):
    srv = Server(a.binary, a.db).start()
    admin = Session(srv.base, "admin").login(DEMO_PASSWORDS["admin"])
    park = admin.get("/api/v1/parks").json()["items"][0]["id"]
    results, lock, stop = [], threading.Lock(), threading.Event()  # (status, seconds, id, name)

    def load(n):
        s = Session(srv.base, "zsfw").login(DEMO_PASSWORDS["zsfw"])
        k = 0
        while not stop.is_set():
            name = f"pgrestart-{n}-{k}（演示）"
            k += 1
            t0 = time.time()
            try:
                r = s.post("/api/v1/investors", {"park_id": park, "name": name})
                st, iid = r.status, (r.json() or {}).get("id") if r.status == 201 else None
                if r.status == 401:  # the session check itself failed while the database was down: log in again
                    try:
                        s = Session(srv.base, "zsfw").login(DEMO_PASSWORDS["zsfw"])
                    except AssertionError:
                        pass
            except Exception as e:
                st, iid = f"exception {e}", None
            with lock:
                results.append((st, time.time() - t0, iid, name))
            time.sleep(0.01)
    threads = [threading.Thread(target=load, args=(n,)) for n in range(a.writers)]
    for t in threads:
        t.start()
    for mode in ("fast", "immediate"):
        time.sleep(1.0)
        subprocess.run(a.pg_restart.replace("MODE", mode), shell=True, check=False)
        time.sleep(3.0)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    statuses = {}
    for st, _, _, _ in results:
        statuses[st] = statuses.get(st, 0) + 1
    slowest = max((d for _, d, _, _ in results), default=0)
    check(set(statuses) <= {201, 503}, f"during the restarts every write is answered 201 or 503: {statuses}")
    check(statuses.get(503, 0) > 0, "the outage was seen (some 503)", str(statuses))
    check(slowest < 12, f"no request hangs (slowest {slowest:.1f}s)")
    tail = results[-a.writers * 5:]
    check(any(st == 201 for st, _, _, _ in tail), "the server reconnected by itself (writes succeed after the restart)")
    acked = {iid: name for st, _, iid, name in results if st == 201}
    present = {int(r[0]): r[1] for r in sql_rows(a.db, "SELECT id, name FROM investors WHERE name LIKE 'pgrestart-%'")}
    missing = [(i, n) for i, n in acked.items() if present.get(i) != n]
    check(not missing, f"all {len(acked)} acknowledged writes survived the restarts", str(missing[:5]))
    ok, detail = integrity(a.db)
    check(ok, "integrity check after the restarts", detail)
    srv.stop()


# ---- a full disk during a write (SQLite) ----

def disk_full(a):
    work = tempfile.mkdtemp(prefix="parkhq-full-")
    mnt = os.path.join(work, "disk")
    os.makedirs(mnt)
    force_rlimit = os.environ.get("FAULT_DISK") == "rlimit"
    mounted = not force_rlimit and os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={os.path.getsize(a.db) + (1 << 20)}", "tmpfs", mnt], capture_output=True).returncode == 0
    db = os.path.join(mnt, "parkhq.db")
    src, dst = sqlite3.connect(a.db), sqlite3.connect(db)
    src.backup(dst)
    dst.execute("PRAGMA journal_mode=WAL")
    src.close()
    dst.close()
    size = os.path.getsize(a.db) + (1 << 20 if mounted else 1 << 18)
    preexec = None
    if not mounted:
        # No tmpfs without root: the server process may not grow any file past the limit (EFBIG, as
        # ENOSPC would), with SIGXFSZ ignored so it gets the error instead of dying.
        def preexec():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    print(f"disk-full: {'a tmpfs of' if mounted else 'RLIMIT_FSIZE'} {size} bytes", flush=True)
    srv = Server(a.binary, db, preexec=preexec).start()
    try:
        s = Session(srv.base, "zsfw").login(DEMO_PASSWORDS["zsfw"])
        park = Session(srv.base, "admin").login(DEMO_PASSWORDS["admin"]).get("/api/v1/parks").json()["items"][0]["id"]
        acked, failure, pad = [], None, "满" * 3000
        for k in range(20000):
            name = f"diskfull-{k}（演示）"
            r = s.post("/api/v1/investors", {"park_id": park, "name": name, "industry": "x", "origin": pad[:30]})
            if r.status == 201:
                acked.append((r.json()["id"], name))
                continue
            failure = (k, r.status, r.json(), name)
            break
        check(failure is not None, f"the disk filled after {len(acked)} writes")
        if failure:
            k, st, body, name = failure
            check(st == 503 and body.get("error", {}).get("code") == "unavailable",
                  f"the write that did not fit is refused with 503: {st}", json.dumps(body, ensure_ascii=False)[:300])
        h = Session(srv.base).get("/api/v1/health")
        check(h.status == 200, "the server keeps answering reads on the full disk")
        r = s.get(f"/api/v1/investors?park_id={park}&page_size=5")
        check(r.status == 200, f"lists still read: {r.status}")
    finally:
        srv.stop()
    ok, detail = integrity(db)
    check(ok, "the database file on the full disk passes its integrity check", detail)
    present = {int(r[0]): r[1] for r in sql_rows(db, "SELECT id, name FROM investors WHERE name LIKE 'diskfull-%'")}
    check(all(present.get(i) == n for i, n in acked), f"all {len(acked)} acknowledged writes are in the file")
    if failure:
        check(failure[3] not in present.values(), "nothing of the refused write is stored")
    if mounted:
        subprocess.run(["umount", mnt], check=False)
    subprocess.run(["rm", "-rf", work], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=["kill-import", "kill-burst", "pg-restart", "disk-full"])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--db", required=True, help="an initialised database (SQLite path or postgresql:// URL)")
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("FAULT_ROUNDS", "20")))
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--firms", type=int, default=100)
    ap.add_argument("--months", type=int, default=240)
    ap.add_argument("--pg-restart", default="", help="shell command restarting PostgreSQL; MODE = fast|immediate")
    a = ap.parse_args()
    random.seed(os.environ.get("FAULT_SEED", "18"))
    engine = "postgresql" if a.db.startswith("postgres") else "sqlite"
    {"kill-import": kill_import, "kill-burst": kill_burst, "pg-restart": pg_restart, "disk-full": disk_full}[a.test](a)
    print(f"fault-{a.test}-{engine}: {passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
