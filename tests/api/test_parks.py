"""Parks compared (issue 13 items 1 and 2): the region's park evaluation (contract, scores that add
up, figures traced to each park's own monitoring and parcels, recomputed after a change) and the
chemical-park recognition ledger (contract, progress counts, writes with audit), with every refusal."""
import json
import time


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def close(a, b, tol=0.05):
    return a is not None and b is not None and abs(a - b) <= tol


def parks_by_name(api):
    return {p["name"]: p for p in api.as_user("admin").get("/api/v1/parks").json()["items"]}


def city_of_demo(api):
    """平凉市: the region above the Huating park's county."""
    admin = api.as_user("admin")
    huating = parks_by_name(api)["华亭工业园区"]
    regions = {r["id"]: r for r in admin.get("/api/v1/regions").json()["items"]}
    return regions[huating["region_id"]]["parent_id"], huating["id"]


def new_park_admin(api, region_id, label):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/parks", {"name": f"{label}{time.time_ns() % 10**9}", "region_id": region_id})
    expect(r.status == 201, f"create park: {r.status} {r.body[:200]!r}")
    park = r.json()["id"]
    name = f"pk_{park}"
    r = admin.post("/api/v1/users", {"username": name, "password": "Parks@2023test", "role": "park_admin",
                                     "park_id": park})
    expect(r.status == 201, f"create user: {r.status} {r.body[:200]!r}")
    return park, api.as_user(name, "Parks@2023test")


def test_region_ranking_contract_and_traceable_figures(api):
    city, huating = city_of_demo(api)
    leader = api.as_user("pingliang", "City@2023demo")  # the demo's city leader (read-only, every park)
    r = leader.get(f"/api/v1/regions/{city}/park-evaluation/2024?scheme=plan8")
    expect(r.status == 200, f"evaluation: {r.status} {r.body[:300]!r}")
    body = r.json()
    parks = body["parks"]
    expect(len(parks) >= 4, f"the demo region has several parks: {len(parks)}")
    names = {p["park_id"]: p["park_name"] for p in parks}
    expect(huating in names and sum("（演示）" in n for n in names.values()) >= 3, f"demo parks labelled: {names}")
    cats = body["scheme"]["categories"]
    expect(cats == ["开发程度", "产业集聚度", "技术创新能力", "单位土地产出率", "带动就业能力", "经济效益", "低碳发展",
                    "债务风险"], f"the plan's eight aspects: {cats}")
    weights = sum(i["weight"] for i in body["scheme"]["indicators"])
    expect(abs(weights - 100) < 1e-9, f"weights add to 100: {weights}")
    ranks = [p["rank"] for p in parks]
    expect(ranks == sorted(ranks) and ranks[0] == 1, f"ordered by rank: {ranks}")
    for p in parks:
        for key in ["park_id", "score", "rank", "categories", "indicators"]:
            expect(key in p, f"contract field {key}")
        expect(set(p["categories"]) == set(cats), "every category scored")
        expect(close(sum(p["categories"].values()), p["score"]), f"categories add up: {p}")
        expect(close(sum(i["score"] for i in p["indicators"].values()), p["score"]), "indicators add up")
        expect(len(p["lost"]) <= 3 and all(x["points"] > 0 for x in p["lost"]), f"lost points: {p['lost']}")
    demo = [p for p in parks if p["is_demo"]]  # other tests add parks of their own to the region
    expect(len(demo) >= 4, f"the demo parks: {len(demo)}")
    for p in demo:
        expect(p["previous_score"] is not None and close(p["change"], p["score"] - p["previous_score"]), "yoy change")
        expect(all(i["value"] is not None for i in p["indicators"].values()), f"no missing data in demo: {p}")
    # Each park's figures are its own monitoring's year total over its own developed land.
    for p in demo:
        mon = leader.get(f"/api/v1/parks/{p['park_id']}/monitoring?period=2024-12").json()
        ytd = {i["code"]: i["ytd"] for i in mon["indicators"]}["output"]
        v = p["variables"]
        expect(close(v["output"], ytd, 0.5), f"output = monitoring ytd: {v['output']} vs {ytd}")
        parcels = leader.get(f"/api/v1/parks/{p['park_id']}/parcels?page_size=500").json()
        expect(parcels["total"] > 0, "the park has parcels")
        expect(close(p["indicators"]["output_per_mu"]["value"], v["output"] / v["developed_mu"], 0.01), "output per mu")
        expect(v["developed_mu"] <= v["land_mu"] + 1e-6, "developed within planned")
    # The national development-zone shape: five categories weighted 30/30/15/15/10.
    n = leader.get(f"/api/v1/regions/{city}/park-evaluation/2024?scheme=national5").json()
    by_cat = {}
    for i in n["scheme"]["indicators"]:
        by_cat[i["category"]] = by_cat.get(i["category"], 0) + i["weight"]
    expect(by_cat == {"对外开放": 30, "发展质量": 30, "科技创新": 15, "绿色发展": 15, "统筹协调": 10}, f"{by_cat}")
    schemes = leader.get("/api/v1/park-evaluation-schemes").json()
    expect({s["code"] for s in schemes["items"]} == {"plan8", "national5"}, "two schemes shipped")
    x = leader.get(f"/api/v1/regions/{city}/park-evaluation/2024/export?scheme=plan8")
    expect(x.status == 200 and x.body[:2] == b"PK" and "spreadsheetml" in x.headers.get("Content-Type", ""),
           f"ranking XLSX: {x.status}")


def test_region_ranking_changes_after_a_parks_data_changes(api):
    admin = api.as_user("admin")
    county = parks_by_name(api)["华亭工业园区"]["region_id"]
    a = admin.post("/api/v1/parks", {"name": f"排名测试甲{time.time_ns() % 10**9}", "region_id": county}).json()["id"]
    b = admin.post("/api/v1/parks", {"name": f"排名测试乙{time.time_ns() % 10**9}", "region_id": county}).json()["id"]
    year = 2012  # the two new parks have no other data: they differ only in what is entered here
    url = f"/api/v1/regions/{county}/park-evaluation/{year}?scheme=plan8"

    def put(park, value):
        r = admin.put(f"/api/v1/parks/{park}/park-evaluation-entries/{year}",
                      {"entries": [{"code": "debt_ratio", "value": value, "evidence": "审计报告（测试）"}]})
        expect(r.status == 200, f"put: {r.status} {r.body[:200]!r}")

    def of(park):
        return [p for p in admin.get(url).json()["parks"] if p["park_id"] == park][0]

    put(a, 30)
    put(b, 120)
    # 比值法, lower is better, benchmark 60, weight 12: 30 → 12; 120 → 12 × 60 / 120 = 6.
    expect(of(a)["indicators"]["debt_ratio"]["score"] == 12 and of(b)["indicators"]["debt_ratio"]["score"] == 6,
           "hand-checked ratio scores")
    expect(close(of(a)["score"] - of(b)["score"], 6, 1e-9), "the parks differ by the debt ratio points only")
    expect(of(a)["rank"] < of(b)["rank"], "甲 ahead")
    put(a, 240)  # 12 × 60 / 240 = 3
    expect(of(a)["indicators"]["debt_ratio"]["score"] == 3, "recomputed at once")
    expect(of(a)["rank"] > of(b)["rank"], "the ranking changed")
    audit = admin.get("/api/v1/audit?page_size=50").json()["items"]
    expect(any(a_["entity"] == "park_eval_entries" and a_["park_id"] == a and "240" in json.dumps(a_["after"]) for a_ in audit),
           "entry audited")
    entries = {e["code"]: e for e in admin.get(f"/api/v1/parks/{a}/park-evaluation-entries/{year}").json()["items"]}
    expect(entries["debt_ratio"]["value"] == 240 and entries["debt_ratio"]["evidence"] == "审计报告（测试）", "stored")


def test_evaluation_refusals_and_bad_input(api):
    city, huating = city_of_demo(api)
    other = parks_by_name(api)["平凉工业园区（演示）"]["id"]
    url = f"/api/v1/regions/{city}/park-evaluation/2024"
    expect(api.anon().get(url).status == 401, "anonymous 401")
    expect(api.as_user("qiye").get(url).status == 403, "enterprise users do not see the region ranking")
    admin = api.as_user("admin")
    expect(admin.get("/api/v1/regions/999999/park-evaluation/2024").status == 404, "unknown region 404")
    expect(admin.get(url + "?scheme=nope").status == 404, "unknown scheme 404")
    r = admin.get(f"/api/v1/regions/{city}/park-evaluation/20x4")
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "year", "bad year 422")
    # A park's own admin sees only the parks of their scope in the region.
    own = [p["park_id"] for p in api.as_user("parkadmin").get(url).json()["parks"]]
    expect(own == [huating], f"park admin: own park only: {own}")
    own = [p["park_id"] for p in api.as_user("leader").get(url).json()["parks"]]
    expect(own == [huating], f"the park's leader: own park only: {own}")
    expect(api.as_user("pingliang", "City@2023demo").put(f"/api/v1/parks/{huating}/park-evaluation-entries/2024",
                                                         {"entries": []}).status == 403, "city leader read-only: 403")
    province = [r for r in admin.get("/api/v1/regions").json()["items"] if r["parent_id"] is None][0]["id"]
    _, pk = new_park_admin(api, province, "评价范围测试园区")
    expect(pk.get(url).status == 404, "a park admin of a park outside the region: 404")
    entries = f"/api/v1/parks/{other}/park-evaluation-entries/2024"
    body = {"entries": [{"code": "debt_ratio", "value": 10, "evidence": "x"}]}
    expect(api.as_user("parkadmin").put(entries, body).status == 404, "another park's entries: 404")
    expect(api.as_user("parkadmin").get(entries).status == 404, "another park's entries unreadable: 404")
    expect(api.as_user("leader").put(entries, body).status == 403, "leaders read only: 403")
    expect(api.as_user("gxj").put(f"/api/v1/parks/{huating}/park-evaluation-entries/2024", body).status == 403,
           "departments do not enter park values: 403")
    mine = f"/api/v1/parks/{huating}/park-evaluation-entries/2024"
    before = api.as_user("parkadmin").get(mine).json()["items"]
    for bad, field in [({"entries": [{"code": "nope", "value": 1, "evidence": "x"}]}, "entries[0].code"),
                       ({"entries": [{"code": "debt_ratio", "value": -3, "evidence": "x"}]}, "entries[0].value"),
                       ({"entries": [{"code": "debt_ratio", "value": 50, "evidence": ""}]}, "entries[0].evidence"),
                       ({"entries": [{"code": "debt_ratio", "value": "1e999", "evidence": "x"}]}, "entries[0].value"),
                       ({"rows": []}, "entries")]:
        r = api.as_user("parkadmin").put(mine, bad)
        expect(r.status == 422, f"bad input {bad}: {r.status} {r.body[:200]!r}")
        fields = [d["field"] for d in r.json()["error"]["details"]]
        expect(field in fields, f"names {field}: {fields}")
    expect(api.as_user("parkadmin").get(mine).json()["items"] == before, "nothing written")


def _ledger(who, park):
    r = who.get(f"/api/v1/parks/{park}/chemical-park")
    expect(r.status == 200, f"ledger: {r.status} {r.body[:200]!r}")
    return r.json()


def test_chemical_park_ledger_progress_and_writes(api):
    _, huating = city_of_demo(api)
    pa, admin = api.as_user("parkadmin"), api.as_user("admin")
    led = _ledger(api.as_user("gxj"), huating)
    names = [c["name"] for c in led["categories"]]
    expect(names[:6] == ["设立与规划", "选址与布局", "基础设施", "安全管理", "环境保护", "应急管理"], f"six headings: {names}")
    for c in led["categories"]:
        expect(c["total"] == len(c["items"]), "total counts the items")
        expect(c["done"] == sum(1 for i in c["items"] if i["status"] == "met"), "done counts 达标")
    tracked = {i["tracked"] for c in led["categories"] for i in c["items"]}
    expect({"river_setback", "emergency_pool"} <= tracked, "河道退让线 and 事故应急池 are tracked items")
    total, done = led["total"], led["done"]
    item = {"category": "应急管理", "no": 9, "requirement": "配备园区专职消防队（测试）", "units": "应急管理局",
            "deadline": "2025-06-30", "status": "unmet", "evidence": "", "review_years": 5, "last_review": "2024-01-10"}
    r = pa.post(f"/api/v1/parks/{huating}/chemical-park/items", item)
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    created = r.json()
    expect(created["next_review"] == "2029-01-10" and created["status_zh"] == "未达标", f"{created}")
    after = _ledger(pa, huating)
    emergency = [c for c in after["categories"] if c["name"] == "应急管理"][0]
    expect(after["total"] == total + 1 and after["done"] == done, "one more item, none more done")
    item["status"] = "met"
    item["score"] = 8
    r = pa.put(f"/api/v1/chemical-park-items/{created['id']}", item)
    expect(r.status == 200 and r.json()["status"] == "met", f"update: {r.status} {r.body[:200]!r}")
    after2 = _ledger(pa, huating)
    emergency2 = [c for c in after2["categories"] if c["name"] == "应急管理"][0]
    expect(after2["done"] == done + 1 and emergency2["done"] == emergency["done"] + 1, "progress counts the change")
    audit = admin.get("/api/v1/audit?page_size=50").json()["items"]
    acts = {a["action"] for a in audit if a["entity"] == "chem_item" and a["entity_id"] == str(created["id"])}
    expect({"create", "update"} <= acts, f"audited: {acts}")
    # Bad input: 422 naming the field, nothing written.
    for bad, field in [(dict(item, status="done"), "status"), (dict(item, review_years=4), "review_years"),
                       (dict(item, category="其他"), "category"), (dict(item, requirement=""), "requirement"),
                       (dict(item, score=101), "score"), (dict(item, deadline="2025-13-40"), "deadline")]:
        r = pa.post(f"/api/v1/parks/{huating}/chemical-park/items", bad)
        expect(r.status == 422, f"{field}: {r.status} {r.body[:200]!r}")
        expect(field in [d["field"] for d in r.json()["error"]["details"]], f"names {field}")
    expect(_ledger(pa, huating)["total"] == total + 1, "nothing written by bad input")
    # Refusals.
    _, other_admin = new_park_admin(api, parks_by_name(api)["华亭工业园区"]["region_id"], "台账范围测试园区")
    expect(other_admin.get(f"/api/v1/parks/{huating}/chemical-park").status == 404, "another park's ledger: 404")
    expect(other_admin.put(f"/api/v1/chemical-park-items/{created['id']}", item).status == 404, "another park's item: 404")
    expect(other_admin.delete(f"/api/v1/chemical-park-items/{created['id']}").status == 404, "delete elsewhere: 404")
    expect(api.as_user("leader").post(f"/api/v1/parks/{huating}/chemical-park/items", item).status == 403, "leader 403")
    expect(api.as_user("gxj").put(f"/api/v1/chemical-park-items/{created['id']}", item).status == 403, "department 403")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{huating}/chemical-park").status == 403, "enterprise 403")
    expect(api.anon().get(f"/api/v1/parks/{huating}/chemical-park").status == 401, "anonymous 401")
    x = pa.get(f"/api/v1/parks/{huating}/chemical-park/export")
    expect(x.status == 200 and x.body[:2] == b"PK", f"ledger XLSX: {x.status}")
    expect(pa.delete(f"/api/v1/chemical-park-items/{created['id']}").status == 204, "delete")
    expect(_ledger(pa, huating)["total"] == total, "deleted")
