"""`parkhq init --demo-until YYYY-MM` (issue 11 item 1): the demo world runs through the month before
the given last complete month (whose reports are being filed); earlier than 2023-01 is refused."""
import os
import sqlite3
import subprocess
import tempfile

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")


def run(*args):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env)


def test_demo_until_sets_the_last_month(api):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "until.db")
        p = run("init", "--db", db, "--demo-until", "2024-03")
        assert p.returncode == 0, p.stderr
        c = sqlite3.connect(db)
        park = c.execute("SELECT id FROM parks WHERE name = '华亭工业园区'").fetchone()[0]
        last = c.execute("SELECT MAX(period) FROM monitoring_months WHERE park_id = ? AND state = 'approved'",
                         (park,)).fetchone()[0]
        assert last == "2024-02", last
        reports = c.execute("SELECT MAX(period) FROM enterprise_reports").fetchone()[0]
        assert reports == "2024-02", reports
        # March 2024 is the month being filed: no reports, no monitoring month yet.
        assert c.execute("SELECT COUNT(*) FROM enterprise_reports WHERE period = '2024-03'").fetchone()[0] == 0
        targets = c.execute("SELECT COUNT(*) FROM targets WHERE park_id = ? AND year = 2024", (park,)).fetchone()[0]
        assert targets >= 4, "the plan's growth rates give 2024 targets"
        c.close()
        p = run("init", "--db", os.path.join(tmp, "early.db"), "--demo-until", "2022-12")
        assert p.returncode != 0 and "demo-until" in p.stderr, p.stderr
        p = run("init", "--db", os.path.join(tmp, "bad.db"), "--demo-until", "2024-13")
        assert p.returncode != 0, "malformed month refused"
