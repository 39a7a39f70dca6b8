"""资源要素差别化配置 per park (issue 6 leftover): GET/PUT/DELETE /api/v1/parks/{id}/evaluation-policies —
the defaults, saving, the effect on …/evaluations/{year}/policies (list, surcharge, exports), every 422
naming its field, refusals (department/leader/enterprise 403, other park 404, anonymous 401), a sub-park
reading its park's configuration, and the audit rows. Every test leaves the park on its defaults."""

import csv
import io
import json

DEFAULT_RATES = [0.05, 0.10, 0.15]

CUSTOM = {
    "items": [
        {"class": "A", "resource": "land", "measure": "优先保障新增用地（测试）", "rate": None, "unit": ""},
        {"class": "B", "resource": "credit", "measure": "推荐信贷支持（测试）"},
        {"class": "D", "resource": "water", "measure": "超定额累进加价水价（测试）", "rate": 1.5, "unit": "元/吨"},
        {"class": "D", "resource": "electricity", "measure": "差别化电价加价（测试）", "rate": 0.2, "unit": "元/千瓦时"},
    ],
    "surcharge": {"yuan_per_kwh": [0.2, 0.3]},
}

SCHEME = {"groups": [{"code": "above_scale",
                      "indicators": [{"code": "tax_per_mu", "weight": 100, "benchmark": 10, "cap": None}],
                      "classes": {"method": "percentile", "bounds": [20, 60, 95]}}]}
# Five firms by 亩均税收 10, 8, 6, 4, 0.1: ranks 1–5 → A B B C D; 9705 uses 2,000,000 kWh.
INPUTS = [{"enterprise_id": 9700 + i, "enterprise_name": f"政策测试{i}（测试）", "group": "above_scale",
           "land_mu": 10, "tax": tax, "electricity_kwh": 2000000 if i == 5 else 500000}
          for i, tax in ((1, 100), (2, 80), (3, 60), (4, 40), (5, 1))]


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def parks(api):
    items = api.as_user("admin").get("/api/v1/parks").json()["items"]
    top = [p for p in items if p["parent_id"] is None][0]["id"]
    subs = [p["id"] for p in items if p["parent_id"] == top]
    return top, subs


def url(pid):
    return f"/api/v1/parks/{pid}/evaluation-policies"


def fields(r):
    return {d["field"]: d["message"] for d in r.json()["error"]["details"]}


def audit_rows(api, action):
    items = api.as_user("admin").get("/api/v1/audit?page_size=200").json()["items"]
    return [a for a in items if a["entity"] == "setting" and a.get("entity_id") == "evaluation.policies"
            and a["action"] == action]


def reset(api, pid):
    r = api.as_user("admin").delete(url(pid))
    expect(r.status == 200 and r.json()["is_default"], f"reset: {r.status} {r.body[:200]!r}")


def test_eval_policy_config_defaults_save_and_reset(api):
    pid, subs = parks(api)
    pa = api.as_user("parkadmin")
    try:
        got = pa.get(url(pid)).json()
        expect(got["is_default"] and got["park_id"] == pid, f"defaults: {got}")
        expect(got["surcharge"]["yuan_per_kwh"] == DEFAULT_RATES, f"default schedule: {got['surcharge']}")
        expect(len(got["items"]) == 13 and {i["class"] for i in got["items"]} == {"A", "B", "C", "D"},
               "the default list has items for A–D")
        expect(set(got["items"][0]) == {"class", "resource", "measure", "rate", "unit"}, f"item shape: {got['items'][0]}")

        before = len(audit_rows(api, "update"))
        r = pa.put(url(pid), CUSTOM)
        expect(r.status == 200, f"save: {r.status} {r.body[:300]!r}")
        saved = r.json()
        expect(not saved["is_default"] and saved["surcharge"]["yuan_per_kwh"] == [0.2, 0.3], f"saved: {saved}")
        expect([i["measure"] for i in saved["items"]] == [i["measure"] for i in CUSTOM["items"]], "order kept")
        expect(saved["items"][1]["rate"] is None and saved["items"][1]["unit"] == "", "optional fields default")
        expect(saved["items"][2]["rate"] == 1.5, "rate kept")
        rows = audit_rows(api, "update")
        expect(len(rows) == before + 1, f"one audit row per save: {len(rows)} vs {before}")
        expect(any("超定额累进加价水价" in json.dumps(a["after"], ensure_ascii=False) and a["park_id"] == pid
                   for a in rows), "the audit row carries the new value")

        # Everyone who reads the park sees it; a sub-park uses its park's configuration.
        for who in ("leader", "gxj", "qiye"):
            r = api.as_user(who).get(url(pid))
            expect(r.status == 200 and not r.json()["is_default"], f"{who} reads: {r.status}")
        if subs:
            sub = pa.get(url(subs[0])).json()
            expect(sub["park_id"] == subs[0] and sub["config_park_id"] == pid and not sub["is_default"],
                   f"sub-park uses its park's configuration: {sub}")
            expect(sub["surcharge"]["yuan_per_kwh"] == [0.2, 0.3], "sub-park schedule")

        r = pa.delete(url(pid))
        expect(r.status == 200 and r.json()["is_default"], f"restore defaults: {r.status} {r.body[:200]!r}")
        expect(r.json()["surcharge"]["yuan_per_kwh"] == DEFAULT_RATES, "defaults back")
        expect(pa.get(url(pid)).json()["is_default"], "GET shows the defaults again")
        expect(len(audit_rows(api, "delete")) >= 1, "reset audited")
    finally:
        reset(api, pid)


def test_eval_policy_config_applies_to_the_policy_list_and_exports(api):
    pid, _ = parks(api)
    pa = api.as_user("parkadmin")
    for year in (2070, 2071):
        expect(pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/{year}", SCHEME).status == 200, "scheme")
        r = pa.put(f"/api/v1/parks/{pid}/evaluations/{year}/inputs", {"items": INPUTS})
        expect(r.status == 200, f"inputs: {r.status} {r.body[:200]!r}")
        expect(pa.post(f"/api/v1/parks/{pid}/evaluations/{year}/run").status == 200, "run")
    policies = f"/api/v1/parks/{pid}/evaluations/2071/policies"
    try:
        d = {i["enterprise_id"]: i for i in pa.get(policies).json()["items"]}[9705]
        expect(d["class"] == "D" and d["years_in_d"] == 2, f"D two years running: {d}")
        expect(abs(d["surcharge_yuan_per_kwh"] - 0.10) < 1e-12, f"default second-year rate: {d}")
        expect(abs(d["surcharge_amount"] - 20) < 1e-9, "0.10 元/kWh × 2,000,000 kWh = 20 万元")

        expect(pa.put(url(pid), CUSTOM).status == 200, "save")
        got = pa.get(policies).json()
        by_id = {i["enterprise_id"]: i for i in got["items"]}
        d = by_id[9705]
        expect(abs(d["surcharge_yuan_per_kwh"] - 0.3) < 1e-12, f"the park's second-year rate: {d}")
        expect(abs(d["surcharge_amount"] - 60) < 1e-9, f"0.3 × 2,000,000 / 10000 = 60 万元: {d}")
        expect([m["measure"] for m in d["measures"]] == ["超定额累进加价水价（测试）", "差别化电价加价（测试）"],
               f"the park's D measures: {d['measures']}")
        expect([m["measure"] for m in by_id[9701]["measures"]] == ["优先保障新增用地（测试）"], "A measures")
        expect(by_id[9704]["class"] == "C" and by_id[9704]["measures"] == [], "no C items configured")
        expect(len(got["policies"]) == 4 and got["surcharge"]["yuan_per_kwh"] == [0.2, 0.3] and not got["is_default"],
               "the list and schedule the rows were built from")

        r = pa.get(policies + "?format=csv")
        expect(r.status == 200, f"csv: {r.status}")
        text = r.body.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        water = [row for row in rows if "超定额累进加价水价（测试）" in row]
        expect(len(water) == 1 and "用水" in water[0] and "60" in water[0], f"csv row with the park's measure: {water}")
        expect("优先安排新增用地指标，支持技改扩建" not in text, "no default measures in the export")
        r = pa.get(policies + "?format=xlsx")
        expect(r.status == 200 and r.body[:2] == b"PK", "xlsx")
    finally:
        reset(api, pid)
    d = {i["enterprise_id"]: i for i in pa.get(policies).json()["items"]}[9705]
    expect(abs(d["surcharge_yuan_per_kwh"] - 0.10) < 1e-12, "defaults apply again after the reset")


def test_eval_policy_config_422_names_the_field(api):
    pid, _ = parks(api)
    pa = api.as_user("parkadmin")

    def with_item(i, **kw):
        body = {"items": [dict(x) for x in CUSTOM["items"]], "surcharge": dict(CUSTOM["surcharge"])}
        body["items"][i].update(kw)
        return body

    cases = [
        (with_item(3, **{"class": "E"}), "items[3].class"),
        (with_item(1, **{"class": "T"}), "items[1].class"),
        (with_item(0, resource="gas"), "items[0].resource"),
        (with_item(2, measure=""), "items[2].measure"),
        (with_item(2, measure="长" * 201), "items[2].measure"),
        (with_item(1, rate=-0.5), "items[1].rate"),
        (with_item(1, rate="0.5"), "items[1].rate"),
        (with_item(0, unit="单" * 21), "items[0].unit"),
        (with_item(0, measure=12), "items[0].measure"),
        ({"items": [CUSTOM["items"][0]] * 101, "surcharge": {"yuan_per_kwh": [0.1]}}, "items"),
        ({"items": "no", "surcharge": {"yuan_per_kwh": [0.1]}}, "items"),
        ({"surcharge": {"yuan_per_kwh": [0.1]}}, "items"),
        ({"items": []}, "surcharge.yuan_per_kwh"),
        ({"items": [], "surcharge": {"yuan_per_kwh": []}}, "surcharge.yuan_per_kwh"),
        ({"items": [], "surcharge": {"yuan_per_kwh": [0.1] * 11}}, "surcharge.yuan_per_kwh"),
        ({"items": [], "surcharge": {"yuan_per_kwh": [0.1, -0.2]}}, "surcharge.yuan_per_kwh[1]"),
        ({"items": [], "surcharge": {"yuan_per_kwh": [0.3, 0.2]}}, "surcharge.yuan_per_kwh[1]"),
        ({"items": [], "surcharge": {"yuan_per_kwh": [0.1, "x"]}}, "surcharge.yuan_per_kwh[1]"),
    ]
    for body, field in cases:
        r = pa.put(url(pid), body)
        expect(r.status == 422, f"{field}: {r.status} {r.body[:200]!r}")
        f = fields(r)
        expect(field in f and f[field], f"422 names {field}: {f}")
    # Several problems at once, each beside its field.
    body = with_item(0, **{"class": "X", "resource": "gas"})
    body["surcharge"] = {"yuan_per_kwh": [0.2, 0.1]}
    f = fields(pa.put(url(pid), body))
    expect({"items[0].class", "items[0].resource", "surcharge.yuan_per_kwh[1]"} <= set(f), f"all at once: {f}")
    r = pa.put(url(pid), raw_body=b"{not json", headers={"Content-Type": "application/json"})
    expect(r.status == 400, f"malformed JSON: {r.status}")
    expect(pa.get(url(pid)).json()["is_default"], "nothing saved by a refused request")
    # The boundaries themselves are accepted (an empty list, 200 characters, 10 rates).
    ok = {"items": [dict(CUSTOM["items"][0], measure="长" * 200, unit="单" * 20)],
          "surcharge": {"yuan_per_kwh": [0.1] * 10}}
    try:
        expect(pa.put(url(pid), ok).status == 200, "limits inclusive")
        expect(pa.put(url(pid), {"items": [], "surcharge": {"yuan_per_kwh": [0]}}).status == 200, "empty list")
    finally:
        reset(api, pid)


def test_eval_policy_config_refusals(api):
    pid, subs = parks(api)
    for who in ("gxj", "leader", "qiye"):
        u = api.as_user(who)
        r = u.put(url(pid), CUSTOM)
        expect(r.status == 403, f"{who} may not save: {r.status}")
        r = u.delete(url(pid))
        expect(r.status == 403, f"{who} may not reset: {r.status}")
    expect(api.anon().get(url(pid)).status == 401, "anonymous read")
    expect(api.anon().put(url(pid), CUSTOM).status == 401, "anonymous write")
    other = api.as_user("admin").post("/api/v1/parks", {"name": "政策测试外园区（演示）"}).json()["id"]
    pa = api.as_user("parkadmin")
    for method in ("get", "put", "delete"):
        args = (url(other), CUSTOM) if method == "put" else (url(other),)
        r = getattr(pa, method)(*args)
        expect(r.status == 404, f"{method} another park: {r.status}")
    expect(api.as_user("admin").get(url(99999999)).status == 404, "unknown park")
    expect(pa.get(url(pid)).json()["is_default"], "nothing saved by a refusal")
    # The sysadmin may change any park; through a sub-park the park's configuration is written.
    admin = api.as_user("admin")
    try:
        r = admin.put(url(other), CUSTOM)
        expect(r.status == 200 and r.json()["config_park_id"] == other, f"sysadmin saves: {r.status}")
        expect(pa.get(url(pid)).json()["is_default"], "another park's save does not touch this one")
        if subs:
            r = pa.put(url(subs[0]), CUSTOM)
            expect(r.status == 200 and r.json()["config_park_id"] == pid, f"via sub-park: {r.status} {r.body[:200]!r}")
            expect(not pa.get(url(pid)).json()["is_default"], "written to the park")
    finally:
        reset(api, other)
        reset(api, pid)
