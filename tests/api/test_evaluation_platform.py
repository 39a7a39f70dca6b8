"""亩均效益 inputs computed from the platform: approved monthly reports of the year summed per
enterprise, land from the parcels it holds; imported (non-platform) values survive a recomputation."""
import datetime

YEAR = 2021
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def uscc(first17):
    """Appends the GB 32100 check character."""
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


def file_report(pa, eid, period, values):
    """Saves, submits and approves a monthly report (opening late filing when past the deadline)."""
    base = f"/api/v1/enterprises/{eid}/reports/{period}"
    r = pa.put(base, {"values": values})
    if r.status == 409:
        until = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
        expect(pa.post(base + "/exception", {"until": until, "reason": "平台汇总测试补报"}).status == 200, "exception")
        r = pa.put(base, {"values": values})
    expect(r.status == 200, f"save report {period}: {r.status} {r.body[:300]!r}")
    r = pa.post(base + "/submit")
    expect(r.status == 200, f"submit {period}: {r.status} {r.body[:300]!r}")
    r = pa.post(base + "/review", {"decision": "approve"})
    expect(r.status == 200, f"approve {period}: {r.status} {r.body[:300]!r}")


def demo_park(api):
    return [p for p in api.as_user("admin").get("/api/v1/parks").json()["items"] if p["parent_id"] is None][0]["id"]


def make_enterprise(admin, pid, k, above_scale=True):
    stamp = datetime.datetime.now().strftime("%H%M%S")
    code = uscc("91620824MB8P%s%d" % (stamp[:4], k))[:17]
    body = {"uscc": uscc(code), "name": f"平台汇总测试企业{k}（演示）", "park_id": pid, "industry_code": "2614",
            "above_scale": above_scale}
    r = admin.post("/api/v1/enterprises", body)
    expect(r.status == 201, f"create enterprise: {r.status} {r.body[:300]!r}")
    return r.json()["id"]


def inputs_of(s, pid, eid):
    r = s.get(f"/api/v1/parks/{pid}/evaluations/{YEAR}/inputs")
    expect(r.status == 200, f"inputs: {r.status} {r.body[:300]!r}")
    got = [i for i in r.json()["items"] if i["enterprise_id"] == eid]
    return got[0] if got else None


def close(a, b):
    return a is not None and abs(a - b) < 1e-6


def test_eval_inputs_from_platform(api):
    admin = api.as_user("admin")
    pa = api.as_user("parkadmin")
    pid = demo_park(api)
    eid = make_enterprise(admin, pid, 1)
    nolan = make_enterprise(admin, pid, 2, above_scale=False)
    jan = {"output": 1000, "revenue": 980, "value_added": 200, "tax": 5, "profit": 1, "energy": 10,
           "electricity": 20, "employees": 30, "rnd": 3, "emissions": 1.5}
    feb = {"output": 1050, "revenue": 1000, "value_added": 210, "tax": 7, "profit": 1, "energy": 11,
           "electricity": 22, "employees": 34, "rnd": 4, "emissions": 2}
    file_report(admin, eid, f"{YEAR}-01", jan)
    file_report(admin, eid, f"{YEAR}-02", feb)
    file_report(admin, nolan, f"{YEAR}-01", jan)
    # A report that is not approved does not count.
    r = admin.put(f"/api/v1/enterprises/{eid}/reports/{YEAR}-03", {"values": {**feb, "tax": 1000}})
    expect(r.status in (200, 409), f"draft: {r.status}")
    stamp = datetime.datetime.now().strftime("%H%M%S%f")
    for code, mu in (("PF-A-" + stamp, 10.0), ("PF-B-" + stamp, 2.5)):
        r = pa.post(f"/api/v1/parks/{pid}/parcels", {"code": code, "area_mu": mu, "holder_enterprise_id": eid})
        expect(r.status == 201, f"parcel: {r.status} {r.body[:300]!r}")

    url = f"/api/v1/parks/{pid}/evaluations/{YEAR}/inputs/from-platform"
    r = pa.post(url)
    expect(r.status == 200, f"from-platform: {r.status} {r.body[:400]!r}")
    out = r.json()
    expect(out["enterprises"] >= 2 and out["updated"] >= 1, f"counts: {out}")
    skipped = {s["enterprise_id"]: s["reason"] for s in out["skipped"]}
    expect(eid not in skipped, f"enterprise with land computed: {out}")
    expect(nolan in skipped and "用地" in skipped[nolan], f"no land → skipped with a reason: {out}")
    expect([k["enterprise_name"] for k in out["skipped"] if k["enterprise_id"] == nolan] == ["平台汇总测试企业2（演示）"],
           f"skipped name: {out}")
    expect(inputs_of(pa, pid, nolan) is None, "nothing stored for the skipped enterprise")

    got = inputs_of(pa, pid, eid)
    expect(got is not None, "inputs stored")
    want = {"tax": 12, "revenue": 1980, "value_added": 410, "energy_tce": 21, "emissions_t": 3.5, "rnd": 7,
            "electricity_kwh": 420000, "employees_avg": 32, "land_mu": 12.5, "output": 2050}
    for f, v in want.items():
        expect(close(got[f], v), f"{f}: {got[f]} != {v}")
        expect(got["sources"].get(f) == "platform", f"source of {f}: {got['sources']}")
    expect(got["group"] == "above_scale", f"group from the registry: {got['group']}")

    # An imported value (manual) is kept by a second computation; platform values follow the reports.
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/{YEAR}/inputs",
               {"source": "manual", "items": [{"enterprise_id": eid, "group": "above_scale", "tax": 99}]})
    expect(r.status == 200, f"import: {r.status} {r.body[:300]!r}")
    file_report(admin, eid, f"{YEAR}-04", {**feb, "revenue": 20, "value_added": 10, "output": 20, "tax": 1})
    r = pa.post(url)
    expect(r.status == 200, f"second from-platform: {r.status} {r.body[:300]!r}")
    got = inputs_of(pa, pid, eid)
    expect(close(got["tax"], 99) and got["sources"]["tax"] == "manual", f"imported tax survives: {got}")
    expect(close(got["revenue"], 2000) and got["sources"]["revenue"] == "platform", f"revenue recomputed: {got}")
    expect(close(got["employees_avg"], (30 + 34 + 34) / 3), f"employees average: {got['employees_avg']}")
    r = pa.post(url)
    expect(r.status == 200 and eid not in {s["enterprise_id"] for s in r.json()["skipped"]}, "third call")

    # Refusals: departments and leaders 403, another park 404, an enterprise user 403.
    for who in ("gxj", "leader"):
        r = api.as_user(who).post(url)
        expect(r.status == 403, f"{who}: {r.status}")
    r = admin.post("/api/v1/users", {"username": "pf_qiye", "password": "Ent@2023demoX", "role": "enterprise",
                                     "park_id": pid, "enterprise_id": eid})
    expect(r.status in (201, 409), f"enterprise user: {r.status} {r.body[:200]!r}")
    expect(api.as_user("pf_qiye", "Ent@2023demoX").post(url).status == 403, "enterprise user refused")
    other = admin.post("/api/v1/parks", {"name": "平台汇总外园区（演示）"}).json()["id"]
    r = pa.post(f"/api/v1/parks/{other}/evaluations/{YEAR}/inputs/from-platform")
    expect(r.status == 404, f"other park: {r.status}")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/abc/inputs/from-platform")
    expect(r.status in (400, 404, 422), f"bad year: {r.status}")
