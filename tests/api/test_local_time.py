"""Local time: "today" is the deployment's date (Asia/Shanghai by default), never the machine's UTC
date. A second server on the same database runs with its clock pinned (PARKHQ_NOW) to 00:30 and to
23:30 Beijing time; a stage move dated that Beijing day is accepted, the next day refused."""
import datetime, os, re, subprocess, time

from run import Session
from test_projects import _park, _project, expect

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")


def _serve_at(db, now_iso, extra_env=None):
    env = dict(os.environ, PARKHQ_FAST_HASH="1", PARKHQ_NOW=now_iso)
    env.pop("PARKHQ_TIME_ZONE", None)
    env.update(extra_env or {})
    proc = subprocess.Popen([BIN, "serve", "--db", db, "--listen", "127.0.0.1:0", "--web-root", "web/dist"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        m = re.search(r"serving (http://[\d.]+:\d+)", proc.stdout.readline() or "")
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("pinned server did not start")


def _stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _day(offset_days):
    # A Beijing date a few days ahead of the real one, so the pinned clock is "now" for the server.
    return (datetime.date.today() + datetime.timedelta(days=offset_days)).isoformat()


def _check_day_boundary(api, day, clock):
    proc, base = _serve_at(api.db, f"{day}T{clock}:00+08:00")
    try:
        h = Session(base).get("/api/v1/health").json()
        expect(h["today"] == day and h["time_zone"] == "Asia/Shanghai", f"health at {clock} Beijing: {h}")
        admin = Session(base, "admin").login("Admin@2023demo")
        p = _project(api, _park(api), f"本地时间测试项目{clock}（演示）")
        r = admin.post(f"/api/v1/projects/{p['id']}/stage", {"stage": "signed", "date": day})
        expect(r.status == 200, f"a move dated today ({day}) at {clock} Beijing: {r.status} {r.body[:200]!r}")
        tomorrow = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
        r = admin.post(f"/api/v1/projects/{p['id']}/stage", {"stage": "landed", "date": tomorrow})
        expect(r.status == 422, f"a move dated tomorrow ({tomorrow}) at {clock} Beijing is refused: {r.status}")
    finally:
        _stop(proc)


def test_half_past_midnight_beijing_is_the_new_day(api):
    # 00:30 in Beijing is 16:30 UTC of the day before: the UTC date would refuse a move dated today.
    _check_day_boundary(api, _day(3), "00:30")


def test_half_past_eleven_beijing_is_still_the_same_day(api):
    _check_day_boundary(api, _day(5), "23:30")


def test_time_zone_is_configurable(api):
    day = _day(3)
    proc, base = _serve_at(api.db, f"{day}T00:30:00+08:00", {"PARKHQ_TIME_ZONE": "UTC"})
    try:
        h = Session(base).get("/api/v1/health").json()
        prev = (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()
        expect(h["today"] == prev and h["time_zone"] == "UTC", f"health in UTC: {h}")
    finally:
        _stop(proc)
    bad = subprocess.run([BIN, "serve", "--db", api.db, "--listen", "127.0.0.1:0", "--time-zone", "Mars/Base"],
                         capture_output=True, text=True, timeout=30, env=dict(os.environ, PARKHQ_FAST_HASH="1"))
    expect(bad.returncode != 0 and "time zone" in bad.stderr, f"unknown zone refused: {bad.returncode} {bad.stderr}")
