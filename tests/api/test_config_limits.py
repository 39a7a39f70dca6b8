"""The limits on untrusted input and the API token rate are configuration keys too ([limits],
[api]): the TOML file sets them, PARKHQ_* and the old serve flags still win, bad values name the key,
and a served body limit from the file is enforced."""
import os, subprocess, tempfile, time, re, urllib.request, urllib.error

from test_config import run, line_of, BIN


def test_limits_and_token_rate_from_the_file(api):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "parkhq.toml")
        with open(path, "w") as f:
            f.write("[limits]\nbody_limit_mb = 1\nxlsx_max_rows = 5000\nwork_seconds = 9\n[api]\ntoken_rate = 5\n")
        p = run("config", "check", "--config", path, "--xlsx-max-rows", "7000", env={"PARKHQ_TOKEN_BURST": "12"})
        assert p.returncode == 0, p.stderr
        assert f"file {path}:2" in line_of(p.stdout, "limits.body_limit_mb") and " 1 " in line_of(p.stdout, "limits.body_limit_mb") + " "
        assert "7000" in line_of(p.stdout, "limits.xlsx_max_rows") and "flag --xlsx-max-rows" in line_of(p.stdout, "limits.xlsx_max_rows")
        assert "9" in line_of(p.stdout, "limits.work_seconds")
        assert "5" in line_of(p.stdout, "api.token_rate") and "12" in line_of(p.stdout, "api.token_burst")
        assert "default" in line_of(p.stdout, "limits.geojson_max_points")
        bad = os.path.join(tmp, "bad.toml")
        with open(bad, "w") as f:
            f.write("[limits]\nupload_limit_mb = 0\n")
        p = run("config", "check", "--config", bad)
        assert p.returncode == 1 and "limits.upload_limit_mb" in p.stderr, p.stderr
        # serve enforces the file's body limit: a 2 MiB JSON body is refused with 413.
        ok = os.path.join(tmp, "ok.toml")
        with open(ok, "w") as f:
            f.write("[limits]\nbody_limit_mb = 1\n")
        db = os.path.join(tmp, "l.db")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PARKHQ_")}
        env["PARKHQ_FAST_HASH"] = "1"
        subprocess.run([BIN, "init", "--db", db], env=env, capture_output=True, check=True, timeout=120)
        srv = subprocess.Popen([BIN, "serve", "--config", ok, "--db", db, "--listen", "127.0.0.1:0"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            base = None
            t0 = time.time()
            while time.time() - t0 < 30 and not base:
                m = re.search(r"serving (http://[\d.]+:\d+)", srv.stdout.readline() or "")
                base = m and m.group(1)
            assert base, "server did not start"
            req = urllib.request.Request(base + "/api/v1/auth/login", data=b'{"username":"' + b"a" * (2 << 20) + b'"}',
                                         method="POST", headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(req, timeout=30)
                status = 200
            except urllib.error.HTTPError as e:
                status = e.code
            except (ConnectionError, urllib.error.URLError):
                status = 413  # the server may close the connection after answering 413 mid-upload
            assert status == 413, status
        finally:
            srv.terminate()
            srv.wait(timeout=10)
