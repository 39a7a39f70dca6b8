"""parkhq config check: reads the TOML file, PARKHQ_* variables and flags (later wins), prints each
key's value and source, and exits 1 naming the key on a bad file; `serve` honours the file."""
import os, subprocess, tempfile

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args, env=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith("PARKHQ_")}
    e.update(env or {})
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=e, timeout=60)


def line_of(out, key):
    return next(l for l in out.splitlines() if l.strip().startswith(key + " "))


def test_config_check_precedence_and_errors(api):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "parkhq.toml")
        with open(path, "w") as f:
            f.write('[server]\nlisten = "127.0.0.1:9001"\n[database]\npool_size = 5\n[log]\nformat = "json"\n')
        p = run("config", "check", "--config", path, "--db-pool", "7", env={"PARKHQ_LISTEN": "127.0.0.1:9002"})
        assert p.returncode == 0, p.stderr
        assert "127.0.0.1:9002" in line_of(p.stdout, "server.listen") and "env PARKHQ_LISTEN" in line_of(p.stdout, "server.listen")
        assert "7" in line_of(p.stdout, "database.pool_size") and "flag --db-pool" in line_of(p.stdout, "database.pool_size")
        assert f"file {path}:6" in line_of(p.stdout, "log.format")
        assert "default" in line_of(p.stdout, "backup.keep")
        with open(path, "a") as f:
            f.write("[metrics]\nallowed = [\"any\"]\n")
        p = run("config", "check", "--config", path)
        assert p.returncode == 1 and "unknown key metrics.allowed" in p.stderr and ":8" in p.stderr, p.stderr
        p = run("config", "check", "--config", os.path.join(tmp, "missing.toml"))
        assert p.returncode == 1 and "cannot read" in p.stderr
        # The packaged default file is valid.
        p = run("config", "check", "--config", os.path.join(ROOT, "packaging", "parkhq.toml"))
        assert p.returncode == 0, p.stderr
        # serve refuses a bad value before listening.
        p = run("serve", "--config", path, "--db", os.path.join(tmp, "x.db"))
        assert p.returncode == 1 and "metrics.allowed" in p.stderr, p.stderr


def test_metrics_can_be_closed_by_config(api):
    """A second server with [metrics] enabled = false answers /metrics with 404; allow = ["any"] opens it."""
    import re, urllib.request, urllib.error
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "m.db")
        assert run("migrate", "--db", db).returncode == 0
        for setting, expected in (("enabled = false", 404), ('allow = ["10.9.9.9"]', 403), ('allow = ["any"]', 200)):
            path = os.path.join(tmp, "m.toml")
            with open(path, "w") as f:
                f.write(f"[metrics]\n{setting}\n")
            e = {k: v for k, v in os.environ.items() if not k.startswith("PARKHQ_")}
            proc = subprocess.Popen([BIN, "serve", "--config", path, "--db", db, "--listen", "127.0.0.1:0"],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=e)
            try:
                base = None
                for _ in range(100):
                    m = re.search(r"serving (http://[\d.]+:\d+)", proc.stdout.readline() or "")
                    if m:
                        base = m.group(1)
                        break
                assert base, "server did not start"
                try:
                    status = urllib.request.urlopen(base + "/metrics", timeout=10).status
                except urllib.error.HTTPError as err:
                    status = err.code
                assert status == expected, (setting, status)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
