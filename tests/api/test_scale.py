"""Sessions in memory (issue 18, docs/scale.md): every way a session ends acts on the very next
request, though the session is cached; and `parkhq gen` writes a deterministic province."""
import os, re, subprocess, tempfile

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def cookie_of(s):
    return next(f"{c.name}={c.value}" for c in s.jar if c.name == "phq_session")


def warm(api, cookie, times=3):
    """A few requests with the cookie, so the session is held in memory; returns the last status."""
    for _ in range(times):
        status = api.anon().get("/api/v1/me", headers={"Cookie": cookie}).status
    return status


def test_logout_ends_the_cached_session_on_the_very_next_request(api):
    s = api.anon()
    s.username = "leader"
    s.login("Leader@2023demo")
    cookie = cookie_of(s)
    expect(warm(api, cookie) == 200, "works before")
    expect(s.post("/api/v1/auth/logout").status == 204, "logout")
    r = api.anon().get("/api/v1/me", headers={"Cookie": cookie})
    expect(r.status == 401, f"the logged-out cookie still works: {r.status}")


def test_disable_and_role_change_act_on_the_very_next_request(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": "cache_user", "password": "Cache@2023abc", "role": "leader"})
    expect(r.status == 201, f"create: {r.status} {r.body!r}")
    uid = r.json()["id"]
    s = api.anon()
    s.username = "cache_user"
    s.login("Cache@2023abc")
    cookie = cookie_of(s)
    expect(warm(api, cookie) == 200, "works before")
    expect(api.anon().get("/api/v1/me", headers={"Cookie": cookie}).json()["user"]["role"] == "leader", "role before")
    r = admin.patch(f"/api/v1/users/{uid}", {"role": "sysadmin"})
    expect(r.status == 200, f"role change: {r.status}")
    me = api.anon().get("/api/v1/me", headers={"Cookie": cookie})
    expect(me.status == 200 and me.json()["user"]["role"] == "sysadmin", f"role after: {me.body[:200]!r}")
    expect(admin.patch(f"/api/v1/users/{uid}", {"disabled": True}).status == 200, "disable")
    expect(api.anon().get("/api/v1/me", headers={"Cookie": cookie}).status == 401, "disabled user's cached session")


def fresh_database(api, tmp):
    """A new, empty database on the runner's engine (gen must not add parks to the shared one)."""
    if api.engine == "sqlite":
        return os.path.join(tmp, "gen.db")
    name = f"gen_{os.getpid()}"
    subprocess.run(["psql", api.db, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
    subprocess.run(["psql", api.db, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", api.db, count=1)


def test_gen_help_and_a_small_province(api):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    out = subprocess.run([BIN, "gen", "--help"], capture_output=True, text=True, env=env)
    expect(out.returncode == 0, f"gen --help: {out.returncode}")
    for word in ("--parks", "--enterprises", "--years", "--seed", "（演示）"):
        expect(word in out.stdout, f"gen --help lacks {word}")
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_database(api, tmp)
        bad = subprocess.run([BIN, "gen", "--db", db, "--parks", "0"], capture_output=True, text=True, env=env)
        expect(bad.returncode == 2 and "--parks" in bad.stderr, f"--parks 0: {bad.returncode} {bad.stderr}")
        args = [BIN, "gen", "--db", db, "--parks", "2", "--enterprises", "6", "--years", "1", "--seed", "3",
                "--last-year", "2024", "--projects-per-park", "1"]
        ok = subprocess.run(args, capture_output=True, text=True, env=env)
        expect(ok.returncode == 0 and "2 parks" in ok.stdout and "72 reports" in ok.stdout,
               f"gen: {ok.stdout} {ok.stderr}")
        again = subprocess.run(args, capture_output=True, text=True, env=env)
        expect(again.returncode == 1 and "already" in again.stderr, f"second province: {again.returncode} {again.stderr}")
