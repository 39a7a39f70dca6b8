"""The parkhq command line: init, migrate, user add/passwd/disable, backup (on the runner's engine)."""
import os, sqlite3, subprocess, tempfile

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")


def run(*args, ok=True):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    p = subprocess.run([BIN, *args], capture_output=True, text=True, env=env)
    if ok and p.returncode != 0:
        raise AssertionError(f"parkhq {' '.join(args)} → {p.returncode}: {p.stderr}")
    return p


def test_help_lists_every_command(api):
    out = run("--help").stdout
    for word in ("serve", "init", "migrate", "user add", "user passwd", "user disable", "backup", "import-reports", "--listen", "--db", "--web-root"):
        assert word in out, word


def test_user_commands_and_backup(api):
    db = api.db  # the runner's database (SQLite file or PostgreSQL URL), already initialised
    assert "0 migration(s) applied" in run("migrate", "--db", db).stdout
    run("user", "add", "--db", db, "--username", "cli_user", "--password", "CliUser@2023", "--role", "park_admin", "--park", "1")
    p = run("user", "add", "--db", db, "--username", "cli_user", "--password", "CliUser@2023", "--role", "leader", ok=False)
    assert p.returncode != 0 and "conflict" in p.stderr, p.stderr
    p = run("user", "add", "--db", db, "--username", "cli_weak", "--password", "weak", "--role", "leader", ok=False)
    assert p.returncode != 0 and "password" in p.stderr
    s = api.anon()
    assert s.post("/api/v1/auth/login", {"username": "cli_user", "password": "CliUser@2023"}, csrf=False).status == 200
    run("user", "passwd", "--db", db, "--username", "cli_user", "--password", "CliUser@2024")
    assert s.post("/api/v1/auth/login", {"username": "cli_user", "password": "CliUser@2023"}, csrf=False).status == 401
    assert s.post("/api/v1/auth/login", {"username": "cli_user", "password": "CliUser@2024"}, csrf=False).status == 200
    run("user", "disable", "--db", db, "--username", "cli_user")
    assert s.post("/api/v1/auth/login", {"username": "cli_user", "password": "CliUser@2024"}, csrf=False).status == 401
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "backup.db")
        run("backup", "--db", db, out)
        assert os.path.getsize(out) > 0
        if api.engine == "sqlite":
            con = sqlite3.connect(out)
            assert con.execute("SELECT COUNT(*) FROM tasks").fetchone()[0] == 25
            assert con.execute("SELECT COUNT(*) FROM users WHERE username = 'cli_user'").fetchone()[0] == 1
            con.close()
        else:
            listing = subprocess.run(["pg_restore", "--list", out], capture_output=True, text=True)
            assert listing.returncode == 0 and "TABLE DATA public tasks" in listing.stdout, listing.stderr[:300]


def test_init_refuses_nothing_twice(api):
    # init on an existing database keeps its data (no duplicate demo rows).
    run("init", "--db", api.db)
    assert api.as_user("admin").get("/api/v1/tasks").json()["total"] == 25


def test_import_reports_from_a_file(api):
    from test_enterprises import new_uscc, park_ids, last_month
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    code = new_uscc()
    r = pa.post("/api/v1/enterprises", {"uscc": code, "name": "命令行导入测试（演示）", "park_id": top, "industry_code": "2614"})
    assert r.status == 201, r.body[:200]
    eid, period = r.json()["id"], last_month()
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "reports.csv")
        with open(path, "w", encoding="utf-8") as f:  # value added above output: an error rule, nothing written
            f.write(cols + f"{code},{period},1000,990,1200,30,50,2400,80,200,,\n")
        p = run("import-reports", path, "--db", api.db, "--park", str(top), ok=False)
        assert p.returncode == 1 and "row 1 value_added" in p.stderr, p.stderr
        assert not pa.get(f"/api/v1/enterprises/{eid}/reports/{period}").json()["exists"]
        with open(path, "w", encoding="utf-8") as f:
            f.write(cols + f"{code},{period},1000,990,120,30,50,2400,80,200,,\n")
        p = run("import-reports", path, "--approve", "--db", api.db, "--park", str(top))
        assert "1 reports imported" in p.stdout, p.stdout
        rep = pa.get(f"/api/v1/enterprises/{eid}/reports/{period}").json()
        assert rep["state"] == "approved" and rep["values"]["output"] == 1000, rep
        assert run("import-reports", path, "--db", api.db, ok=False).returncode != 0  # --park is required
