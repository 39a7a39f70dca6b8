"""Reconciliation (对账, issue 11 item 2) on a fixture with a known difference: a park's direct
output of June 2023 is 1000 while its above-scale firm's approved report says 900 (a below-scale
firm's 500 does not count); the contract shape, drill-down, explanation (audited), refusals."""
import random
import time

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def uscc(first17):
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


def new_uscc(n):
    run = random.choice("ABCDEFGHJKLMNPQRTUWXY") + random.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
    return uscc("91620824MB%s%05d" % (run, n))


def fixture(api):
    admin = api.as_user("admin")
    park = admin.post("/api/v1/parks", {"name": f"对账测试园区{time.time_ns() % 10**9}"}).json()["id"]
    firms = []
    for i, name in enumerate(["对账规上企业（演示）", "对账规下企业（演示）"]):
        r = admin.post("/api/v1/enterprises", {"uscc": new_uscc(i + random.randint(0, 90000)), "name": name,
                                               "park_id": park, "industry_code": "2614"})
        expect(r.status == 201, f"create firm: {r.status} {r.body[:200]!r}")
        firms.append(r.json())
    r = admin.patch(f"/api/v1/enterprises/{firms[0]['id']}", {"above_scale": True, "scale_changed_on": "2023-01-01", "reason": "入规"})
    expect(r.status == 200, f"above scale: {r.status}")
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    rows = [f"{firms[0]['uscc']},2023-06,900,880,200,30,50,120,80,40,,1",
            f"{firms[1]['uscc']},2023-06,500,480,100,10,20,60,40,20,,1"]
    r = admin.post(f"/api/v1/parks/{park}/report-imports?approve=1", raw_body=cols + "\n" + "\n".join(rows) + "\n")
    expect(r.status == 200, f"import: {r.status} {r.body[:300]!r}")
    r = admin.put(f"/api/v1/parks/{park}/indicator-values",
                  {"period": "2023-06", "values": {"output": 1000, "sales": 880, "fai": 300}})
    expect(r.status == 200, f"direct figures: {r.status} {r.body[:200]!r}")
    return park, firms


def test_reconciliation_finds_the_known_difference(api):
    park, firms = fixture(api)
    admin = api.as_user("admin")
    r = admin.get(f"/api/v1/parks/{park}/reconciliation?period=2023-06")
    expect(r.status == 200, f"reconciliation: {r.status} {r.body[:300]!r}")
    body = r.json()
    items = {i["indicator"]: i for i in body["items"]}
    for i in body["items"]:
        expect({"indicator", "sources", "difference", "within_tolerance"} <= set(i), f"contract keys: {i.keys()}")
    out = items["output"]
    expect(out["sources"] == {"direct": 1000, "enterprise_reports": 900}, f"sources: {out['sources']}")
    expect(abs(out["difference"] - 100) < 1e-9 and out["within_tolerance"] is False, f"difference: {out}")
    expect(out["authoritative"] == "direct" and out["rule"], "the rule says which source counts")
    firms_in = [x["id"] for x in out["records"]["enterprise_reports"]]
    expect(firms_in == [firms[0]["id"]], f"drill-down lists the above-scale firm only: {firms_in}")
    expect([x["value"] for x in out["records"]["direct"]] == [1000], "drill-down of the direct side")
    sales = items["sales"]
    expect(sales["within_tolerance"] is True and abs(sales["difference"]) < 1e-9, f"sales agree: {sales}")
    tax = items["tax"]
    expect(tax["sources"]["direct"] is None and tax["within_tolerance"] is False, f"one-sided tax: {tax}")
    fai = items["fai"]
    expect(fai["sources"] == {"direct": 300, "projects": None} and fai["within_tolerance"], f"fai: {fai}")
    expect(body["differences"] >= 2 and body["unexplained"] == body["differences"], f"counts: {body}")
    # An explanation, audited.
    url = f"/api/v1/parks/{park}/reconciliation/explanations"
    r = admin.put(url, {"period": "2023-06", "indicator": "output", "text": "园区直报含一家未报表企业"})
    expect(r.status == 200 and r.json()["explanation"]["text"].startswith("园区直报"), f"explain: {r.status}")
    body = admin.get(f"/api/v1/parks/{park}/reconciliation?period=2023-06").json()
    expect(body["unexplained"] == body["differences"] - 1, "one explained")
    audit = admin.get("/api/v1/audit?entity=reconciliation_note").json()["items"]
    expect(any(a["entity_id"] == "2023-06/output" and a["park_id"] == park for a in audit), f"audit: {audit[:1]}")
    for bad, field in [({"period": "2023-06", "indicator": "output", "text": ""}, "text"),
                       ({"period": "2023-06", "indicator": "nope", "text": "x"}, "indicator"),
                       ({"period": "2023-13", "indicator": "output", "text": "x"}, "period")]:
        r = admin.put(url, bad)
        expect(r.status == 422 and field in [d["field"] for d in r.json()["error"]["details"]], f"{bad}: {r.status}")
    expect(api.as_user("leader").put(url, {"period": "2023-06", "indicator": "output", "text": "x"}).status in (403, 404),
           "leader cannot explain")


def test_reconciliation_refusals(api):
    admin = api.as_user("admin")
    park = admin.post("/api/v1/parks", {"name": f"对账拒绝园区{time.time_ns() % 10**9}"}).json()["id"]
    url = f"/api/v1/parks/{park}/reconciliation?period=2023-06"
    expect(api.as_user("parkadmin").get(url).status == 404, "a park outside the scope is 404")
    expect(api.as_user("gxj").get(url).status == 404, "department of other parks 404")
    expect(api.as_user("qiye").get(url).status == 403, "enterprise 403")
    expect(admin.get(f"/api/v1/parks/{park}/reconciliation").status == 422, "period required")
    expect(admin.get(f"/api/v1/parks/{park}/reconciliation?period=2999-01").status == 422, "future month")
    empty = admin.get(url).json()
    expect(all(i["within_tolerance"] for i in empty["items"]), f"an empty park has nothing to reconcile: {empty}")


def test_demo_park_reconciles_monitoring_with_reports(api):
    parks = api.as_user("leader").get("/api/v1/parks").json()["items"]
    park = [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]
    r = api.as_user("leader").get(f"/api/v1/parks/{park}/reconciliation?period=2023-06")
    expect(r.status == 200, f"leader reads: {r.status}")
    codes = {i["indicator"] for i in r.json()["items"]}
    expect({"output", "fai", "new_above_scale", "new_enterprises"} <= codes, f"pairs: {codes}")
