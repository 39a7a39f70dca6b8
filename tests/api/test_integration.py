"""Modules working together: "report once, use everywhere" — a park's monitoring figures taken from
approved enterprise reports (output, sales, value added, ...) and from projects' completed
investment (fai), when the park chooses those sources."""
import datetime

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def uscc(first17):
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


def indicator(monitoring, code):
    return [i for i in monitoring["indicators"] if i["code"] == code][0]


def file_report(pa, eid, period, values):
    base = f"/api/v1/enterprises/{eid}/reports/{period}"
    r = pa.put(base, {"values": values})
    if r.status == 409:  # past the filing deadline: open late filing first
        until = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
        expect(pa.post(base + "/exception", {"until": until, "reason": "集成测试补报"}).status == 200, "exception")
        r = pa.put(base, {"values": values})
    expect(r.status == 200, f"save report {period}: {r.status} {r.body[:300]!r}")
    r = pa.post(base + "/submit")
    expect(r.status == 200, f"submit {period}: {r.status} {r.body[:300]!r}")
    r = pa.post(base + "/review", {"decision": "approve"})
    expect(r.status == 200, f"approve {period}: {r.status} {r.body[:300]!r}")


def test_monitoring_takes_enterprise_reports_and_project_investment(api):
    admin = api.as_user("admin")
    pid = admin.post("/api/v1/parks", {"name": "一次填报集成测试园区"}).json()["id"]
    stamp = datetime.datetime.now().strftime("%H%M%S")
    eids = []
    for k, output in enumerate((1000.0, 500.0)):
        code = uscc("91620824MA9X%s%d" % (stamp[:4], k))[:17]
        r = admin.post("/api/v1/enterprises", {"uscc": uscc(code), "name": f"集成测试企业{k}（演示）", "park_id": pid,
                                               "industry_code": "2614"})
        expect(r.status == 201, f"create enterprise: {r.status} {r.body[:300]!r}")
        eids.append(r.json()["id"])
    base_values = {"revenue": 0, "value_added": 0, "tax": 5, "profit": 1, "energy": 10, "electricity": 20, "employees": 30}
    file_report(admin, eids[0], "2023-01", {**base_values, "output": 1000, "revenue": 980, "value_added": 200})
    file_report(admin, eids[1], "2023-01", {**base_values, "output": 500, "revenue": 490, "value_added": 100})
    # A draft (not approved) report must not count.
    r = admin.put(f"/api/v1/enterprises/{eids[1]}/reports/2023-02", {"values": {**base_values, "output": 999}})
    expect(r.status in (200, 409), f"draft: {r.status}")

    body = {"park_id": pid, "name": "集成测试项目（演示）", "kind": "new", "total_investment": 1000,
            "contracted_investment": 800, "annual_plans": [{"year": 2023, "planned_investment": 600}]}
    r = admin.post("/api/v1/projects", body)
    expect(r.status == 201, f"project: {r.status} {r.body[:300]!r}")
    proj = r.json()["id"]
    r = admin.put(f"/api/v1/projects/{proj}/investment", {"period": "2023-01", "completed": 321.5, "funds_in_place": 100})
    expect(r.status == 200, f"investment: {r.status} {r.body[:300]!r}")

    url = f"/api/v1/parks/{pid}/monitoring?period=2023-01"
    m = admin.get(url).json()
    expect(indicator(m, "output")["month"] in (None, 0), f"direct source by default: {indicator(m, 'output')}")
    r = admin.put(f"/api/v1/parks/{pid}/monitoring/settings",
                  {"sources": {"output": "enterprise_reports", "sales": "enterprise_reports",
                               "value_added": "enterprise_reports", "fai": "projects"}})
    expect(r.status == 200, f"settings: {r.status} {r.body[:300]!r}")
    m = admin.get(url).json()
    expect(abs(indicator(m, "output")["month"] - 1500) < 1e-6, f"output = approved reports: {indicator(m, 'output')}")
    expect(abs(indicator(m, "sales")["month"] - 1470) < 1e-6, f"sales = approved revenue: {indicator(m, 'sales')}")
    expect(abs(indicator(m, "value_added")["month"] - 300) < 1e-6, "value added = approved reports")
    expect(abs(indicator(m, "fai")["month"] - 321.5) < 1e-6, f"fai = project investment: {indicator(m, 'fai')}")
    m2 = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-02").json()
    expect(indicator(m2, "output")["month"] in (None, 0), f"an unapproved report does not count: {indicator(m2, 'output')}")
