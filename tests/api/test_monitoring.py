"""Economic-operation monitoring (issue 3): the contract endpoints, the workflow, refusals, the XLSX."""
import io
import time


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def close(a, b, tol=1e-6):
    return a is not None and b is not None and abs(a - b) <= tol


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]


def new_park(api, name):
    r = api.as_user("admin").post("/api/v1/parks", {"name": f"{name}{time.time_ns() % 10**9}"})
    expect(r.status == 201, f"create park: {r.status} {r.body!r}")
    return r.json()["id"]


def by_code(table):
    return {i["code"]: i for i in table["indicators"]}


def test_demo_park_june_2023_matches_its_monthly_figures(api):
    park = demo_park(api)
    s = api.as_user("leader")
    r = s.get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-06")
    expect(r.status == 200, f"monitoring: {r.status} {r.body[:300]!r}")
    t = r.json()
    expect(t["period"] == "2023-06" and t["time_progress"] == 50.0, f"period/time_progress: {t['period']} {t['time_progress']}")
    expect(t["state"] == "approved" and t["is_demo"] is True, "demo months are approved and labelled demo")
    rows = by_code(t)
    for key in ["code", "name", "unit", "month", "ytd", "ytd_last_year", "yoy_pct", "month_yoy_pct", "target",
                "completion_pct", "gap", "status", "projected_year_end", "required_monthly_avg"]:
        expect(key in rows["fai"], f"row has {key}")
    grid = {y: {i["code"]: i for i in s.get(f"/api/v1/parks/{park['id']}/indicator-values?year={y}").json()["indicators"]}
            for y in (2022, 2023)}
    for code in ("fai", "output", "sales", "value_added", "tax", "energy"):
        this, last = grid[2023][code]["values"], grid[2022][code]["values"]
        ytd, ytd_ly = sum(this[:6]), sum(last[:6])
        row = rows[code]
        expect(close(row["month"], this[5]), f"{code} month")
        expect(close(row["ytd"], ytd, 1e-4), f"{code} ytd {row['ytd']} != {ytd}")
        expect(close(row["ytd_last_year"], ytd_ly, 1e-4), f"{code} ytd_last_year")
        expect(close(row["yoy_pct"], (ytd / ytd_ly - 1) * 100, 1e-6), f"{code} yoy")
        expect(close(row["month_yoy_pct"], (this[5] / last[5] - 1) * 100, 1e-6), f"{code} month yoy")
        expect(close(row["projected_year_end"], ytd * sum(last) / ytd_ly, 1e-4), f"{code} projection (seasonal share)")
    fai = rows["fai"]
    expect(fai["target"] == 31400, "fai target 31400")
    expect(close(fai["completion_pct"], fai["ytd"] / 31400 * 100), "completion")
    expect(close(fai["gap"], fai["completion_pct"] - 50), "gap")
    expect(close(fai["required_monthly_avg"], (31400 - fai["ytd"]) / 6, 1e-6), "required monthly avg")
    expect(fai["status"] in ("green", "yellow", "red"), "fai has a colour")
    expect(rows["tax"]["target"] is None and rows["tax"]["status"] == "none", "no target, no colour")
    emp = rows["employees"]
    expect(emp["ytd"] == grid[2023]["employees"]["values"][5], "stock ytd is the month's level")
    # 2022 is 9-10% below the 2023 fai target and 6-8% below the industry targets.
    for code, target, lo, hi in [("fai", 31400, 9, 10.5), ("output", 157000, 6, 8), ("sales", 155000, 6, 8),
                                 ("value_added", 19000, 6, 8)]:
        total = sum(grid[2022][code]["values"])
        expect(lo <= (1 - total / target) * 100 <= hi, f"{code} 2022 total {total} vs target {target}")


def test_put_month_and_cumulative_values(api):
    pid = new_park(api, "监测填报测试园区")
    admin = api.as_user("admin")
    r = admin.put(f"/api/v1/parks/{pid}/targets/2023", {"fai": {"target": 1200, "growth_pct": 10, "base": 1090.9}})
    expect(r.status == 200, f"targets: {r.status} {r.body!r}")
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-01", "mode": "month", "values": {"fai": 100}})
    expect(r.status == 200, f"put January: {r.status} {r.body!r}")
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values",
                  {"period": "2023-02", "mode": "cumulative", "values": {"fai": 250.5, "employees": 120}})
    expect(r.status == 200, f"put cumulative: {r.status} {r.body!r}")
    grid = {i["code"]: i for i in r.json()["indicators"]}
    expect(close(grid["fai"]["values"][1], 150.5), f"cumulative stored as the month's amount: {grid['fai']['values'][:2]}")
    expect(close(grid["fai"]["cumulative"][1], 250.5), "cumulative shown back")
    expect(r.json()["months"][1]["state"] == "draft", "an entered month is a draft")
    t = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-02").json()
    fai = by_code(t)["fai"]
    expect(close(fai["month"], 150.5) and close(fai["ytd"], 250.5), f"monitoring sees the entry: {fai}")
    expect(close(fai["completion_pct"], 250.5 / 1200 * 100), "completion")
    expect(close(t["time_progress"], 2 / 12 * 100), "time progress of February")
    expect(fai["yoy_pct"] is None and fai["ytd_last_year"] is None, "no last year: yoy null")
    expect(close(fai["projected_year_end"], 250.5 * 12 / 2), "linear projection without last year")
    # Clearing a value with null; the history keeps every change.
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-02", "values": {"employees": None}})
    expect(r.status == 200, f"clear: {r.status}")
    h = admin.get(f"/api/v1/parks/{pid}/indicator-values/history?period=2023-02").json()
    modes = sorted(i["mode"] for i in h["items"])
    expect(h["total"] == 3 and modes == ["cumulative", "cumulative", "delete"], f"history: {h}")
    expect(all(i["username"] == "admin" for i in h["items"]), "history names who")


def test_put_values_422s(api):
    pid = new_park(api, "监测校验测试园区")
    admin = api.as_user("admin")
    url = f"/api/v1/parks/{pid}/indicator-values"

    def fields(body):
        r = admin.put(url, body)
        expect(r.status == 422, f"{body}: expected 422, got {r.status} {r.body[:200]!r}")
        return [d["field"] for d in r.json()["error"]["details"]]

    expect(fields({"period": "2023-06", "values": {"nope": 1}}) == ["values.nope"], "unknown indicator")
    expect(fields({"period": "2023-06", "values": {"fai": -5}}) == ["values.fai"], "negative flow")
    expect(fields({"period": "2023-13", "values": {"fai": 5}}) == ["period"], "malformed period")
    expect(fields({"period": "June", "values": {"fai": 5}}) == ["period"], "malformed period text")
    expect(fields({"period": "2023-06", "mode": "ytd", "values": {"fai": 5}}) == ["mode"], "bad mode")
    expect(fields({"period": "2023-06", "values": {"fai": "many"}}) == ["values.fai"], "non-number")
    expect(fields({"period": "2099-01", "values": {"fai": 5}}) == ["period"], "future month")
    expect(fields({"period": "2023-06", "mode": "cumulative", "values": {"fai": 5}}) == ["values.fai"],
           "cumulative without the earlier months")
    admin.put(url, {"period": "2023-01", "values": {"fai": 100}})
    expect(fields({"period": "2023-02", "mode": "cumulative", "values": {"fai": 90}}) == ["values.fai"],
           "cumulative below the previous month's")
    # A locked (approved) month.
    expect(admin.post(f"/api/v1/parks/{pid}/monitoring/months/2023-01/submit").status == 200, "submit")
    expect(fields({"period": "2023-01", "values": {"fai": 101}}) == ["period"], "submitted month is locked")
    expect(admin.post(f"/api/v1/parks/{pid}/monitoring/months/2023-01/approve").status == 200, "approve")
    expect(fields({"period": "2023-01", "values": {"fai": 101}}) == ["period"], "approved month is locked")
    r = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-1")
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "period", "GET malformed period is 422")
    r = admin.get(f"/api/v1/parks/{pid}/monitoring")
    expect(r.status == 422, "GET without period is 422")
    r = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-01&basis=maybe")
    expect(r.status == 422, "bad basis is 422")
    r = admin.put(url, raw_body="{\"period\":")
    expect(r.status == 400, "malformed JSON is 400")


def test_workflow_unlock_is_audited_and_by_park_admin(api):
    pid = new_park(api, "监测流程测试园区")
    admin = api.as_user("admin")
    base = f"/api/v1/parks/{pid}/monitoring/months/2023-03"
    admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-03", "values": {"output": 500}})
    expect(admin.post(base + "/approve").status == 409, "approve a draft is 409")
    expect(admin.post(base + "/submit").json()["state"] == "submitted", "submitted")
    r = admin.post(base + "/return", {})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "reason", "return needs a reason")
    r = admin.post(base + "/return", {"reason": "产值口径不对"})
    expect(r.status == 200 and r.json()["state"] == "returned", "returned")
    admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-03", "values": {"output": 520}})
    admin.post(base + "/submit")
    r = admin.post(base + "/approve")
    expect(r.status == 200 and r.json()["state"] == "approved" and r.json()["approved_by"] == "admin", "approved")
    t = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-03&basis=approved").json()
    expect(by_code(t)["output"]["month"] == 520, "approved basis includes the approved month")
    expect(admin.post(base + "/unlock", {}).status == 422, "unlock needs a reason")
    expect(api.as_user("leader").post(base + "/unlock", {"reason": "x"}).status == 403, "leader cannot unlock")
    expect(api.as_user("gxj").post(base + "/unlock", {"reason": "x"}).status == 403, "department cannot unlock")
    r = admin.post(base + "/unlock", {"reason": "统计局反馈修正"})
    expect(r.status == 200 and r.json()["state"] == "draft", f"unlocked: {r.status} {r.body!r}")
    t = admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-03&basis=approved").json()
    expect(by_code(t)["output"]["month"] is None, "approved basis leaves out an unlocked month")
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-03", "values": {"output": 530}, "reason": "修正"})
    expect(r.status == 200, "editable after unlock")
    audit = admin.get("/api/v1/audit?page_size=200").json()["items"]
    unlocks = [a for a in audit if a["action"] == "unlock" and a["entity"] == "monitoring_month"]
    expect(unlocks and unlocks[0]["reason"] == "统计局反馈修正", f"unlock audited with its reason: {unlocks[:1]}")
    values = [a for a in audit if a["entity"] == "indicator_value" and a["entity_id"] == f"{pid}/2023-03/output"]
    expect(len(values) >= 3, "every value change audited")


def test_park_admin_of_demo_park_and_refusals(api):
    park = demo_park(api)
    other = new_park(api, "监测他园")
    pa, leader, gxj = api.as_user("parkadmin"), api.as_user("leader"), api.as_user("gxj")
    body = {"period": "2023-05", "values": {"fai": 1}}
    expect(pa.put(f"/api/v1/parks/{other}/indicator-values", body).status == 404, "park admin: other park is 404")
    expect(pa.get(f"/api/v1/parks/{other}/monitoring?period=2023-05").status == 404, "other park monitoring 404")
    expect(pa.put(f"/api/v1/parks/{other}/targets/2023", {"fai": {"target": 1}}).status == 404, "other park targets 404")
    expect(pa.put(f"/api/v1/parks/{park['id']}/indicator-values", body).status == 422, "demo May 2023 is approved (locked)")
    expect(leader.put(f"/api/v1/parks/{park['id']}/indicator-values", body).status == 403, "leader is read-only")
    expect(leader.put(f"/api/v1/parks/{park['id']}/targets/2023", {"fai": {"target": 1}}).status == 403, "leader targets")
    expect(gxj.put(f"/api/v1/parks/{park['id']}/indicator-values", body).status == 403, "department cannot enter")
    expect(gxj.get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-05").status == 200, "department reads")
    expect(api.anon().get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-05").status == 401, "anonymous 401")
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": "mon_ent", "password": "Ent@2023demoX", "role": "enterprise",
                                      "park_id": park["id"], "enterprise_id": 7})
    expect(r.status == 201, f"enterprise user: {r.status} {r.body!r}")
    ent = api.as_user("mon_ent", "Ent@2023demoX")
    expect(ent.get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-05").status == 403, "enterprise cannot read")
    expect(ent.put(f"/api/v1/parks/{park['id']}/indicator-values", body).status == 403, "enterprise cannot enter")
    expect(pa.post("/api/v1/indicators", {"code": "x1", "name_zh": "甲", "name_en": "x", "unit": "个",
                                          "kind": "flow"}).status == 403, "park admin cannot edit the catalog")
    expect(gxj.post(f"/api/v1/parks/{park['id']}/monitoring/months/2023-05/approve").status == 403, "dept approve")


def test_targets_contract(api):
    pid = new_park(api, "监测目标测试园区")
    admin = api.as_user("admin")
    url = f"/api/v1/parks/{pid}/targets/2024"
    r = admin.put(url, {"fai": {"target": 31400, "growth_pct": 10, "base": 28545}, "funds_in_place": {"target": 80000}})
    expect(r.status == 200, f"put: {r.status} {r.body!r}")
    items = {i["code"]: i for i in admin.get(url).json()["items"]}
    expect(items["fai"]["target"] == 31400 and items["fai"]["growth_pct"] == 10 and items["fai"]["base"] == 28545, "fai")
    expect(items["funds_in_place"]["target"] == 80000 and items["funds_in_place"]["name"], "funds_in_place")
    r = admin.put(url, {"nope": {"target": 1}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "nope", "unknown code 422")
    r = admin.put(url, {"fai": {"target": -1}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "fai.target", "negative target 422")
    r = admin.put(url, {"fai": 5})
    expect(r.status == 422, "non-object 422")
    expect(admin.get(f"/api/v1/parks/{pid}/targets/20x4").status == 422, "bad year 422")
    expect(admin.get("/api/v1/parks/999999/targets/2023").status == 404, "unknown park 404")
    audit = admin.get("/api/v1/audit?page_size=50").json()["items"]
    expect(any(a["entity"] == "target" and a["entity_id"] == f"{pid}/2024/fai" for a in audit), "targets audited")


def test_region_is_the_sum_of_its_parks(api):
    park = demo_park(api)
    admin = api.as_user("admin")
    region = park["region_id"]
    r = admin.get(f"/api/v1/regions/{region}/monitoring?period=2023-06")
    expect(r.status == 200, f"region: {r.status} {r.body[:200]!r}")
    t = r.json()
    expect(park["id"] in t["park_ids"], "the demo park is summed")
    total = 0
    for pid in t["park_ids"]:
        ytd = by_code(admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-06").json())["output"]["ytd"]
        total += ytd or 0
    expect(close(by_code(t)["output"]["ytd"], total, 1e-4), "region output ytd = sum of parks")
    # The province above it sums the same parks.
    regions = admin.get("/api/v1/regions").json()["items"]
    top = [x for x in regions if x["parent_id"] is None][0]
    t2 = admin.get(f"/api/v1/regions/{top['id']}/monitoring?period=2023-06").json()
    expect(set(t["park_ids"]) <= set(t2["park_ids"]), "the province holds the county's parks")
    province_total = 0
    for pid in t2["park_ids"]:  # the demo's city has comparison parks too (issue 13)
        ytd = by_code(admin.get(f"/api/v1/parks/{pid}/monitoring?period=2023-06").json())["output"]["ytd"]
        province_total += ytd or 0
    expect(close(by_code(t2)["output"]["ytd"], province_total, 1e-4), "a province sums the parks of its cities")
    # A write shows in the region at once (the region result cache is dropped by any write).
    pid = new_park(api, "监测地区测试园区")
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-06", "values": {"output": 1000}})
    expect(r.status == 200, f"put: {r.status}")
    t3 = admin.get(f"/api/v1/regions/{region}/monitoring?period=2023-06").json()
    expect(close(by_code(t3)["output"]["ytd"], total + 1000, 1e-4), "the new park's figure is in the region at once")
    d = admin.get(f"/api/v1/regions/{region}/dashboard?period=2023-06").json()
    expect(len(d["sub_parks"]) == len(t3["park_ids"]) == len(t["park_ids"]) + 1, "region dashboard lists its parks")
    expect(admin.get("/api/v1/regions/999999/monitoring?period=2023-06").status == 404, "unknown region 404")


def test_dashboard_has_series_sub_parks_and_warnings(api):
    park = demo_park(api)
    s = api.as_user("leader")
    latest = s.get(f"/api/v1/parks/{park['id']}/monitoring/latest").json()
    expect(latest["period"] >= "2023-12", f"latest period {latest}")
    d = s.get(f"/api/v1/parks/{park['id']}/dashboard?period=2023-06").json()
    expect(len(d["sub_parks"]) == 4, "four sub-parks")
    fai = by_code(d)["fai"]
    expect(len(fai["series"]["this_year"]) == 12 and len(fai["series"]["last_year"]) == 12, "series")
    subs_ytd = sum(by_code(sp)["fai"]["ytd"] for sp in d["sub_parks"])
    expect(close(subs_ytd, fai["ytd"], 0.05), f"sub-parks add up to the park: {subs_ytd} vs {fai['ytd']}")
    kinds = {w["kind"] for w in d["warnings"]}
    expect(kinds & {"indicator_red", "indicator_yellow"}, f"demo June 2023 has warnings: {kinds}")
    expect(all(w["responsible_unit"] for w in d["warnings"]), "each warning names its unit")


def test_xlsx_export_reads_back(api):
    import openpyxl
    park = demo_park(api)
    s = api.as_user("leader")
    r = s.get(f"/api/v1/parks/{park['id']}/monitoring.xlsx?period=2023-06")
    expect(r.status == 200, f"xlsx: {r.status}")
    expect(r.headers.get("Content-Type", "").startswith("application/vnd.openxmlformats"), "content type")
    wb = openpyxl.load_workbook(io.BytesIO(r.body))
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    header_at = [i for i, row in enumerate(rows) if row and row[0] == "指标"][0]
    expect(list(rows[header_at]) == ["指标", "单位", "本月", "1-6月累计", "同期", "同比%", "年度目标", "完成率%",
                                     "序时进度%", "状态"], f"headers: {rows[header_at]}")
    expect(ws.freeze_panes == f"A{header_at + 2}", f"frozen header: {ws.freeze_panes}")
    expect(any(row and row[0] and "演示数据" in str(row[0]) for row in rows), "demo data is labelled in the file")
    table = by_code(s.get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-06").json())
    data = {row[0]: row for row in rows[header_at + 1:] if row and row[0]}
    fai = data["固定资产投资"]
    expect(isinstance(fai[3], float) or isinstance(fai[3], int), "numbers are numbers")
    expect(close(fai[2], table["fai"]["month"]) and close(fai[3], table["fai"]["ytd"]), "month and ytd")
    expect(close(fai[4], table["fai"]["ytd_last_year"]) and close(fai[6], 31400), "last year and target")
    expect(close(fai[5], table["fai"]["yoy_pct"]) and close(fai[7], table["fai"]["completion_pct"]), "pcts")
    expect(fai[8] == 50 and fai[9] in ("正常", "预警", "滞后"), f"time progress and status: {fai[8:]}")
    expect(data["从业人员"][1] == "人", "units")
    expect(s.get(f"/api/v1/parks/{park['id']}/monitoring.xlsx?period=bad").status == 422, "bad period 422")


def test_catalog_is_edited_by_sysadmin(api):
    admin = api.as_user("admin")
    items = admin.get("/api/v1/indicators").json()["items"]
    expect([i["code"] for i in items][:4] == ["fai", "output", "sales", "value_added"], "seeded order")
    energy = [i for i in items if i["code"] == "energy"][0]
    expect(energy["higher_is_better"] is False and energy["unit"] == "吨标准煤", "energy is lower-is-better")
    r = admin.post("/api/v1/indicators", {"code": "patents", "name_zh": "专利授权", "name_en": "Patents granted",
                                          "unit": "件", "kind": "flow", "higher_is_better": True, "decimals": 0})
    expect(r.status == 201, f"create: {r.status} {r.body!r}")
    r = admin.post("/api/v1/indicators", {"code": "patents", "name_zh": "专利", "name_en": "P", "unit": "件", "kind": "flow"})
    expect(r.status == 409, "duplicate code 409")
    r = admin.post("/api/v1/indicators", {"code": "Bad Code", "name_zh": "", "name_en": "x", "unit": "件", "kind": "level"})
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect(r.status == 422 and {"kind", "name_zh"} <= fields, f"invalid: {r.status} {fields}")
    r = admin.put("/api/v1/indicators/patents", {"name_zh": "发明专利授权", "name_en": "Invention patents", "unit": "件",
                                                 "kind": "flow", "decimals": 0})
    expect(r.status == 200 and r.json()["name_zh"] == "发明专利授权", "update")
    expect(admin.put("/api/v1/indicators/nope", {"name_zh": "甲", "name_en": "x", "unit": "个", "kind": "flow"}).status == 404,
           "unknown code 404")
    expect(api.as_user("leader").put("/api/v1/indicators/patents", {"name_zh": "甲", "name_en": "x", "unit": "个",
                                                                    "kind": "flow"}).status == 403, "leader 403")


def test_settings_and_sources(api):
    pid = new_park(api, "监测设置测试园区")
    admin = api.as_user("admin")
    url = f"/api/v1/parks/{pid}/monitoring/settings"
    st = admin.get(url).json()
    expect(st["yellow_band"] == 5 and st["deadline_day"] == 10 and st["sources"] == {}, f"defaults: {st}")
    r = admin.put(url, {"yellow_band": 3, "sources": {"fai": "projects", "output": "enterprise_reports"}})
    expect(r.status == 200 and r.json()["sources"]["fai"] == "projects", f"put: {r.status} {r.body!r}")
    grid = admin.get(f"/api/v1/parks/{pid}/indicator-values?year=2023").json()
    expect({i["code"]: i["source"] for i in grid["indicators"]}["fai"] == "projects", "grid shows the source")
    # The projects and enterprise modules are registered as sources: an indicator fed by one refuses
    # direct entry (test_integration.py checks the figures that come through them).
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-01", "values": {"fai": 10}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "values.fai",
           f"direct entry of a sourced indicator: {r.status} {r.body[:200]!r}")
    r = admin.put(f"/api/v1/parks/{pid}/indicator-values", {"period": "2023-01", "values": {"tax": 10}})
    expect(r.status == 200, f"direct entry of the others still works: {r.status}")
    r = admin.put(url, {"sources": {"fai": "magic"}, "deadline_day": 40})
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect(r.status == 422 and fields == {"sources.fai", "deadline_day"}, f"invalid settings: {r.status} {fields}")
    expect(api.as_user("leader").put(url, {"yellow_band": 1}).status == 403, "leader cannot change settings")


def test_import_all_or_nothing(api):
    import openpyxl
    pid = new_park(api, "监测导入测试园区")
    admin = api.as_user("admin")
    url = f"/api/v1/parks/{pid}/indicator-values/import"
    csv = "月份,固定资产投资(万元),output,月报状态\r\n2023-01,100,500,\r\n2023-02,250.5,1200,\r\n"
    r = admin.post(url + "?mode=cumulative", raw_body=csv.encode("utf-8"), headers={"Content-Type": "text/csv"})
    expect(r.status == 200 and r.json() == {"months": 2, "values": 4}, f"csv import: {r.status} {r.body!r}")
    grid = {i["code"]: i for i in admin.get(f"/api/v1/parks/{pid}/indicator-values?year=2023").json()["indicators"]}
    expect(grid["fai"]["values"][:2] == [100, 150.5] and grid["output"]["values"][:2] == [500, 700], f"{grid['fai']['values'][:2]}")
    # One bad cell anywhere: nothing is written, every problem is named by row and column.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["月份", "工业总产值", "税收", "不存在的指标"])
    ws.append(["2023-03", 800, 50, 1])
    ws.append(["2023-04", -1, "abc", None])
    ws.append(["2023-13", 1, 1, None])
    buf = io.BytesIO()
    wb.save(buf)
    r = admin.post(url, raw_body=buf.getvalue(), headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 422, f"bad xlsx: {r.status} {r.body[:300]!r}")
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect({"rows[1].不存在的指标", "rows[3].工业总产值", "rows[3].税收", "rows[4].月份"} <= fields, f"fields: {fields}")
    g = admin.get(f"/api/v1/parks/{pid}/indicator-values?year=2023").json()
    expect(g["months"][2]["state"] == "not_started", "nothing written (all or nothing)")
    # A good XLSX.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["月份", "工业总产值", "税收"])
    ws.append(["2023-03", 800, 50])
    buf = io.BytesIO()
    wb.save(buf)
    r = admin.post(url, raw_body=buf.getvalue(), headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 200 and r.json()["months"] == 1, f"xlsx import: {r.status} {r.body!r}")
    # Locked months refuse an import; a leader may not import.
    admin.post(f"/api/v1/parks/{pid}/monitoring/months/2023-03/submit")
    r = admin.post(url, raw_body=buf.getvalue(), headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 200 and r.json()["values"] == 0, "unchanged figures of a locked month are not a change")
    ws.append(["2023-03", 900, 50])
    buf = io.BytesIO()
    wb.save(buf)
    r = admin.post(url, raw_body=buf.getvalue(), headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 422, f"locked month / duplicate: {r.status}")
    expect(api.as_user("leader").post(url, raw_body=csv.encode()).status == 403, "leader cannot import")
