"""Per-park configuration of the enterprises module (issue 5): the report field list, the filing
deadline day, the cultivation pool rules, the leading-group mapping, and disposal updates. Each
test restores the park's configuration at its end (the server is shared by all API tests)."""
import datetime

from test_enterprises import expect, new_uscc, park_ids

REFUSED_WRITERS = (("qiye", 403), ("gxj", 403), ("leader", 403))


def other_park(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/parks", {"name": "配置测试外园（测试）"})
    expect(r.status == 201, f"other park: {r.status} {r.body[:200]!r}")
    return r.json()["id"]


def details(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def audited(api, entity, entity_id=None):
    items = api.as_user("admin").get("/api/v1/audit?page_size=200").json()["items"]
    return any(a["entity"] == entity and (entity_id is None or str(a.get("entity_id")) == str(entity_id))
               for a in items)


def test_report_fields_configuration(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/report-fields"
    r = pa.get(url)
    expect(r.status == 200, f"get fields: {r.status} {r.body[:200]!r}")
    defaults = r.json()["items"]
    codes = [f["code"] for f in defaults]
    for c in ("output", "revenue", "value_added", "tax", "profit", "energy", "electricity", "employees", "rnd",
              "emissions"):
        expect(c in codes, f"default field {c}")
    # Everyone in the park may read the list (the enterprise user fills the form with it).
    for who in ("qiye", "gxj", "leader"):
        expect(api.as_user(who).get(url).status == 200, f"{who} reads the field list")
    # 422: bad code, empty name, duplicate, empty list, not a list.
    r = pa.put(url, {"fields": [{"code": "Bad Code", "name": "x"}] + defaults})
    expect(r.status == 422 and "fields[0].code" in details(r), f"bad code: {r.status} {r.body[:300]!r}")
    r = pa.put(url, {"fields": defaults + [{"code": "water", "name": ""}]})
    expect(r.status == 422 and f"fields[{len(defaults)}].name" in details(r), f"empty name: {r.body[:300]!r}")
    r = pa.put(url, {"fields": defaults + [defaults[0]]})
    expect(r.status == 422 and f"fields[{len(defaults)}].code" in details(r), f"duplicate: {r.body[:300]!r}")
    r = pa.put(url, {"fields": []})
    expect(r.status == 422 and "fields" in details(r), f"empty list: {r.status}")
    r = pa.put(url, {"fields": "x"})
    expect(r.status == 422 and "fields" in details(r), f"not a list: {r.status}")
    # Refusals: enterprise user, department, leader 403; another park 404.
    for who, code in REFUSED_WRITERS:
        r = api.as_user(who).put(url, {"fields": defaults})
        expect(r.status == code, f"{who} writing fields: {r.status}")
    op = other_park(api)
    expect(pa.get(f"/api/v1/parks/{op}/report-fields").status == 404, "other park GET 404")
    expect(pa.put(f"/api/v1/parks/{op}/report-fields", {"fields": defaults}).status == 404, "other park PUT 404")

    # Adding a field works at once: the report form and saving accept it.
    water = {"code": "water", "name": "用水量", "unit": "万吨", "required": False, "non_negative": False}
    r = pa.put(url, {"fields": defaults + [water]})
    expect(r.status == 200 and r.json()["total"] == len(defaults) + 1, f"add field: {r.status} {r.body[:300]!r}")
    expect(audited(api, "setting", "enterprise.report_fields"), "field list change audited")
    e = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "字段配置测试企业（演示）", "park_id": top,
                                        "industry_code": "3011"})
    expect(e.status == 201, f"enterprise: {e.status} {e.body[:200]!r}")
    eid = e.json()["id"]
    base = f"/api/v1/enterprises/{eid}/reports/2023-03"
    vals = {"output": 100, "revenue": 90, "value_added": 20, "tax": 3, "profit": 5, "energy": 2, "electricity": 8,
            "employees": 40, "water": 7}
    r = pa.put(base, {"values": vals, "explanations": {"water": "新增用水计量"}})
    expect(r.status == 200, f"save with the new field: {r.status} {r.body[:300]!r}")
    v = r.json()
    expect("water" in [f["code"] for f in v["fields"]] and v["values"]["water"] == 7, f"view shows water: {v['values']}")
    # Removing a field with stored values is allowed: the values are kept but hidden.
    r = pa.put(url, {"fields": defaults})
    expect(r.status == 200, f"remove field: {r.status} {r.body[:300]!r}")
    v = pa.get(base).json()
    expect("water" not in v["values"] and "water" not in [f["code"] for f in v["fields"]], f"hidden: {v['values']}")
    expect(pa.put(base, {"values": vals}).status == 422, "a removed field is unknown when saving")
    r = pa.put(base, {"values": {k: x for k, x in vals.items() if k != "water"}})
    expect(r.status == 200 and r.json()["check"]["can_submit"], f"save without it: {r.status} {r.body[:300]!r}")
    expect(pa.get(f"/api/v1/report-fields?park_id={top}").json()["total"] == len(defaults), "form list by park")
    r = pa.put(url, {"fields": defaults + [water]})
    v = pa.get(base).json()
    expect(v["values"].get("water") == 7 and v["explanations"].get("water"), f"kept values come back: {v['values']}")
    # A field used by the park's stored rules cannot be removed until the rules are changed.
    rules_url = f"/api/v1/parks/{top}/report-rules"
    rules = pa.get(rules_url).json()["items"]
    extra = rules + [{"code": "water_ge_0", "name": "用水量非负", "left": "water", "op": ">=", "right": "0",
                      "severity": "error", "message": "用水量不能为负数", "field": "water"}]
    expect(pa.put(rules_url, {"rules": extra}).status == 200, "rule on water")
    r = pa.put(url, {"fields": defaults})
    expect(r.status == 422 and "fields" in details(r), f"field used by a rule: {r.status} {r.body[:300]!r}")
    expect(pa.put(rules_url, {"rules": rules}).status == 200, "restore rules")
    expect(pa.put(url, {"fields": defaults}).status == 200, "restore fields")


def test_report_deadline_setting(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/report-settings"
    r = pa.get(url)
    expect(r.status == 200 and 1 <= r.json()["deadline_day"] <= 31, f"get: {r.status} {r.body[:200]!r}")
    original = r.json()["deadline_day"]
    for bad in (0, 29, "x", None):
        r = pa.put(url, {"deadline_day": bad})
        expect(r.status == 422 and "deadline_day" in details(r), f"deadline {bad!r}: {r.status} {r.body[:200]!r}")
    for who, code in REFUSED_WRITERS:
        expect(api.as_user(who).put(url, {"deadline_day": 15}).status == code, f"{who} refused")
    expect(api.as_user("gxj").get(url).status == 200, "department reads")
    expect(api.as_user("qiye").get(url).status == 403, "enterprise users do not read park settings")
    op = other_park(api)
    expect(pa.get(f"/api/v1/parks/{op}/report-settings").status == 404, "other park GET 404")
    expect(pa.put(f"/api/v1/parks/{op}/report-settings", {"deadline_day": 15}).status == 404, "other park PUT 404")
    r = pa.put(url, {"deadline_day": 15})
    expect(r.status == 200 and r.json()["deadline_day"] == 15, f"set 15: {r.status} {r.body[:200]!r}")
    expect(audited(api, "setting", "enterprise.report_deadline_day"), "deadline change audited")
    st = pa.get(f"/api/v1/parks/{top}/reporting-status?period=2023-06").json()
    expect(st["deadline"] == "2023-07-15", f"reporting status uses the day: {st['deadline']}")
    eid = api.as_user("qiye").get("/api/v1/enterprises").json()["items"][0]["id"]
    v = pa.get(f"/api/v1/enterprises/{eid}/reports/2023-06").json()
    expect(v["deadline"] == "2023-07-15", f"report view uses the day: {v['deadline']}")
    expect(pa.put(url, {"deadline_day": original if original <= 28 else 28}).status == 200, "restore")


def test_pool_rules_configuration(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/cultivation/rules"
    r = pa.get(url)
    expect(r.status == 200, f"get: {r.status} {r.body[:200]!r}")
    cfg = r.json()
    expect(cfg["reserve"]["min_ttm_revenue"] == 1500 and cfg["reserve"]["max_ttm_revenue"] == 2000, f"defaults {cfg}")
    expect(cfg["watch"]["ttm_revenue_below"] == 2200 and len(cfg["flag_pools"]) == 3, f"defaults {cfg}")
    # 422s name the fields.
    r = pa.put(url, {**cfg, "reserve": {**cfg["reserve"], "max_ttm_revenue": 1000}})
    expect(r.status == 422 and "reserve.max_ttm_revenue" in details(r), f"max < min: {r.status} {r.body[:300]!r}")
    r = pa.put(url, {**cfg, "watch": {**cfg["watch"], "falling_months": 0}})
    expect(r.status == 422 and "watch.falling_months" in details(r), f"falling months: {r.body[:300]!r}")
    pools = [dict(p) for p in cfg["flag_pools"]]
    pools[1]["code"] = pools[0]["code"]
    r = pa.put(url, {**cfg, "flag_pools": pools})
    expect(r.status == 422 and "flag_pools[1].code" in details(r), f"duplicate pool: {r.body[:300]!r}")
    pools[1]["code"] = cfg["flag_pools"][1]["code"]
    pools[2]["name"] = ""
    pools[2]["cycle_months"] = 0
    r = pa.put(url, {**cfg, "flag_pools": pools})
    expect(r.status == 422 and "flag_pools[2].name" in details(r), f"flag pool name: {r.body[:300]!r}")
    pools[2]["name"] = "x"
    r = pa.put(url, {**cfg, "flag_pools": pools})
    expect(r.status == 422 and "flag_pools[2].cycle_months" in details(r), f"cycle: {r.body[:300]!r}")
    r = pa.put(url, {**cfg, "flag_pools": [{**cfg["flag_pools"][0], "code": "reserve"}]})
    expect(r.status == 422 and "flag_pools[0].code" in details(r), "built-in pool code")
    r = pa.put(url, {"reserve": "x"})
    expect(r.status == 422 and "reserve" in details(r), f"bad body: {r.status}")
    for who, code in REFUSED_WRITERS:
        expect(api.as_user(who).put(url, cfg).status == code, f"{who} refused")
    expect(api.as_user("qiye").get(url).status == 403, "enterprise users do not read pool rules")
    op = other_park(api)
    expect(pa.get(f"/api/v1/parks/{op}/cultivation/rules").status == 404, "other park GET 404")
    expect(pa.put(f"/api/v1/parks/{op}/cultivation/rules", cfg).status == 404, "other park PUT 404")
    # The rules drive GET cultivation: an impossible reserve range empties the candidates, a
    # renamed flag pool shows its new name, a new pool appears.
    before = {p["code"]: p for p in pa.get(f"/api/v1/parks/{top}/cultivation").json()["pools"]}
    expect(before["reserve"]["candidates"], "demo reserve candidates before")
    changed = {**cfg, "reserve": {**cfg["reserve"], "min_ttm_revenue": 900000, "max_ttm_revenue": 1000000},
               "flag_pools": [{**cfg["flag_pools"][0], "name": "专精特新培育库（调整）"},
                              *cfg["flag_pools"][1:],
                              {"code": "green", "name": "绿色工厂培育库", "any_of_flags": ["water_saving"],
                               "target_flag": "green_factory", "cycle_months": 12}]}
    r = pa.put(url, changed)
    expect(r.status == 200 and r.json()["reserve"]["min_ttm_revenue"] == 900000, f"put: {r.status} {r.body[:300]!r}")
    expect(audited(api, "setting", "enterprise.pools_config"), "pool rule change audited")
    after = {p["code"]: p for p in pa.get(f"/api/v1/parks/{top}/cultivation").json()["pools"]}
    expect(not after["reserve"]["candidates"], "no reserve candidates in the impossible range")
    expect(after[cfg["flag_pools"][0]["code"]]["name"] == "专精特新培育库（调整）", "renamed pool")
    expect("green" in after, "new flag pool listed")
    expect(pa.put(url, cfg).status == 200, "restore")


def test_leading_group_mapping_configuration(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/leading-group-mapping"
    r = pa.get(url)
    expect(r.status == 200, f"get: {r.status} {r.body[:200]!r}")
    rules = [{"code_prefix": x["code_prefix"], "group": x["group"]} for x in r.json()["items"]]
    expect({"code_prefix": "44", "group": "power"} in rules, f"default mapping: {rules}")
    n = len(rules)
    r = pa.put(url, {"rules": rules + [{"code_prefix": "9", "group": "power"}]})
    expect(r.status == 422 and f"rules[{n}].code_prefix" in details(r), f"short prefix: {r.body[:300]!r}")
    r = pa.put(url, {"rules": rules + [rules[0]]})
    expect(r.status == 422 and f"rules[{n}].code_prefix" in details(r), f"twice: {r.body[:300]!r}")
    r = pa.put(url, {"rules": rules + [{"code_prefix": "3011", "group": "bogus"}]})
    expect(r.status == 422 and f"rules[{n}].group" in details(r), f"bad group: {r.body[:300]!r}")
    r = pa.put(url, {"rules": rules + [{"code_prefix": "9999", "group": "power"}]})
    expect(r.status == 422 and f"rules[{n}].code_prefix" in details(r), f"unknown code: {r.body[:300]!r}")
    for who, code in REFUSED_WRITERS:
        expect(api.as_user(who).put(url, {"rules": rules}).status == code, f"{who} refused")
    op = other_park(api)
    expect(pa.get(f"/api/v1/parks/{op}/leading-group-mapping").status == 404, "other park GET 404")
    expect(pa.put(f"/api/v1/parks/{op}/leading-group-mapping", {"rules": rules}).status == 404, "other park PUT 404")
    # 3011 (水泥制造) is building materials by default; map it to power for this park.
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "映射前企业（演示）", "park_id": top,
                                        "industry_code": "3011"})
    expect(r.status == 201 and r.json()["leading_group"] == "building_materials", f"default: {r.body[:200]!r}")
    r = pa.put(url, {"rules": rules + [{"code_prefix": "3011", "group": "power"}]})
    expect(r.status == 200 and r.json()["total"] == n + 1, f"put: {r.status} {r.body[:300]!r}")
    expect(audited(api, "setting", "enterprise.leading_group_mapping"), "mapping change audited")
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "映射后企业（演示）", "park_id": top,
                                        "industry_code": "3011"})
    expect(r.status == 201 and r.json()["leading_group"] == "power", f"mapped: {r.body[:200]!r}")
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "手工主导产业（演示）", "park_id": top,
                                        "industry_code": "3011", "leading_group": "metallurgy",
                                        "leading_group_manual": True})
    expect(r.status == 201 and r.json()["leading_group"] == "metallurgy", f"manual wins: {r.body[:200]!r}")
    expect(pa.put(url, {"rules": rules}).status == 200, "restore")


def test_disposal_patch(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    z = pa.get(f"/api/v1/parks/{top}/zombies").json()["items"]
    expect(z, "demo zombie candidates")
    r = pa.post(f"/api/v1/enterprises/{z[0]['enterprise_id']}/disposals",
                {"measure": "兼并重组", "responsible_unit": "工信局", "due": "2024-06-30"})
    expect(r.status == 201, f"create: {r.status}")
    did = r.json()["id"]
    url = f"/api/v1/disposals/{did}"
    r = pa.patch(url, {"status": "in_progress", "measure": "破产清算", "responsible_unit": "园区管委会",
                       "due": "2024-12-31", "reason": "x"})
    expect(r.status == 200, f"patch: {r.status} {r.body[:300]!r}")
    d = r.json()
    expect(d["status"] == "in_progress" and d["measure"] == "破产清算" and d["responsible_unit"] == "园区管委会"
           and d["due"] == "2024-12-31", f"patched: {d}")
    expect(audited(api, "zombie_disposal", did), "disposal update audited")
    # 422: done needs completed_on, blank measure, bad status, bad date.
    r = pa.patch(url, {"status": "done"})
    expect(r.status == 422 and "completed_on" in details(r), f"done without date: {r.body[:300]!r}")
    r = pa.patch(url, {"measure": " "})
    expect(r.status == 422 and "measure" in details(r), f"blank measure: {r.body[:300]!r}")
    r = pa.patch(url, {"status": "finished"})
    expect(r.status == 422 and "status" in details(r), f"bad status: {r.body[:300]!r}")
    r = pa.patch(url, {"due": "2024-13-01"})
    expect(r.status == 422 and "due" in details(r), f"bad date: {r.body[:300]!r}")
    r = pa.patch(url, {"status": "done", "completed_on": "2024-11-30"})
    expect(r.status == 200 and r.json()["status"] == "done", f"done: {r.body[:300]!r}")
    rows = pa.get(f"/api/v1/parks/{top}/zombies").json()["items"]
    ds = [x for row in rows for x in row["disposals"] if x["id"] == did]
    expect(ds and ds[0]["status"] == "done" and ds[0]["completed_on"] == "2024-11-30", f"listed: {ds}")
    for who, code in REFUSED_WRITERS:
        expect(api.as_user(who).patch(url, {"status": "cancelled"}).status == code, f"{who} refused")
    expect(pa.patch("/api/v1/disposals/99999999", {"status": "cancelled"}).status == 404, "unknown 404")
    # Another park's disposal is 404 for this park admin.
    admin = api.as_user("admin")
    op = other_park(api)
    e = admin.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "外园处置企业（演示）", "park_id": op,
                                           "industry_code": "3011"})
    expect(e.status == 201, f"other enterprise: {e.status}")
    r = admin.post(f"/api/v1/enterprises/{e.json()['id']}/disposals",
                   {"measure": "关停", "responsible_unit": "应急局", "due": "2025-01-31"})
    expect(r.status == 201, f"other disposal: {r.status} {r.body[:200]!r}")
    expect(pa.patch(f"/api/v1/disposals/{r.json()['id']}", {"status": "cancelled"}).status == 404, "other park 404")
