#!/usr/bin/env python3
"""Read-replica traffic check (issue 18), driven by run_replica_test.sh.

The server runs with --db PRIMARY --db-replica STANDBY, the standby applying commits 400 ms late
(recovery_min_apply_delay), so a read that went to the standby right after a write could not see it.
Checks:
  1. read-your-writes: every GET by the session that wrote, right after its write, sees it
     (by id and in the list), ROUNDS times;
  2. reads really go to the standby: another session reading right after the write is served stale
     data at least once (the standby has not applied it yet), and the standby's pg_stat_database
     counts the reads;
  3. after the delay everyone sees the write;
  4. with the standby stopped, reads still succeed (served by the primary) with no error.
Prints "replica: N passed, M failed".
"""
import argparse, json, os, re, subprocess, sys, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "api"))
from run import Session, DEMO_PASSWORDS  # noqa: E402

passed, failed = 0, 0


def check(cond, name, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def psql(url, sql):
    out = subprocess.run(["psql", "-XAtq", url, "-c", sql], capture_output=True, text=True, timeout=60)
    return out.stdout.strip()


def start_server(binary, primary, replica):
    env = dict(os.environ, PARKHQ_FAST_HASH="1", PARKHQ_SCHEDULER="0")
    proc = subprocess.Popen([binary, "serve", "--db", primary, "--db-replica", replica, "--listen", "127.0.0.1:0",
                             "--web-root", "/nonexistent"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"serving (http://[\d.]+:\d+)", line or "")
        if m:
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, m.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("server did not start")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--primary", required=True)
    ap.add_argument("--replica", required=True)
    ap.add_argument("--stop-replica", required=True, help="shell command that stops the standby")
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("REPLICA_ROUNDS", "30")))
    a = ap.parse_args()

    proc, base = start_server(a.binary, a.primary, a.replica)
    try:
        writer = Session(base, "zsfw").login(DEMO_PASSWORDS["zsfw"])
        other = Session(base, "admin").login(DEMO_PASSWORDS["admin"])
        park = other.get("/api/v1/parks").json()["items"][0]["id"]
        reads_before = int(psql(a.replica, "SELECT tup_returned FROM pg_stat_database WHERE datname = current_database()") or 0)

        own_fresh, stale_for_others, errors = 0, 0, []
        ids = []
        for i in range(a.rounds):
            name = f"副本测试客商{i}-{time.time_ns() % 10**9}（演示）"
            r = writer.post("/api/v1/investors", {"park_id": park, "name": name})
            if r.status != 201:
                errors.append(f"write {i}: {r.status} {r.body[:200]!r}")
                continue
            iid = r.json()["id"]
            ids.append((iid, name))
            # Another session reads at once: served by the standby, which applies 400 ms late.
            o = other.get(f"/api/v1/investors?park_id={park}&page_size=200&sort=-id")
            if o.status == 200 and not any(x.get("id") == iid for x in o.json().get("items", [])):
                stale_for_others += 1
            # The writer reads at once: it must see its write, by id and in the list.
            g = writer.get(f"/api/v1/investors/{iid}")
            lst = writer.get(f"/api/v1/investors?park_id={park}&page_size=200&sort=-id")
            in_list = lst.status == 200 and any(x.get("id") == iid for x in lst.json().get("items", []))
            if g.status == 200 and g.json().get("name") == name and in_list:
                own_fresh += 1
            else:
                errors.append(f"read-your-write {i}: GET {g.status}, in list {in_list}")
        check(not errors and own_fresh == a.rounds, f"read-your-writes: {own_fresh}/{a.rounds} reads after a write saw it",
              "; ".join(errors[:5]))
        check(stale_for_others > 0,
              f"other sessions read from the standby ({stale_for_others}/{a.rounds} reads before it applied the write)")
        time.sleep(1.5)  # past recovery_min_apply_delay
        lst = other.get(f"/api/v1/investors?park_id={park}&page_size=500&sort=-id").json().get("items", [])
        seen = {x.get("id") for x in lst}
        check(all(i in seen for i, _ in ids), f"after the delay every session sees all {len(ids)} writes")
        reads_after = int(psql(a.replica, "SELECT tup_returned FROM pg_stat_database WHERE datname = current_database()") or 0)
        check(reads_after > reads_before, f"the standby served reads (tup_returned {reads_before} -> {reads_after})")

        # The standby goes away: reads fall back to the primary, no error.
        subprocess.run(a.stop_replica, shell=True, check=False)
        bad = []
        for i in range(20):
            r = other.get(f"/api/v1/investors?park_id={park}&page_size=20")
            w = writer.get(f"/api/v1/investors/{ids[-1][0]}") if ids else None
            if r.status != 200 or (w is not None and w.status != 200):
                bad.append((r.status, w.status if w else None))
        check(not bad, "with the standby down every read is still answered (by the primary)", str(bad[:5]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"replica: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
