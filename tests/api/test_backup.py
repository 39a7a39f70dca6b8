"""parkhq backup / restore round trip on the runner's engine (SQLite: the online backup API;
PostgreSQL: pg_dump / pg_restore): every table's rows are equal after a restore, a restore needs
--yes and a real backup, timestamped backups are pruned to backup.keep, and the status page shows
the last backup."""
import os, sqlite3, subprocess, tempfile, time

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")
SKIP_TABLES = {"ops_backups"}  # the record of backups and restores itself


def run(*args, ok=True):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    p = subprocess.run([BIN, *args], capture_output=True, text=True, env=env, timeout=300)
    if ok and p.returncode != 0:
        raise AssertionError(f"parkhq {' '.join(args)} → {p.returncode}: {p.stderr}")
    return p


def psql(url, sql):
    p = subprocess.run(["psql", url, "-XAtqc", sql], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


def new_database(api, tmp):
    if api.engine == "sqlite":
        return os.path.join(tmp, "roundtrip.db")
    name = f"parkhq_backup_{os.getpid()}_{int(time.time() * 1000) % 100000}"
    psql(api.db, f"CREATE DATABASE {name}")
    return api.db.rsplit("/", 1)[0] + "/" + name


def drop_database(api, db):
    if api.engine == "postgresql":
        psql(api.db, f"DROP DATABASE IF EXISTS {db.rsplit('/', 1)[1]} WITH (FORCE)")


def snapshot(api, db):
    """Every table's rows, sorted, as text."""
    out = {}
    if api.engine == "sqlite":
        con = sqlite3.connect(db)
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND name NOT LIKE 'sqlite_%'")]
        for t in names:
            if t not in SKIP_TABLES:
                out[t] = sorted(repr(r) for r in con.execute(f'SELECT * FROM "{t}"'))
        con.close()
    else:
        names = psql(db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").split()
        for t in names:
            if t not in SKIP_TABLES:
                out[t] = sorted(psql(db, f'SELECT t::text FROM "{t}" t').splitlines())
    return out


def execute(api, db, sql):
    if api.engine == "sqlite":
        con = sqlite3.connect(db)
        con.execute(sql)
        con.commit()
        con.close()
    else:
        psql(db, sql)


def test_backup_restore_round_trip(api):
    with tempfile.TemporaryDirectory() as tmp:
        db = new_database(api, tmp)
        try:
            run("init", "--db", db)
            before = snapshot(api, db)
            assert len(before) > 30 and len(before["tasks"]) == 25 and before["audit_log"], list(before)[:5]
            out = os.path.join(tmp, "backup.bin")
            assert "backup written" in run("backup", "--db", db, out).stdout
            # Change the data: a new account, the audit log emptied.
            run("user", "add", "--db", db, "--username", "after_backup", "--password", "AfterBackup@2023",
                "--role", "leader")
            execute(api, db, "DELETE FROM audit_log")
            changed = snapshot(api, db)
            assert changed != before and not changed["audit_log"]
            # Refusals leave the data alone: no --yes, a file that is not a backup.
            p = run("restore", out, "--db", db, ok=False)
            assert p.returncode != 0 and "--yes" in p.stderr, p.stderr
            junk = os.path.join(tmp, "junk.bin")
            with open(junk, "w") as f:
                f.write("not a backup")
            assert run("restore", junk, "--db", db, "--yes", ok=False).returncode != 0
            assert snapshot(api, db) == changed
            # The restore brings back exactly the backed-up rows.
            assert "restored" in run("restore", out, "--db", db, "--yes").stdout
            after = snapshot(api, db)
            assert after.keys() == before.keys()
            for t in before:
                assert after[t] == before[t], t
            assert "0 migration(s) applied" in run("migrate", "--db", db).stdout
        finally:
            drop_database(api, db)


def test_backup_dir_retention_and_status(api):
    with tempfile.TemporaryDirectory() as tmp:
        bdir = os.path.join(tmp, "backups")
        made = []
        for _ in range(3):
            line = run("backup", "--db", api.db, "--backup-dir", bdir, "--backup-keep", "2").stdout
            made.append(line.split("backup written to ")[1].split(" (")[0])
            time.sleep(0.01)
        kept = sorted(os.listdir(bdir))
        assert len(kept) == 2, kept
        assert [os.path.join(bdir, k) for k in kept] == made[1:], (kept, made)
        status = api.as_user("admin").get("/api/v1/system/status").json()
        assert status["last_backup"]["file"] == os.path.abspath(made[-1]), status["last_backup"]
        assert status["last_backup"]["size_bytes"] > 0 and status["last_backup"]["engine"] == api.engine
