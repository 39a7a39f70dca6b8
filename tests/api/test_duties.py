"""Separation of duties on monitoring months (issue 11 item 6): whoever submitted a month cannot
approve it; another park admin can; the sysadmin may approve what it submitted."""
import time


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def test_submitter_cannot_approve_own_month(api):
    admin = api.as_user("admin")
    park = admin.post("/api/v1/parks", {"name": f"职责分离园区{time.time_ns() % 10**9}"}).json()["id"]
    sessions = []
    for i in range(2):
        name = f"sod_pa{i}_{park}"
        r = admin.post("/api/v1/users", {"username": name, "password": "Duty@2023test", "role": "park_admin",
                                         "park_id": park})
        expect(r.status == 201, f"create park admin: {r.status} {r.body[:200]!r}")
        sessions.append(api.as_user(name, "Duty@2023test"))
    a, b = sessions
    base = f"/api/v1/parks/{park}/monitoring/months/2023-04"
    expect(a.put(f"/api/v1/parks/{park}/indicator-values", {"period": "2023-04", "values": {"output": 10}}).status == 200,
           "enter")
    expect(a.post(base + "/submit").status == 200, "submit")
    r = a.post(base + "/approve")
    expect(r.status == 403, f"the submitter cannot approve: {r.status} {r.body[:200]!r}")
    state = admin.get(f"/api/v1/parks/{park}/indicator-values?year=2023").json()["months"][3]["state"]
    expect(state == "submitted", f"nothing changed: {state}")
    r = b.post(base + "/approve")
    expect(r.status == 200 and r.json()["approved_by"].startswith("sod_pa1"), f"another admin approves: {r.status}")
    # The sysadmin may approve what it submitted.
    base = f"/api/v1/parks/{park}/monitoring/months/2023-05"
    admin.put(f"/api/v1/parks/{park}/indicator-values", {"period": "2023-05", "values": {"output": 11}})
    expect(admin.post(base + "/submit").status == 200, "admin submits")
    expect(admin.post(base + "/approve").status == 200, "sysadmin may approve its own submission")
