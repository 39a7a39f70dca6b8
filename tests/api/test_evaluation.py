"""亩均效益评价 (issue 6, evaluation half): the contract endpoints, a hand-checked fixture through the
API, 422s, refusals (wrong role, other park, other enterprise, read-only leader), 公示 and appeals,
what-if, migration, policy exports and per-mu figures. Each test uses its own years."""


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


# The hand-checked fixture (docs/evaluation.md): 规上 only, 亩均税收 weight 60 benchmark 10 cap 90,
# 亩均增加值 weight 40 benchmark 20; percentile 20/60/95.
SCHEME = {"groups": [{"code": "above_scale",
                      "indicators": [{"code": "tax_per_mu", "weight": 60, "benchmark": 10, "cap": 90},
                                     {"code": "value_added_per_mu", "weight": 40, "benchmark": 20, "cap": None}],
                      "classes": {"method": "percentile", "bounds": [20, 60, 95]}}]}
INPUTS = [
    # 10 → 60; 40 → 80: 140, rank 1 of 5 (20% ≤ 20%) → A
    {"enterprise_id": 9001, "enterprise_name": "甲（测试）", "group": "above_scale", "land_mu": 10, "tax": 100,
     "value_added": 400},
    # 20 → 120 capped at 90; 20 → 40: 130, rank 2 (40%) → B, vetoed → C
    {"enterprise_id": 9002, "enterprise_name": "乙（测试）", "group": "above_scale", "land_mu": 10, "tax": 200,
     "value_added": 200, "veto_reason": "重大安全事故"},
    # 5 → 30; 20 → 40: 70, rank 3 (60%: on the bound) → B
    {"enterprise_id": 9003, "group": "above_scale", "land_mu": 20, "tax": 100, "value_added": 400},
    # 70 as well: ties share rank 3 → B
    {"enterprise_id": 9004, "group": "above_scale", "land_mu": 10, "tax": 50, "value_added": 200},
    # 1 → 6; value added missing → group average of 80, 40, 40, 40 = 50: 56, rank 5 (100% > 95%) → D
    {"enterprise_id": 9005, "group": "above_scale", "land_mu": 10, "tax": 10, "source": "tax_bureau"},
    # excluded (公用事业) → T, no score, no rank
    {"enterprise_id": 9006, "group": "above_scale", "land_mu": 5, "tax": 1, "excluded_reason": "公用事业"},
]
EXPECTED = {9001: (140, "A", 1), 9002: (130, "C", 2), 9003: (70, "B", 3), 9004: (70, "B", 3), 9005: (56, "D", 5),
            9006: (None, "T", None)}


def park_id(api):
    return [p for p in api.as_user("admin").get("/api/v1/parks").json()["items"] if p["parent_id"] is None][0]["id"]


def setup_year(api, year, scheme=SCHEME, inputs=INPUTS):
    pa = api.as_user("parkadmin")
    pid = park_id(api)
    r = pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/{year}", scheme)
    expect(r.status == 200, f"scheme: {r.status} {r.body[:300]!r}")
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/{year}/inputs", {"items": inputs})
    expect(r.status == 200, f"inputs: {r.status} {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/{year}/run")
    expect(r.status == 200, f"run: {r.status} {r.body[:300]!r}")
    return pid, r.json()


def registry_enterprises(api, pid, ids):
    """Enterprise users are bound to enterprises of the registry in their park (docs/security.md):
    one registry enterprise per fixture id, and the fixture's inputs under the registry ids."""
    from test_enterprises import new_uscc
    admin = api.as_user("admin")
    mapping = {}
    for i in ids:
        r = admin.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": f"评价企业{i}（测试）", "park_id": pid,
                                               "industry_code": "3011"})
        expect(r.status == 201, f"registry enterprise for {i}: {r.status} {r.body[:200]!r}")
        mapping[i] = r.json()["id"]
    inputs = [dict(x, enterprise_id=mapping.get(x["enterprise_id"], x["enterprise_id"])) for x in INPUTS]
    return mapping, inputs


def enterprise_user(api, name, pid, eid):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": name, "password": "Ent@2023demoX", "role": "enterprise",
                                     "park_id": pid, "enterprise_id": eid})
    expect(r.status == 201, f"create {name}: {r.status} {r.body[:200]!r}")
    return api.as_user(name, "Ent@2023demoX")


def fields(r):
    return {d["field"]: d["message"] for d in r.json()["error"]["details"]}


def test_eval_fixture_scores_through_the_api(api):
    pid, run = setup_year(api, 2030)
    by_id = {i["enterprise_id"]: i for i in run["items"]}
    for eid, (score, cls, rank) in EXPECTED.items():
        it = by_id[eid]
        expect(it["class"] == cls, f"{eid}: class {it['class']} != {cls}")
        expect(it["rank"] == rank, f"{eid}: rank {it['rank']} != {rank}")
        if score is None:
            expect(it["score"] is None, f"{eid}: T has no score")
        else:
            expect(abs(it["score"] - score) < 1e-6, f"{eid}: score {it['score']} != {score}")
    expect(by_id[9002]["indicator_scores"]["tax_per_mu"] == 90, "cap applies")
    expect(by_id[9002]["class_by_rank"] == "B" and "veto" in by_id[9002]["flags"], "veto B → C")
    expect(by_id[9005]["indicators"]["value_added_per_mu"] is None, "missing value is null")
    expect(abs(by_id[9005]["indicator_scores"]["value_added_per_mu"] - 50) < 1e-9, "missing → group average")
    expect("value_added_per_mu" in by_id[9005]["imputed"], "imputed flagged")
    expect(by_id[9001]["indicators"]["tax_per_mu"] == 10, "indicator value")
    # GET gives the same contract shape.
    got = api.as_user("gxj").get(f"/api/v1/parks/{pid}/evaluations/2030").json()
    expect(len(got["items"]) == 6, "six results")
    for it in got["items"]:
        for k in ("enterprise_id", "group", "indicators", "indicator_scores", "score", "class", "rank"):
            expect(k in it, f"result has {k}")
        expect(it["class"] == EXPECTED[it["enterprise_id"]][1], "GET agrees with the run")
    # Inputs keep their sources.
    ins = {i["enterprise_id"]: i for i in api.as_user("parkadmin").get(
        f"/api/v1/parks/{pid}/evaluations/2030/inputs").json()["items"]}
    expect(ins[9005]["sources"]["tax"] == "tax_bureau" and ins[9001]["sources"]["tax"] == "manual", "sources")


def test_eval_scheme_422_and_refusals(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    bad = {"groups": [{"code": "above_scale", "indicators": [{"code": "tax_per_mu", "weight": -1, "benchmark": 10},
                                                             {"code": "no_such", "weight": 5}],
                       "classes": {"method": "percentile", "bounds": [60, 20, 95]}}]}
    r = pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", bad)
    expect(r.status == 422, f"bad scheme: {r.status}")
    f = fields(r)
    for k in ("groups[0].indicators[0].weight", "groups[0].indicators[1].code", "groups[0].classes.bounds"):
        expect(k in f, f"422 names {k}: {f}")
    r = pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", {"groups": [{"code": "x", "indicators": "no"}]})
    expect(r.status == 422, f"type error: {r.status}")
    r = pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", {})
    expect(r.status == 422 and "groups" in fields(r), "missing groups")
    for who in ("gxj", "leader"):
        r = api.as_user(who).put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", SCHEME)
        expect(r.status == 403, f"{who} may not save a scheme: {r.status}")
    expect(api.anon().put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", SCHEME).status == 401, "anon")
    # A park outside the park admin's scope is 404.
    other = api.as_user("admin").post("/api/v1/parks", {"name": "测试外园区（演示）"}).json()["id"]
    r = pa.put(f"/api/v1/parks/{other}/evaluation-schemes/2040", SCHEME)
    expect(r.status == 404, f"other park: {r.status}")
    expect(pa.get(f"/api/v1/parks/{other}/evaluations/2040").status == 404, "other park read 404")
    expect(pa.post(f"/api/v1/parks/{other}/evaluations/2040/run").status == 404, "other park run 404")
    # An unsaved year shows the default scheme.
    got = pa.get(f"/api/v1/parks/{pid}/evaluation-schemes/2041").json()
    expect(got["is_default"] and got["groups"][0]["indicators"][0]["code"] == "tax_per_mu", "default scheme")
    r = pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2040", SCHEME)
    expect(r.status == 200 and not r.json()["is_default"], "saved")
    got = api.as_user("leader").get(f"/api/v1/parks/{pid}/evaluation-schemes/2040").json()
    expect(got["groups"][0]["indicators"][0]["cap"] == 90, "leader reads the saved scheme")


def test_eval_inputs_422(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2042", SCHEME)
    items = [dict(INPUTS[0]), dict(INPUTS[1]), dict(INPUTS[2]), {"enterprise_id": 9104, "group": "above_scale",
                                                                 "land_mu": -3, "tax": 1},
             {"enterprise_id": 9105, "group": "above_scale", "tax": 1},
             {"enterprise_id": 9106, "group": "above_scale", "land_mu": 2, "energy_tce": -1},
             {"enterprise_id": 9107, "group": "below_scale", "land_mu": 2},
             {"enterprise_id": 9108, "group": "above_scale", "land_mu": 2, "sources": {"tax": "guess"}}]
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2042/inputs", {"items": items})
    expect(r.status == 422, f"bad inputs: {r.status} {r.body[:200]!r}")
    f = fields(r)
    for k in ("items[3].land_mu", "items[4].land_mu", "items[5].energy_tce", "items[6].group", "items[7].sources.tax"):
        expect(k in f, f"422 names {k}: {f}")
    expect(pa.get(f"/api/v1/parks/{pid}/evaluations/2042/inputs").json()["total"] == 0, "nothing written")
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2042/inputs", {"items": "x"})
    expect(r.status == 422 and "items" in fields(r), "items not a list")
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2042/inputs", {"items": [{"enterprise_id": "a", "group": "x"}]})
    expect(r.status == 422 and "items[0].enterprise_id" in fields(r) and "items[0].group" in fields(r), "types")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2042/run")
    expect(r.status == 422, f"run without inputs: {r.status}")
    for who in ("gxj", "leader"):
        r = api.as_user(who).put(f"/api/v1/parks/{pid}/evaluations/2042/inputs", {"items": INPUTS})
        expect(r.status == 403, f"{who} may not import: {r.status}")
    # A later import overrides the values it carries and keeps the others (税务 tax only).
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2042/inputs", {"items": INPUTS})
    expect(r.status == 200, f"import: {r.status} {r.body[:200]!r}")
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2042/inputs",
               {"source": "tax_bureau", "items": [{"enterprise_id": 9001, "group": "above_scale", "tax": 150}]})
    expect(r.status == 200, f"partial import: {r.status} {r.body[:200]!r}")
    one = [i for i in pa.get(f"/api/v1/parks/{pid}/evaluations/2042/inputs").json()["items"]
           if i["enterprise_id"] == 9001][0]
    expect(one["tax"] == 150 and one["land_mu"] == 10 and one["value_added"] == 400, "merged")
    expect(one["sources"]["tax"] == "tax_bureau" and one["sources"]["land_mu"] == "manual", "per-value sources")


def test_eval_run_refusals_and_enterprise_scope(api):
    m, inputs = registry_enterprises(api, park_id(api), [9001])
    pid, _ = setup_year(api, 2032, inputs=inputs)
    for who in ("gxj", "leader"):
        r = api.as_user(who).post(f"/api/v1/parks/{pid}/evaluations/2032/run")
        expect(r.status == 403, f"{who} may not run: {r.status}")
        expect(api.as_user(who).get(f"/api/v1/parks/{pid}/evaluations/2032").status == 200, f"{who} reads")
    ent = enterprise_user(api, "eval_ent_1", pid, m[9001])
    expect(ent.post(f"/api/v1/parks/{pid}/evaluations/2032/run").status == 403, "enterprise may not run")
    expect(ent.put(f"/api/v1/parks/{pid}/evaluations/2032/inputs", {"items": INPUTS}).status == 403, "nor import")
    # Before 公示 the enterprise sees nothing; its own inputs only.
    expect(ent.get(f"/api/v1/parks/{pid}/evaluations/2032").json()["items"] == [], "unpublished hidden")
    mine = ent.get(f"/api/v1/parks/{pid}/evaluations/2032/inputs").json()["items"]
    expect([i["enterprise_id"] for i in mine] == [m[9001]], f"own inputs only: {mine}")
    expect(ent.get(f"/api/v1/parks/{pid}/evaluations/2032/migration").status == 403, "no park-wide matrix")
    expect(ent.post(f"/api/v1/parks/{pid}/evaluations/2032/what-if", {"scheme": SCHEME}).status == 403, "no what-if")
    # 一企一单: the enterprise confirms its own sheet, not another's; staff cannot confirm for it.
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2032/inputs/9002/confirm")
    expect(r.status == 404, f"other enterprise: {r.status}")
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2032/inputs/{m[9001]}/confirm")
    expect(r.status == 200 and r.json()["confirmed"], f"confirm: {r.status} {r.body[:200]!r}")
    r = api.as_user("parkadmin").post(f"/api/v1/parks/{pid}/evaluations/2032/inputs/9002/confirm")
    expect(r.status == 403, f"staff cannot confirm for an enterprise: {r.status}")
    # After 公示 the enterprise sees only its own result.
    r = api.as_user("parkadmin").post(f"/api/v1/parks/{pid}/evaluations/2032/publish", {"publicity_days": 5})
    expect(r.status == 200 and r.json()["status"] == "published", f"publish: {r.status} {r.body[:200]!r}")
    items = ent.get(f"/api/v1/parks/{pid}/evaluations/2032").json()["items"]
    expect([i["enterprise_id"] for i in items] == [m[9001]] and items[0]["class"] == "A", f"own result: {items}")


def test_eval_publish_and_appeal_workflow(api):
    m, inputs = registry_enterprises(api, park_id(api), [9001, 9003, 9005])
    pid, _ = setup_year(api, 2034, inputs=inputs)
    pa = api.as_user("parkadmin")
    ent = enterprise_user(api, "eval_ent_5", pid, m[9005])
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals", {"enterprise_id": m[9005], "reason": "用地面积有误"})
    expect(r.status == 409, f"appeal before 公示: {r.status}")
    expect(api.as_user("leader").post(f"/api/v1/parks/{pid}/evaluations/2034/publish").status == 403, "leader")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2034/publish", {"publicity_days": 0})
    expect(r.status == 422 and "publicity_days" in fields(r), "bad period")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2034/publish", {"publicity_days": 7})
    expect(r.status == 200 and r.json()["publicity_end"], "published with a 公示 period")
    expect(pa.post(f"/api/v1/parks/{pid}/evaluations/2034/publish").status == 409, "already published")
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals", {"enterprise_id": m[9001], "reason": "x"})
    expect(r.status == 404, f"appeal for another enterprise: {r.status}")
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals", {"enterprise_id": m[9005]})
    expect(r.status == 422 and "reason" in fields(r), "reason required")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals", {"enterprise_id": m[9005], "reason": "代提"})
    expect(r.status == 403, f"staff cannot appeal for the enterprise: {r.status}")
    r = ent.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals",
                 {"enterprise_id": m[9005], "reason": "增加值数据漏报，已补报"})
    expect(r.status == 201 and r.json()["class_before"] == "D", f"appeal: {r.status} {r.body[:200]!r}")
    aid = r.json()["id"]
    expect(ent.post(f"/api/v1/parks/{pid}/evaluations/2034/appeals",
                    {"enterprise_id": m[9005], "reason": "again"}).status == 409, "one pending appeal")
    other = enterprise_user(api, "eval_ent_3", pid, m[9003])
    expect(other.get(f"/api/v1/parks/{pid}/evaluations/2034/appeals").json()["items"] == [], "not others' appeals")
    expect(len(pa.get(f"/api/v1/parks/{pid}/evaluations/2034/appeals").json()["items"]) == 1, "park sees it")
    r = ent.post(f"/api/v1/parks/{pid}/evaluation-appeals/{aid}/decision", {"decision": "upheld", "note": "x"})
    expect(r.status == 403, f"enterprise cannot decide: {r.status}")
    r = api.as_user("leader").post(f"/api/v1/parks/{pid}/evaluation-appeals/{aid}/decision",
                                   {"decision": "upheld", "note": "x"})
    expect(r.status == 403, f"leader cannot decide: {r.status}")
    r = pa.post(f"/api/v1/parks/{pid}/evaluation-appeals/{aid}/decision", {"decision": "maybe", "class": "Z"})
    expect(r.status == 422 and {"decision", "class", "note"} <= set(fields(r)), f"bad decision: {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{pid}/evaluation-appeals/{aid}/decision",
                {"decision": "upheld", "class": "C", "note": "核实补报数据，调整为C类"})
    expect(r.status == 200 and r.json()["status"] == "upheld", f"decide: {r.status} {r.body[:200]!r}")
    expect(pa.post(f"/api/v1/parks/{pid}/evaluation-appeals/{aid}/decision",
                   {"decision": "rejected", "note": "x"}).status == 409, "decided once")
    mine = ent.get(f"/api/v1/parks/{pid}/evaluations/2034").json()["items"][0]
    expect(mine["class"] == "C" and "appeal" in mine["flags"], f"class changed by the appeal: {mine}")
    audit = api.as_user("admin").get("/api/v1/audit?page_size=200").json()["items"]
    expect(any(a["entity"] == "eval_appeal" and a["action"] == "decide" for a in audit), "decision logged")


def test_eval_what_if_changes_nothing_saved(api):
    pid, run = setup_year(api, 2036)
    pa = api.as_user("parkadmin")
    proposed = {"groups": [dict(SCHEME["groups"][0], indicators=[
        {"code": "tax_per_mu", "weight": 10, "benchmark": 10, "cap": 90},
        {"code": "value_added_per_mu", "weight": 90, "benchmark": 20}])]}
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2036/what-if", {"scheme": proposed})
    expect(r.status == 200, f"what-if: {r.status} {r.body[:300]!r}")
    w = r.json()
    expect(w["saved"] is False and w["total"] > 0, f"class changes: {w}")
    # 9001 190 A; 9005 1 + avg(180, 90, 90, 90) = 113.5 rank 2 → B; 9002 110 rank 3 → B, vetoed C;
    # 9003 and 9004 95 rank 4 (80% ≤ 95%) → C.
    ch = {c["enterprise_id"]: (c["class_before"], c["class_after"]) for c in w["changes"]}
    expect(ch == {9003: ("B", "C"), 9004: ("B", "C"), 9005: ("D", "B")}, f"class changes: {ch}")
    got = pa.get(f"/api/v1/parks/{pid}/evaluations/2036").json()
    expect({i["enterprise_id"]: i["class"] for i in got["items"]} == {k: v[1] for k, v in EXPECTED.items()},
           "nothing saved")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{pid}/evaluations/2036/what-if", {"scheme": proposed}).status == 200,
           "departments may try a what-if")
    expect(api.as_user("leader").post(f"/api/v1/parks/{pid}/evaluations/2036/what-if",
                                      {"scheme": proposed}).status == 403, "read-only leader")
    bad = {"groups": [dict(SCHEME["groups"][0], indicators=[{"code": "tax_per_mu", "weight": -5}])]}
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2036/what-if", {"scheme": bad})
    expect(r.status == 422 and "scheme.groups[0].indicators[0].weight" in fields(r), f"422: {r.body[:300]!r}")


def test_eval_migration_policies_exports_and_per_mu(api):
    pid, _ = setup_year(api, 2037)
    moved = [dict(i) for i in INPUTS]
    moved[4] = dict(moved[4], tax=1000)  # 9005 climbs to the top
    pid, _ = setup_year(api, 2038, inputs=moved)
    pa = api.as_user("parkadmin")
    m = pa.get(f"/api/v1/parks/{pid}/evaluations/2038/migration").json()
    expect(m["has_last_year"] and m["matrix"]["D"]["A"] == 1 and m["upgraded"] >= 1, f"matrix: {m}")
    p = pa.get(f"/api/v1/parks/{pid}/evaluations/2038/policies").json()
    expect(p["total"] == 6 and any(i["measures"] for i in p["items"]), "policy list")
    for fmt, ctype in (("csv", "text/csv"), ("xlsx", "spreadsheetml")):
        for path in ("policies", "inputs", ""):
            url = f"/api/v1/parks/{pid}/evaluations/2038" + (f"/{path}" if path else "") + f"?format={fmt}"
            r = pa.get(url)
            expect(r.status == 200 and ctype in r.headers.get("Content-Type", ""), f"{url}: {r.status}")
            if fmt == "xlsx":
                expect(r.body[:2] == b"PK", "xlsx is a zip")
            else:
                expect("企业".encode() in r.body, "csv has Chinese headers")
    expect(pa.get(f"/api/v1/parks/{pid}/evaluations/2038/policies?format=pdf").status == 422, "unknown format")
    pm = pa.get(f"/api/v1/parks/{pid}/evaluations/2038/per-mu").json()
    # Σ tax / Σ land over non-excluded firms: (100+200+100+50+1000) / (10+10+20+10+10)
    expect(abs(pm["park"]["tax_per_mu"] - 1450 / 60) < 1e-9, f"park 亩均税收: {pm['park']}")
    expect(pm["by_group"][0]["key"] == "above_scale", "by group")


def test_eval_demo_data_has_classes(api):
    pid = park_id(api)
    got = api.as_user("leader").get(f"/api/v1/parks/{pid}/evaluations/2023").json()
    expect(got["total"] == 30, f"30 demo enterprises: {got['total']}")
    classes = {i["class"] for i in got["items"]}
    expect({"A", "B", "C", "D", "T"} <= classes, f"every class shows: {classes}")
    expect(all("（演示）" in (i["enterprise_name"] or "") for i in got["items"]), "demo names")
    m = api.as_user("leader").get(f"/api/v1/parks/{pid}/evaluations/2023/migration").json()
    expect(m["has_last_year"], "2022 run for the migration matrix")


def test_eval_inputs_file_import_csv_and_xlsx(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2044", SCHEME)
    url = f"/api/v1/parks/{pid}/evaluations/2044/inputs/import?source=tax_bureau"
    bad = ("企业编号,企业名称,分组,用地面积（亩）,实缴税收（万元）,工业增加值（万元）\r\n"
           "9201,丙（测试）,规上,10,100,400\r\n"
           "9202,丁（测试）,规上,-5,abc,200\r\n"
           "9203,戊（测试）,中型,8,10,20\r\n")
    r = pa.post(url, raw_body=bad.encode("utf-8"), headers={"Content-Type": "text/csv"})
    expect(r.status == 422, f"bad file: {r.status} {r.body[:300]!r}")
    f = fields(r)
    expect("rows[3].实缴税收（万元）" in f and "rows[4].分组" in f, f"row/column errors: {f}")
    expect(pa.get(f"/api/v1/parks/{pid}/evaluations/2044/inputs").json()["total"] == 0, "all or nothing")
    bad2 = "企业编号,分组,用地面积（亩）,实缴税收（万元）\r\n9202,规上,-5,1\r\n"
    r = pa.post(url, raw_body=bad2.encode("utf-8"), headers={"Content-Type": "text/csv"})
    expect(r.status == 422 and "rows[2].用地面积（亩）" in fields(r), f"domain error mapped to the file: {r.body[:300]!r}")
    good = bad.replace("-5,abc", "5,30").replace("中型", "规上企业")
    r = pa.post(url, raw_body=good.encode("utf-8"), headers={"Content-Type": "text/csv"})
    expect(r.status == 200 and r.json()["imported"] == 3, f"import: {r.status} {r.body[:300]!r}")
    rows = {i["enterprise_id"]: i for i in pa.get(f"/api/v1/parks/{pid}/evaluations/2044/inputs").json()["items"]}
    expect(rows[9201]["sources"]["tax"] == "tax_bureau" and rows[9203]["group"] == "above_scale", "values and sources")
    for who in ("gxj", "leader"):
        r = api.as_user(who).post(url, raw_body=good.encode("utf-8"), headers={"Content-Type": "text/csv"})
        expect(r.status == 403, f"{who} may not import: {r.status}")
    # The XLSX export of the inputs imports again (title row skipped).
    x = pa.get(f"/api/v1/parks/{pid}/evaluations/2044/inputs?format=xlsx")
    expect(x.status == 200 and x.body[:2] == b"PK", "xlsx export")
    r = pa.post(f"/api/v1/parks/{pid}/evaluations/2045/inputs/import", raw_body=x.body,
                headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 200 and r.json()["imported"] == 3, f"xlsx re-import: {r.status} {r.body[:300]!r}")
