"""API tests of the project pipeline (issue 4): the Contract endpoints, rates with drill-down,
stage rules (409), validation (422) and every access refusal (other park, department, enterprise,
read-only leader)."""
from urllib.parse import quote


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def _park(api):
    return api.as_user("admin").get("/api/v1/parks").json()["items"][0]["id"]


def _new_park(api, name):
    """A fresh park (no demo projects) that only the sysadmin may read."""
    r = api.as_user("admin").post("/api/v1/parks", {"name": name})
    expect(r.status == 201, f"create park: {r.status} {r.body[:200]!r}")
    return r.json()["id"]


def _project(api, park_id, name, **extra):
    body = {"park_id": park_id, "name": name, "kind": "new", "total_investment": 10000,
            "contracted_investment": 8000, "annual_plans": [{"year": 2023, "planned_investment": 1200}],
            "planned": {"signed": "2023-01-10", "landed": "2023-02-28", "started": "2023-04-15",
                        "completed": "2023-10-31", "production": "2023-12-31"}}
    body.update(extra)
    r = api.as_user("admin").post("/api/v1/projects", body)
    expect(r.status == 201, f"create project: {r.status} {r.body[:300]!r}")
    return r.json()


def _rate(rates, code):
    return [x for x in rates["rates"] if x["code"] == code][0]


def test_create_project_contract(api):
    p = _project(api, _park(api), "合同测试项目")
    expect(isinstance(p["id"], int) and p["stage"] == "reserve", f"id and stage: {p}")
    expect(p["planned"]["started"] == "2023-04-15", "planned dates echoed")
    expect(p["annual_plans"] == [{"year": 2023, "planned_investment": 1200}], f"plans: {p['annual_plans']}")
    got = api.as_user("admin").get(f"/api/v1/projects/{p['id']}").json()
    expect(got["name"] == "合同测试项目" and got["kind"] == "new", "GET returns the project")


def test_create_project_validation_422(api):
    admin = api.as_user("admin")
    park = _park(api)
    r = admin.post("/api/v1/projects", {"park_id": park, "name": "负投资", "kind": "new",
                                        "total_investment": -5, "contracted_investment": 0})
    expect(r.status == 422, f"negative investment: {r.status}")
    fields = [d["field"] for d in r.json()["error"]["details"]]
    expect("total_investment" in fields, f"field details: {fields}")
    r = admin.post("/api/v1/projects", {"park_id": park, "name": "日期倒挂", "kind": "new", "total_investment": 10,
                                        "contracted_investment": 5,
                                        "planned": {"landed": "2023-04-01", "started": "2023-03-31"}})
    expect(r.status == 422, f"planned date before the previous stage: {r.status}")
    expect(any(d["field"] == "planned.started" for d in r.json()["error"]["details"]), r.body[:300])
    r = admin.post("/api/v1/projects", {"park_id": 999999, "name": "无此园区", "kind": "new",
                                        "total_investment": 10, "contracted_investment": 5})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "park_id", f"unknown park: {r.body[:200]!r}")
    r = admin.post("/api/v1/projects", {"park_id": park, "kind": "other", "total_investment": 10})
    fields = [d["field"] for d in r.json()["error"]["details"]]
    expect(r.status == 422 and "name" in fields and "kind" in fields, f"missing name, bad kind: {fields}")
    r = admin.post("/api/v1/projects", raw_body="{not json")
    expect(r.status == 400, f"malformed JSON: {r.status}")


def test_stage_transitions_and_409(api):
    admin = api.as_user("admin")
    p = _project(api, _park(api), "阶段测试项目")
    pid = p["id"]
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "started", "date": "2023-04-10"})
    expect(r.status == 200 and r.json()["stage"] == "started", f"move to started: {r.status} {r.body[:300]!r}")
    expect(r.json()["actual"]["landed"] == "2023-04-10", "skipped stages get the move's date")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "production", "date": "2023-06-01"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "reason",
           f"admin skipping 竣工 without a reason: {r.status} {r.body[:300]!r}")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "started", "date": "2023-04-12"})
    expect(r.status == 409, f"same stage is refused: {r.status}")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": "2023-05-01"})
    expect(r.status == 422, f"backward without a reason: {r.status}")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "flying", "date": "2023-05-01"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "stage", "unknown stage")
    r = admin.post(f"/api/v1/projects/{pid}/flags", {"action": "suspend", "date": "2023-05-02", "reason": "整改"})
    expect(r.status == 200 and r.json()["suspended_on"] == "2023-05-02", f"suspend: {r.status} {r.body[:200]!r}")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "completed", "date": "2023-06-01"})
    expect(r.status == 409 and "停缓建" in r.json()["error"]["message"], f"suspended cannot move: {r.body[:300]!r}")
    r = admin.post(f"/api/v1/projects/{pid}/flags", {"action": "terminate", "date": "2023-06-01", "reason": "终止"})
    expect(r.status == 200, f"terminate: {r.status} {r.body[:200]!r}")
    r = admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "completed", "date": "2023-06-02"})
    expect(r.status == 409, f"terminated project refuses everything: {r.status}")
    log = admin.get(f"/api/v1/projects/{pid}/stage-log").json()["items"]
    kinds = [e["change_type"] for e in log]
    expect(kinds == ["create", "forward", "suspend", "terminate"], f"stage log: {kinds}")
    expect(all(e["username"] == "admin" for e in log[1:]), "who is recorded")
    audit = admin.get(f"/api/v1/audit?entity=project").json()
    expect(audit["total"] >= 1, "audited")


def test_investment_and_rates_with_drill_down(api):
    admin = api.as_user("admin")
    park = _new_park(api, "比率测试园区")
    a = _project(api, park, "按期开工")
    b = _project(api, park, "未开工")
    c = _project(api, park, "续建项目", kind="continuing",
                 planned={"signed": "2022-01-10", "landed": "2022-02-01", "started": "2022-04-01"})
    r = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-06-30")
    expect(r.status == 200, f"rates: {r.status} {r.body[:300]!r}")
    rates = r.json()
    expect(rates["date"] == "2023-06-30" and len(rates["rates"]) == 8, f"eight rates: {rates}")
    expect(_rate(rates, "start")["value_pct"] == 0 and _rate(rates, "start")["denominator"] == 2, "nobody started")
    expect(_rate(rates, "production")["value_pct"] is None, "no production planned by the date: null")
    expect(_rate(rates, "funds_in_place")["value_pct"] is None, "no funds target: null")
    r = admin.post(f"/api/v1/projects/{a['id']}/stage", {"stage": "started", "date": "2023-04-10"})
    expect(r.status == 200, f"start a: {r.body[:300]!r}")
    r = admin.put(f"/api/v1/projects/{a['id']}/investment", {"period": "2023-04", "completed": 123.4,
                                                              "funds_in_place": 50})
    expect(r.status == 200, f"investment: {r.status} {r.body[:300]!r}")
    r = admin.put(f"/api/v1/projects/{a['id']}/investment", {"period": "2023-05", "completed": 176.6,
                                                              "funds_in_place": 30,
                                                              "funds_by_source": {"out_of_province": 20, "in_province": 5,
                                                                                  "foreign": 5}})
    expect(r.status == 200 and len(r.json()["monthly"]) == 2, f"second month: {r.body[:300]!r}")
    rates = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-06-30").json()
    start = _rate(rates, "start")
    expect(start["value_pct"] == 50 and start["project_ids"] == {"numerator": [a["id"]],
                                                                 "denominator": sorted([a["id"], b["id"]])},
           f"开工率 1/2 with drill-down: {start}")
    fai = _rate(rates, "fai_completion")
    expect(fai["numerator"] == 300 and fai["denominator"] == 3600 and abs(fai["value_pct"] - 8.33) < 0.01,
           f"固定资产投资完成率 300/3600: {fai}")
    resume = _rate(rates, "resume")
    expect(resume["denominator"] == 1 and resume["value_pct"] == 0 and resume["project_ids"]["denominator"] == [c["id"]],
           f"复工率 0/1: {resume}")
    expect(_rate(rates, "start_resume")["denominator"] == 3, "开(复)工率 over both")
    funds = _rate(rates, "funds_in_place")
    expect(funds["numerator"] == 80 and funds["value_pct"] is None and funds["project_ids"]["denominator"] == [],
           f"funds without a target: {funds}")
    # Before the start the rate is back at 0 (rates at any date).
    early = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-04-09").json()
    expect(_rate(early, "start")["value_pct"] is None and _rate(early, "start")["denominator"] == 0,
           "on 04-09 no start was planned yet: null, not 0%")
    r = admin.put(f"/api/v1/projects/{a['id']}/investment", {"period": "2023-06", "completed": -1})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "completed", f"negative: {r.body[:200]!r}")
    r = admin.put(f"/api/v1/projects/{a['id']}/investment", {"period": "2023-13", "completed": 1})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "period", "bad period")
    r = admin.put(f"/api/v1/projects/{a['id']}/investment", {"period": "2023-06", "completed": 1, "funds_in_place": 1,
                                                              "funds_by_source": {"foreign": 5}})
    expect(r.status == 422, f"sources above the total: {r.status}")
    r = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-02-30")
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "date", "bad date")


def test_funds_rate_without_a_target_is_null(api):
    admin = api.as_user("admin")
    park = _park(api)
    rates = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-12-31").json()
    funds = _rate(rates, "funds_in_place")
    expect(funds["numerator"] > 0 and funds["project_ids"]["numerator"], f"demo funds in place are summed: {funds}")
    if funds["denominator"] == 0:
        expect(funds["value_pct"] is None, "no target: null")
    else:
        expect(abs(funds["value_pct"] - funds["numerator"] / funds["denominator"] * 100) < 0.01, "value = num/den")


def test_list_filters_sort_and_pagination(api):
    admin = api.as_user("admin")
    park = _park(api)
    r = admin.get(f"/api/v1/projects?park_id={park}&page_size=5&sort=-total_investment")
    expect(r.status == 200, f"list: {r.status}")
    body = r.json()
    expect(body["total"] >= 15 and len(body["items"]) == 5, f"demo projects paged: {body['total']}")
    totals = [i["total_investment"] for i in body["items"]]
    expect(totals == sorted(totals, reverse=True), f"sorted: {totals}")
    started = admin.get(f"/api/v1/projects?park_id={park}&stage=started&page_size=100").json()
    expect(all(i["stage"] == "started" for i in started["items"]) and started["total"] >= 1, "stage filter")
    names = [i["name"] for i in admin.get(f"/api/v1/projects?park_id={park}&q=" + quote("聚丙烯高值化")).json()["items"]]
    expect(names == ["年产20万吨聚丙烯高值化产业园"], f"search: {names}")
    expect(admin.get("/api/v1/projects?stage=nope").status == 422, "bad stage filter")


def test_patch_and_checklist_problem_crud(api):
    admin = api.as_user("admin")
    p = _project(api, _park(api), "清单测试项目")
    pid = p["id"]
    r = admin.patch(f"/api/v1/projects/{pid}", {"responsible_leader": "王副市长", "investor": "某集团",
                                                 "total_investment": 12000})
    expect(r.status == 200 and r.json()["responsible_leader"] == "王副市长" and r.json()["total_investment"] == 12000,
           f"patch: {r.status} {r.body[:200]!r}")
    r = admin.patch(f"/api/v1/projects/{pid}", {"contracted_investment": 99999})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "contracted_investment", "contracted > total")
    r = admin.post(f"/api/v1/projects/{pid}/approvals", {"item": "环评", "deadline": "2023-05-01",
                                                          "tolerance_acceptance": True})
    expect(r.status == 201 and r.json()["tolerance_acceptance"] is True, f"approval: {r.body[:200]!r}")
    aid = r.json()["id"]
    r = admin.put(f"/api/v1/projects/{pid}/approvals/{aid}", {"item": "环评", "status": "done"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "done_on", "done needs a date")
    r = admin.put(f"/api/v1/projects/{pid}/approvals/{aid}", {"item": "环评", "status": "done", "done_on": "2023-04-20",
                                                              "commitment": True})
    expect(r.status == 200 and r.json()["commitment"] is True, "approval updated")
    r = admin.post(f"/api/v1/projects/{pid}/problems", {"issue": "用电接入慢", "raised_on": "2023-03-01",
                                                         "deadline": "2023-04-01", "responsible_unit": "发改局"})
    expect(r.status == 201, f"problem: {r.body[:200]!r}")
    prid = r.json()["id"]
    r = admin.post(f"/api/v1/projects/{pid}/problems", {"issue": ""})
    expect(r.status == 422, "empty issue")
    r = admin.post(f"/api/v1/projects/{pid}/milestones", {"title": "主体封顶", "planned_date": "2023-08-01"})
    expect(r.status == 201, "milestone")
    warnings = admin.get(f"/api/v1/parks/{p['park_id']}/project-warnings?date=2023-06-30").json()["items"]
    mine = {w["kind"] for w in warnings if w["project_id"] == pid}
    expect({"problem_overdue", "stage_overdue"} <= mine, f"warnings: {mine}")
    expect(admin.delete(f"/api/v1/projects/{pid}/problems/{prid}").status == 204, "delete problem")
    expect(admin.delete(f"/api/v1/projects/{pid}/problems/{prid}").status == 404, "deleted twice is 404")
    expect(len(admin.get(f"/api/v1/projects/{pid}/approvals").json()["items"]) == 1, "approvals listed")


def test_refusals(api):
    admin = api.as_user("admin")
    park = _park(api)
    other = _new_park(api, "他园区（拒绝测试）")
    mine = _project(api, park, "拒绝测试项目")
    theirs = _project(api, other, "他园区项目")
    pa, gxj, leader = api.as_user("parkadmin"), api.as_user("gxj"), api.as_user("leader")
    # Other park: 404 for every reader outside it, no existence leak.
    for who in (pa, gxj, leader):
        expect(who.get(f"/api/v1/projects/{theirs['id']}").status == 404, f"{who.username} other park project")
        expect(who.get(f"/api/v1/parks/{other}/project-rates?date=2023-06-30").status == 404, "other park rates")
        r = who.post(f"/api/v1/projects/{theirs['id']}/stage", {"stage": "signed", "date": "2023-01-10"})
        expect(r.status in (403, 404), f"{who.username} other park stage: {r.status}")
    r = pa.post("/api/v1/projects", {"park_id": other, "name": "越权", "kind": "new", "total_investment": 1,
                                     "contracted_investment": 1})
    expect(r.status == 422, f"park admin creating in another park: {r.status}")
    # Department user: reads the parks its unit serves, writes nothing it is not responsible for.
    expect(gxj.get(f"/api/v1/projects/{mine['id']}").status == 200, "department reads a served park")
    expect(gxj.get(f"/api/v1/parks/{park}/project-rates?date=2023-06-30").status == 200, "department reads rates")
    # Only the departments keeping reserve projects (工信局 by default) create them: test_registers.py.
    r = api.as_user("zsfw").post("/api/v1/projects", {"park_id": park, "name": "部门新建", "kind": "new",
                                                      "total_investment": 1, "contracted_investment": 1})
    expect(r.status == 403, f"a department not keeping reserve projects cannot create: {r.status}")
    # (工信局 keeps reserve projects, so a department that neither keeps them nor is responsible.)
    r = api.as_user("zsfw").post(f"/api/v1/projects/{mine['id']}/stage", {"stage": "signed", "date": "2023-01-10"})
    expect(r.status == 403, f"department not responsible: {r.status}")
    expect(api.as_user("zsfw").put(f"/api/v1/projects/{mine['id']}/investment",
                                   {"period": "2023-04", "completed": 1}).status == 403, "department investment refused")
    # The responsible unit may report.
    units = admin.get("/api/v1/units").json()["items"]
    gxj_unit = [u["id"] for u in units if u["name"] == "工信局"][0]
    expect(admin.patch(f"/api/v1/projects/{mine['id']}", {"responsible_unit_id": gxj_unit}).status == 200, "assign")
    r = gxj.post(f"/api/v1/projects/{mine['id']}/stage", {"stage": "signed", "date": "2023-01-10"})
    expect(r.status == 200, f"responsible department moves the stage: {r.status} {r.body[:200]!r}")
    r = gxj.post(f"/api/v1/projects/{mine['id']}/stage", {"stage": "reserve", "date": "2023-01-11", "reason": "x"})
    expect(r.status == 409, f"backward needs an admin: {r.status}")
    # Leader: reads, never writes.
    expect(leader.get(f"/api/v1/projects?park_id={park}").status == 200, "leader reads")
    for r in (leader.post("/api/v1/projects", {"park_id": park, "name": "x", "kind": "new"}),
              leader.post(f"/api/v1/projects/{mine['id']}/stage", {"stage": "landed", "date": "2023-02-01"}),
              leader.put(f"/api/v1/projects/{mine['id']}/investment", {"period": "2023-04", "completed": 1}),
              leader.patch(f"/api/v1/projects/{mine['id']}", {"name": "改名"})):
        expect(r.status == 403, f"leader write refused: {r.status}")
    # Enterprise users: refused outright.
    r = admin.post("/api/v1/users", {"username": "ent_proj", "password": "Ent@2023demo", "role": "enterprise",
                                     "park_id": park, "enterprise_id": 1})
    expect(r.status == 201, f"create enterprise user: {r.status} {r.body[:200]!r}")
    ent = api.as_user("ent_proj", "Ent@2023demo")
    for path in ("/api/v1/projects", f"/api/v1/projects/{mine['id']}", f"/api/v1/parks/{park}/project-rates"):
        expect(ent.get(path).status == 403, f"enterprise refused {path}")
    expect(ent.post("/api/v1/projects", {"park_id": park, "name": "x"}).status == 403, "enterprise cannot create")
    # Anonymous.
    expect(api.anon().get("/api/v1/projects").status == 401, "anonymous is 401")
    expect(admin.get("/api/v1/projects/999999").status == 404, "unknown project 404")


def test_lights_and_analytics(api):
    admin = api.as_user("admin")
    park = _park(api)
    r = admin.get(f"/api/v1/parks/{park}/project-lights?date=2023-09-30")
    expect(r.status == 200, f"lights: {r.status}")
    body = r.json()
    expect(body["counts"]["start"]["red"] >= 1, f"高铁配件 not started three months after June: {body['counts']}")
    r = admin.get(f"/api/v1/parks/{park}/project-analytics?date=2023-12-31")
    expect(r.status == 200, f"analytics: {r.status}")
    a = r.json()
    expect(len(a["durations"]) == 5 and any(c["year"] == 2023 for c in a["cohorts"]), f"analytics: {list(a)}")


LEDGER_HEADER = "项目名称,投资主体,性质,阶段,总投资（万元）,签约投资（万元）,计划年度,年度计划投资（万元）,计划签约日期,计划开工日期,实际签约日期\n"


def test_ledger_import_all_or_nothing_and_export(api):
    admin = api.as_user("admin")
    park = _new_park(api, "台账导入园区")
    bad = LEDGER_HEADER + ("导入项目甲,甲集团,新建,签约,1000,800,2023,300,2023-01-10,2023-04-15,2023-01-12\n"
                           "导入项目乙,乙集团,扩建,储备,abc,0,,,,,\n"
                           "导入项目丙,丙集团,续建,开工,500,600,2023,100,2023-02-01,2023-01-01,\n")
    r = admin.post(f"/api/v1/parks/{park}/project-ledger/import", raw_body=bad.encode("utf-8"),
                   headers={"Content-Type": "text/csv"})
    expect(r.status == 422, f"bad file: {r.status} {r.body[:300]!r}")
    fields = {d["field"] for d in r.json()["error"]["details"]}
    for f in ("rows[3].性质", "rows[3].总投资（万元）", "rows[4].签约投资（万元）", "rows[4].计划开工日期"):
        expect(f in fields, f"{f} reported: {sorted(fields)}")
    expect(admin.get(f"/api/v1/projects?park_id={park}").json()["total"] == 0, "nothing imported")
    good = LEDGER_HEADER + ("导入项目甲,甲集团,新建,签约,1000,800,2023,300,2023-01-10,2023-04-15,2023-01-12\n"
                            "导入项目乙,乙集团,续建,储备,500,0,,,,,\n")
    r = admin.post(f"/api/v1/parks/{park}/project-ledger/import", raw_body=good.encode("utf-8"))
    expect(r.status == 200 and r.json() == {"created": 2, "updated": 0}, f"import: {r.status} {r.body[:300]!r}")
    r = admin.post(f"/api/v1/parks/{park}/project-ledger/import", raw_body=good.replace("1000,800", "1200,800").encode())
    expect(r.status == 200 and r.json() == {"created": 0, "updated": 2}, f"re-import updates: {r.body[:300]!r}")
    items = admin.get(f"/api/v1/projects?park_id={park}&sort=name").json()["items"]
    a = [i for i in items if i["name"] == "导入项目甲"][0]
    expect(a["stage"] == "signed" and a["total_investment"] == 1200, f"imported project: {a}")
    r = admin.get(f"/api/v1/parks/{park}/project-ledger?format=csv&date=2023-06-30")
    expect(r.status == 200 and "导入项目甲" in r.body.decode("utf-8-sig"), f"csv export: {r.status}")
    r = admin.get(f"/api/v1/parks/{park}/project-ledger")
    expect(r.status == 200 and r.body[:2] == b"PK", "xlsx export")
    r = admin.get("/api/v1/project-ledger/template")
    expect(r.status == 200 and r.body[:2] == b"PK", "template")
    expect(api.as_user("leader").post(f"/api/v1/parks/{park}/project-ledger/import", raw_body=good.encode()).status == 403,
           "leader cannot import")
    expect(api.as_user("parkadmin").get(f"/api/v1/parks/{park}/project-ledger").status == 404, "other park export 404")
    r = admin.post(f"/api/v1/parks/{park}/project-ledger/import", raw_body="名称\n1\n".encode())
    expect(r.status == 422, "missing columns")


def test_crm_lead_to_project_and_refusals(api):
    admin, zsfw, leader = api.as_user("admin"), api.as_user("zsfw"), api.as_user("leader")
    park = _park(api)
    r = zsfw.post("/api/v1/investors", {"park_id": park, "name": "测试客商（演示）", "origin": "上海"})
    expect(r.status == 201, f"department creates an investor: {r.status} {r.body[:200]!r}")
    inv = r.json()["id"]
    expect(zsfw.post(f"/api/v1/investors/{inv}/contacts", {"name": "王总", "phone": "1"}).status == 201, "contact")
    r = zsfw.post("/api/v1/leads", {"investor_id": inv, "title": "测试线索项目", "source": "展会", "intent": "high",
                                   "planned_investment": 3000, "next_date": "2023-07-01"})
    expect(r.status == 201 and r.json()["stage"] == "lead", f"lead: {r.status} {r.body[:200]!r}")
    lead = r.json()["id"]
    expect(zsfw.post("/api/v1/leads", {"investor_id": inv, "title": "x", "intent": "huge"}).status == 422, "bad intent")
    r = zsfw.post(f"/api/v1/leads/{lead}/followups", {"kind": "visit", "date": "2023-06-01", "content": "走访",
                                                      "next_step": "报价", "next_date": "2023-06-20"})
    expect(r.status == 201, f"follow-up: {r.body[:200]!r}")
    expect(zsfw.post(f"/api/v1/leads/{lead}/followups", {"kind": "fax", "content": ""}).status == 422, "bad follow-up")
    rem = admin.get(f"/api/v1/parks/{park}/lead-reminders?date=2023-06-18").json()["items"]
    expect(any(x["id"] == lead and x["days_left"] == 2 for x in rem), f"reminder due in 2 days: {rem}")
    r = zsfw.post(f"/api/v1/leads/{lead}/stage", {"stage": "contact"})
    expect(r.status == 200 and r.json()["stage"] == "contact", "advance")
    expect(zsfw.post(f"/api/v1/leads/{lead}/stage", {"stage": "lead"}).status == 409, "no going back")
    expect(zsfw.post(f"/api/v1/leads/{lead}/stage", {"stage": "abandoned"}).status == 422, "abandon needs a reason")
    expect(leader.post(f"/api/v1/leads/{lead}/stage", {"stage": "signed"}).status == 403, "leader cannot sign")
    r = zsfw.post(f"/api/v1/leads/{lead}/stage", {"stage": "signed", "date": "2023-06-25"})
    expect(r.status == 200 and r.json()["project_id"], f"sign: {r.status} {r.body[:200]!r}")
    p = admin.get(f"/api/v1/projects/{r.json()['project_id']}").json()
    expect(p["stage"] == "signed" and p["actual"]["signed"] == "2023-06-25" and p["name"] == "测试线索项目", f"project: {p}")
    expect(p["lead_id"] == lead and p["contracted_investment"] == 3000, "project from the lead")
    expect(zsfw.post(f"/api/v1/leads/{lead}/stage", {"stage": "abandoned", "reason": "x"}).status == 409, "signed is final")
    other = _new_park(api, "客商拒绝测试园区")
    expect(api.as_user("parkadmin").get(f"/api/v1/investors?park_id={other}").status == 404, "other park CRM 404")
    expect(api.as_user("parkadmin").get(f"/api/v1/leads/{lead}").status == 200, "own park lead")
    chains = admin.get(f"/api/v1/parks/{park}/chains").json()["items"]
    expect(chains[0]["name"] == "煤制甲醇—烯烃—化工新材料" and len(chains) == 7, f"seeded chains: {[c['name'] for c in chains]}")
    expect(any(l["gap"] for c in chains for l in c["links"]), "gaps stand out")
    r = admin.post(f"/api/v1/chains/{chains[0]['id']}/links", {"name": "可降解材料", "position": "down"})
    expect(r.status == 201, f"add link: {r.body[:200]!r}")
    expect(admin.post(f"/api/v1/chains/{chains[0]['id']}/links", {"name": "x", "position": "side"}).status == 422, "bad position")
    expect(zsfw.post(f"/api/v1/chains/{chains[0]['id']}/links", {"name": "y"}).status == 403, "department cannot edit chains")
    expect(admin.delete(f"/api/v1/chain-links/{r.json()['id']}").status == 204, "delete empty link")
    used = [l for c in chains for l in c["links"] if l["projects"]][0]
    expect(admin.delete(f"/api/v1/chain-links/{used['id']}").status == 409, "a link with projects stays")


def test_region_rates_and_settings(api):
    admin, pa, leader = api.as_user("admin"), api.as_user("parkadmin"), api.as_user("leader")
    regions = admin.get("/api/v1/regions").json()["items"]
    province = [r for r in regions if r["parent_id"] is None][0]["id"]
    r = admin.get(f"/api/v1/regions/{province}/project-rates?date=2023-06-30")
    expect(r.status == 200 and len(r.json()["rates"]) == 8, f"region rates: {r.status} {r.body[:200]!r}")
    park = _park(api)
    park_rates = admin.get(f"/api/v1/parks/{park}/project-rates?date=2023-06-30").json()
    expect(_rate(r.json(), "start")["denominator"] >= _rate(park_rates, "start")["denominator"], "region covers the park")
    expect(pa.get(f"/api/v1/regions/{province}/project-rates?date=2023-06-30").status == 200, "park admin: own parks")
    expect(admin.get("/api/v1/regions/999999/project-rates").status == 404, "unknown region")
    s = admin.get(f"/api/v1/parks/{park}/project-settings").json()
    expect(s["start_red_after_months"] == 3 and s["limit_days"]["reserve"] == 365, f"defaults: {s}")
    r = pa.put(f"/api/v1/parks/{park}/project-settings", {"progress_yellow_points": 40, "progress_red_points": 30})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"].startswith("progress"), f"yellow > red: {r.body[:200]!r}")
    r = pa.put(f"/api/v1/parks/{park}/project-settings", {"start_red_after_months": 2, "limit_days": {"signed": 90}})
    expect(r.status == 200 and r.json()["start_red_after_months"] == 2 and r.json()["limit_days"]["signed"] == 90, r.body[:200])
    expect(leader.put(f"/api/v1/parks/{park}/project-settings", {"start_red_after_months": 4}).status == 403, "leader")
    expect(api.as_user("gxj").put(f"/api/v1/parks/{park}/project-settings", {"start_red_after_months": 4}).status == 403,
           "department")
    r = pa.put(f"/api/v1/parks/{park}/project-settings", {"start_red_after_months": 3, "limit_days": {"signed": 180}})
    expect(r.status == 200, "restore defaults")
