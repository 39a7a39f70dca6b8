"""The management loop (issue 19): breakdown items, progress reports and who may file them, computed
statuses, a linked item following its data, supervision (督办) with extension and return, leaders'
instructions, the annual assessment of units with both scoring methods, and audit rows."""
import datetime
import urllib.parse


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def today():
    return datetime.date.today()


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["parent_id"] is None and p["name"] == "华亭工业园区"][0]["id"]


def task_by_no(api, no):
    tasks = api.as_user("parkadmin").get("/api/v1/tasks").json()["items"]
    return [t for t in tasks if t["no"] == no][0]


def item_body(**kw):
    body = {"content": "测试考核指标", "target": {"value": 10, "unit": "户"}, "weight": 10,
            "lead_units": ["工业园区"], "responsible_units": ["招商服务中心"],
            "deadline": f"{today().year}-12-31", "frequency": "monthly"}
    body.update(kw)
    return body


def create_item(api, user="parkadmin", task_no=23, **kw):
    t = task_by_no(api, task_no)
    r = api.as_user(user).post(f"/api/v1/tasks/{t['id']}/items", item_body(**kw))
    expect(r.status == 201, f"create item: {r.status} {r.body[:300]!r}")
    return r.json()


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def test_tasks_list_unchanged_and_plans(api):
    r = api.as_user("gxj").get("/api/v1/tasks")
    expect(r.status == 200, f"tasks: {r.status}")
    items = r.json()["items"]
    expect(len(items) == 25 and all("id" in t and "no" in t for t in items), "25 tasks with id and no")
    plans = api.as_user("parkadmin").get("/api/v1/task-plans").json()["items"]
    expect(any(p["year"] == 2023 and p["doc_no"] == "华政办发〔2023〕52号" for p in plans), f"the 2023 plan: {plans}")
    expect(api.as_user("qiye").get("/api/v1/task-items").status == 403, "enterprise users see no task items")


def test_item_create_validation_and_who(api):
    t = task_by_no(api, 23)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/tasks/{t['id']}/items"
    before = pa.get(f"/api/v1/task-items?task_id={t['id']}").json()["total"]
    r = pa.post(url, item_body(responsible_units=["不存在的局"]))
    expect(r.status == 422 and fields(r) == ["responsible_units"], f"unknown unit: {r.status} {r.body[:200]!r}")
    r = pa.post(url, item_body(lead_units=["火星办"]))
    expect(r.status == 422 and fields(r) == ["lead_units"], "unknown lead unit")
    r = pa.post(url, item_body(deadline="2023-02-30"))
    expect(r.status == 422 and fields(r) == ["deadline"], f"bad date: {r.body[:200]!r}")
    r = pa.post(url, item_body(weight=-1))
    expect(r.status == 422 and "weight" in fields(r), f"negative weight: {r.body[:200]!r}")
    r = pa.post(url, item_body(frequency="weekly"))
    expect(r.status == 422 and fields(r) == ["frequency"], "bad frequency")
    expect(pa.get(f"/api/v1/task-items?task_id={t['id']}").json()["total"] == before, "nothing written on 422")
    # Task 23's lead unit is 工业园区: 工信局 (gxj) is not, so it may not add items; 招商服务中心 is
    # responsible, not lead: also refused. Leaders and enterprises are refused by role.
    expect(api.as_user("gxj").post(url, item_body()).status == 403, "another unit cannot add items")
    expect(api.as_user("zsfw").post(url, item_body()).status == 403, "a responsible unit cannot add items")
    expect(api.as_user("leader").post(url, item_body()).status == 403, "leader cannot add items")
    expect(api.as_user("qiye").post(url, item_body()).status == 403, "enterprise cannot add items")
    expect(pa.post("/api/v1/tasks/999999/items", item_body()).status == 404, "unknown task")
    # Task 3's lead units include 工信局: gxj may break it down.
    t3 = task_by_no(api, 3)
    r = api.as_user("gxj").post(f"/api/v1/tasks/{t3['id']}/items", item_body(responsible_units=["工信局"]))
    expect(r.status == 201 and r.json()["id"] > 0, f"lead unit adds an item: {r.status} {r.body[:200]!r}")
    item = r.json()
    expect(item["status"] == "not_started" and item["target"] == {"value": 10, "unit": "户"}, f"fresh item: {item}")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=task_item&entity_id={item['id']}").json()["items"]
    expect(len(audit) == 1 and audit[0]["username"] == "gxj", f"audit row: {audit}")


def test_reports_only_by_the_items_units(api):
    item = create_item(api)  # responsible 招商服务中心, lead 工业园区
    url = f"/api/v1/task-items/{item['id']}/reports"
    r = api.as_user("gxj").post(url, {"text": "工信局试图报送", "value": 3})
    expect(r.status == 403, f"another unit's item: {r.status}")
    expect(api.as_user("leader").post(url, {"text": "x"}).status == 403, "leader cannot report")
    expect(api.as_user("qiye").post(url, {"text": "x"}).status == 403, "enterprise cannot report")
    r = api.as_user("zsfw").post(url, {"text": ""})
    expect(r.status == 422 and fields(r) == ["text"], "text required")
    r = api.as_user("zsfw").post(url, {"text": "已签约2户", "value": "many"})
    expect(r.status == 422 and fields(r) == ["value"], "value must be a number")
    r = api.as_user("zsfw").post(url, {"text": "已签约4户", "value": 4})
    expect(r.status == 201 and r.json()["unit"] == "招商服务中心", f"report: {r.status} {r.body[:200]!r}")
    rep = r.json()
    got = api.as_user("gxj").get(f"/api/v1/task-items/{item['id']}").json()
    expect(abs(got["progress_pct"] - 40) < 1e-9 and got["progress_source"] == "report", f"progress: {got}")
    expect(len(got["reports"]) == 1, "the report is in the ledger")
    # The lead unit's user (park admin here, unit 工业园区) returns it with a comment.
    r = api.as_user("zsfw").post(f"/api/v1/task-reports/{rep['id']}/review", {"decision": "return", "comment": "x"})
    expect(r.status == 403, "the reporting unit cannot review itself")
    r = api.as_user("parkadmin").post(f"/api/v1/task-reports/{rep['id']}/review", {"decision": "return"})
    expect(r.status == 422 and fields(r) == ["comment"], "return needs a comment")
    r = api.as_user("parkadmin").post(f"/api/v1/task-reports/{rep['id']}/review",
                                      {"decision": "return", "comment": "请附佐证材料"})
    expect(r.status == 200 and r.json()["state"] == "returned", f"returned: {r.body[:200]!r}")
    got = api.as_user("zsfw").get(f"/api/v1/task-items/{item['id']}").json()
    expect(got["progress_pct"] is None and got["returned_reports"] == 1, f"a returned report does not count: {got}")
    q = api.as_user("zsfw").get("/api/v1/my-queue").json()
    expect(any(r["id"] == rep["id"] for r in q["returned"]), "returned report in the unit's queue")
    expect(q["counts"]["returned"] >= 1 and q["unit"] == "招商服务中心", f"queue counts: {q['counts']}")
    # Full completion.
    r = api.as_user("zsfw").post(url, {"text": "完成10户", "value": 10})
    expect(r.status == 201, "second report")
    got = api.as_user("zsfw").get(f"/api/v1/task-items/{item['id']}").json()
    expect(got["status"] == "completed", f"completed: {got['status']} {got['status_reason']}")


def test_status_past_deadline_and_missed_periods(api):
    y = today() - datetime.timedelta(days=1)
    start = (today() - datetime.timedelta(days=120)).isoformat()
    item = create_item(api, start=start, deadline=y.isoformat())
    expect(item["status"] == "behind" and item["overdue"], f"past deadline: {item}")
    expect("截止日期" in item["status_reason"], f"reason shown: {item['status_reason']}")
    expect(len(item["missed_periods"]) >= 3, f"months never reported flagged: {item['missed_periods']}")
    q = api.as_user("zsfw").get("/api/v1/my-queue").json()
    expect(any(i["id"] == item["id"] for i in q["overdue"]), "overdue item in the queue")
    filtered = api.as_user("parkadmin").get("/api/v1/task-items?status=behind&unit=" + urllib.parse.quote("招商服务中心")).json()
    expect(any(i["id"] == item["id"] for i in filtered["items"]), "filter by unit and status")
    expect(api.as_user("parkadmin").get("/api/v1/task-items?status=late").status == 422, "unknown status filter")


def test_linked_item_follows_its_data(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/parks", {"name": "任务联动测试园区"})
    expect(r.status == 201, f"park: {r.status}")
    pid = r.json()["id"]
    url = f"/api/v1/parks/{pid}/indicator-values"
    expect(admin.put(url, {"period": "2019-01", "values": {"new_above_scale": 2}}).status == 200, "value")
    for step in ("submit", "approve"):
        expect(admin.post(f"/api/v1/parks/{pid}/monitoring/months/2019-01/{step}").status == 200, step)
    t = task_by_no(api, 12)
    body = item_body(content="新增规上企业5户", target={"value": 5, "unit": "户"}, start="2019-01-01",
                     deadline="2019-12-31", link={"kind": "indicator", "code": "new_above_scale", "park_id": pid})
    r = admin.post(f"/api/v1/tasks/{t['id']}/items", dict(body, link={"kind": "indicator", "code": "nope"}))
    expect(r.status == 422 and fields(r) == ["link.code"], f"unknown indicator: {r.body[:200]!r}")
    r = admin.post(f"/api/v1/tasks/{t['id']}/items", body)
    expect(r.status == 201, f"linked item: {r.status} {r.body[:300]!r}")
    item = r.json()
    expect(abs(item["progress_pct"] - 40) < 1e-9 and item["progress_source"] == "indicator", f"40%: {item}")
    # Typing a figure on a linked item is refused.
    r = api.as_user("zsfw").post(f"/api/v1/task-items/{item['id']}/reports", {"text": "填报5户", "value": 5})
    expect(r.status == 422 and fields(r) == ["value"], "no typed figures on a linked item")
    # The data moves, the item follows.
    expect(admin.put(url, {"period": "2019-02", "values": {"new_above_scale": 3}}).status == 200, "feb value")
    item = admin.get(f"/api/v1/task-items/{item['id']}").json()
    expect(abs(item["progress_pct"] - 40) < 1e-9, "an unapproved month does not count")
    for step in ("submit", "approve"):
        expect(admin.post(f"/api/v1/parks/{pid}/monitoring/months/2019-02/{step}").status == 200, step)
    item = admin.get(f"/api/v1/task-items/{item['id']}").json()
    expect(abs(item["progress_pct"] - 100) < 1e-9 and item["status"] == "completed", f"follows the data: {item}")


def test_supervision_flow_extension_and_return(api):
    pa, zs, gx = api.as_user("parkadmin"), api.as_user("zsfw"), api.as_user("gxj")
    deadline = (today() + datetime.timedelta(days=10)).isoformat()
    r = pa.post("/api/v1/supervision", {"title": "督办：加快项目签约", "units": ["火星办"], "deadline": deadline})
    expect(r.status == 422 and fields(r) == ["units"], "unknown unit")
    r = pa.post("/api/v1/supervision", {"title": "督办", "units": ["招商服务中心"], "deadline": "2023-13-01"})
    expect(r.status == 422 and fields(r) == ["deadline"], "bad deadline")
    expect(zs.post("/api/v1/supervision", {"title": "x", "units": ["招商服务中心"], "deadline": deadline}).status == 403,
           "a department cannot issue")
    r = pa.post("/api/v1/supervision", {"title": "督办：加快项目签约", "units": ["招商服务中心"], "deadline": deadline,
                                        "source": {"kind": "meeting", "text": "经济运行调度会决定"}})
    expect(r.status == 201 and r.json()["id"] > 0, f"issue: {r.status} {r.body[:200]!r}")
    sup = r.json()
    sid = sup["id"]
    expect(sup["no"].startswith("督办〔") and sup["light"] == "green", f"numbered, green: {sup}")
    base = f"/api/v1/supervision/{sid}"
    expect(gx.post(base + "/done", {"text": "不是我的"}).status == 403, "unassigned unit cannot report done")
    expect(api.as_user("leader").post(base + "/done", {"text": "x"}).status == 403, "leader cannot report done")
    r = zs.post(base + "/receive", {})
    expect(r.status == 200 and r.json()["units"][0]["received_at"], "signed for, time kept")
    r = zs.post(base + "/assign", {"assignee": "张科长"})
    expect(r.status == 200 and r.json()["units"][0]["assignee"] == "张科长", "passed to staff")
    # Extension: must be later than the deadline, with a reason; the issuer decides.
    r = zs.post(base + "/extension", {"reason": "等待审批", "deadline": deadline})
    expect(r.status == 422 and fields(r) == ["deadline"], "extension must be later")
    new_deadline = (today() + datetime.timedelta(days=20)).isoformat()
    r = zs.post(base + "/extension", {"reason": "等待省级审批", "deadline": new_deadline})
    expect(r.status == 200 and r.json()["extension"]["deadline"] == new_deadline, f"requested: {r.body[:200]!r}")
    expect(zs.post(base + "/extension", {"reason": "再延", "deadline": new_deadline}).status == 409, "one pending")
    expect(zs.post(base + "/extension/decision", {"approve": True}).status == 403, "unit cannot approve")
    r = pa.post(base + "/extension/decision", {"approve": True})
    expect(r.status == 200 and r.json()["deadline"] == new_deadline and r.json()["extension"] is None, "approved")
    # Done → returned → done → confirmed (销号).
    expect(pa.post(base + "/confirm", {}).status == 409, "nothing to confirm yet")
    r = zs.post(base + "/done", {"text": "已签约落地", "evidence": "合同扫描件"})
    expect(r.status == 200 and r.json()["units"][0]["state"] == "done", "done")
    expect(zs.post(base + "/confirm", {}).status == 403, "the unit cannot confirm its own work")
    r = pa.post(base + "/return", {})
    expect(r.status == 422 and fields(r) == ["reason"], "return needs a reason")
    r = pa.post(base + "/return", {"reason": "缺少合同"})
    expect(r.status == 200 and r.json()["units"][0]["state"] == "returned", "returned")
    r = zs.post(base + "/done", {"text": "补充合同", "evidence": "合同"})
    expect(r.status == 200, "done again")
    r = pa.post(base + "/confirm", {})
    expect(r.status == 200 and r.json()["state"] == "closed" and r.json()["closed_at"], "closed")
    kinds = [e["kind"] for e in r.json()["events"]]
    expect(kinds == ["issue", "receive", "assign", "extension", "extension_approve", "done", "return", "done",
                     "confirm"], f"every step with its time: {kinds}")
    expect(all(e["at"] for e in r.json()["events"]), "times shown")
    expect(zs.post(base + "/progress", {"text": "x"}).status == 409, "closed order takes no more steps")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=supervision_unit").json()["items"]
    expect(any(a["entity_id"].startswith(f"{sid}/") and a["action"] == "done" for a in audit), "audited")
    # A refused extension keeps the deadline.
    r = pa.post("/api/v1/supervision", {"title": "督办：拒绝延期", "units": ["招商服务中心", "工信局"], "deadline": deadline})
    sid2 = r.json()["id"]
    zs.post(f"/api/v1/supervision/{sid2}/extension", {"reason": "r", "deadline": new_deadline})
    r = pa.post(f"/api/v1/supervision/{sid2}/extension/decision", {"approve": False, "comment": "不同意"})
    expect(r.status == 200 and r.json()["deadline"] == deadline, "refused keeps the deadline")
    q = gx.get("/api/v1/my-queue").json()
    expect(any(s["id"] == sid2 for s in q["supervision"]), "assigned 督办 in the queue")


def test_leader_instruction_becomes_a_source(api):
    leader = api.as_user("leader")
    r = leader.post("/api/v1/instructions", {"target": {"kind": "project", "id": 1}, "text": "请加快推进"})
    expect(r.status == 201, f"leader instruction: {r.status} {r.body[:200]!r}")
    ins = r.json()
    r = leader.post("/api/v1/instructions", {"target": {"kind": "poem", "id": 1}, "text": "x"})
    expect(r.status == 422 and fields(r) == ["target.kind"], "bad target kind")
    expect(api.as_user("zsfw").post("/api/v1/instructions", {"target": {"kind": "project", "id": 1}, "text": "x"})
           .status == 403, "a department user does not write 批示")
    expect(leader.post("/api/v1/supervision", {"title": "x", "units": ["工信局"], "deadline": "2030-01-01"}).status == 403,
           "leaders write nothing else")
    r = api.as_user("parkadmin").post("/api/v1/supervision", {
        "title": "落实领导批示", "units": ["工信局"], "deadline": "2030-01-01",
        "source": {"kind": "instruction", "id": ins["id"], "text": ins["text"]}})
    expect(r.status == 201 and r.json()["source"]["kind"] == "instruction", "instruction as a source")


def test_assessment_both_methods_bonus_and_publication(api):
    year = 2031  # a year no demo item falls in
    dl = f"{year}-12-31"
    pa = api.as_user("parkadmin")
    a = create_item(api, deadline=dl, weight=10, responsible_units=["招商服务中心"])
    b = create_item(api, task_no=3, deadline=dl, weight=20, target={"value": 20, "unit": "户"},
                    lead_units=["工信局"], responsible_units=["工信局"])
    expect(api.as_user("zsfw").post(f"/api/v1/task-items/{a['id']}/reports", {"text": "5户", "value": 5}).status == 201,
           "report a")
    expect(api.as_user("gxj").post(f"/api/v1/task-items/{b['id']}/reports", {"text": "30户", "value": 30}).status == 201,
           "report b")
    r = api.as_user("gxj").get(f"/api/v1/assessment/{year}")
    expect(r.status == 200, f"assessment: {r.status} {r.body[:200]!r}")
    units = {u["unit"]: u for u in r.json()["units"]}
    # 完成率 × 分值: 招商 0.5 × 10 = 5; 工信局 min(1.5, 1) × 20 = 20.
    expect(abs(units["招商服务中心"]["score"] - 5) < 1e-9 and abs(units["工信局"]["score"] - 20) < 1e-9, f"{units}")
    expect(units["工信局"]["rank"] == 1 and units["招商服务中心"]["rank"] == 2, "ranking")
    expect(units["工信局"]["items"][0]["completion_pct"] == 100, "completion capped at 100%")
    r = pa.put(f"/api/v1/assessment/{year}/settings", {"method": "efficacy", "efficacy_worst": 100})
    expect(r.status == 422 and fields(r) == ["efficacy_worst"], "worst below best")
    expect(api.as_user("gxj").put(f"/api/v1/assessment/{year}/settings", {"method": "efficacy"}).status == 403,
           "departments do not set the method")
    expect(pa.put(f"/api/v1/assessment/{year}/settings", {"method": "efficacy"}).status == 200, "efficacy")
    r = pa.post(f"/api/v1/assessment/{year}/bonuses", {"unit": "招商服务中心", "points": 3, "reason": "省级表彰",
                                                       "evidence": "表彰文件"})
    expect(r.status == 201, f"bonus: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/assessment/{year}/bonuses", {"unit": "招商服务中心", "points": 3, "reason": "x"})
    expect(r.status == 422 and fields(r) == ["evidence"], "a bonus needs evidence")
    units = {u["unit"]: u for u in pa.get(f"/api/v1/assessment/{year}").json()["units"]}
    # 功效系数: best (工信局, rate 100%) = 100, worst (招商, 50%) = 60, +3 bonus → 63.
    expect(abs(units["工信局"]["score"] - 100) < 1e-9 and abs(units["招商服务中心"]["score"] - 63) < 1e-9, f"{units}")
    expect(api.as_user("gxj").post(f"/api/v1/assessment/{year}/publish").status == 403, "departments do not publish")
    r = pa.post(f"/api/v1/assessment/{year}/publish")
    expect(r.status == 200 and r.json()["published"], "published")
    expect(pa.post(f"/api/v1/assessment/{year}/publish").status == 409, "published once")
    # Frozen: a new report does not change the published result.
    api.as_user("zsfw").post(f"/api/v1/task-items/{a['id']}/reports", {"text": "10户", "value": 10})
    after = {u["unit"]: u for u in pa.get(f"/api/v1/assessment/{year}").json()["units"]}
    expect(abs(after["招商服务中心"]["score"] - 63) < 1e-9, "frozen after publication")
    expect(pa.put(f"/api/v1/assessment/{year}/settings", {"method": "completion"}).status == 409, "settings frozen")
    r = pa.get(f"/api/v1/assessment/{year}/export")
    expect(r.status == 200 and r.body[:2] == b"PK", "score sheet XLSX")
    expect(api.as_user("qiye").get(f"/api/v1/assessment/{year}").status == 403, "enterprises refused")


def test_meeting_decisions_become_supervision_and_minutes_docx(api):
    import io
    import zipfile
    pa = api.as_user("parkadmin")
    body = {"title": "2026年第1次经济运行调度会", "held_on": "2026-01-15", "chair": "园区主任",
            "units": ["工信局", "招商服务中心"], "agenda": "通报经济运行情况\n研究滞后事项"}
    r = pa.post("/api/v1/meetings", dict(body, held_on="2026-02-30"))
    expect(r.status == 422 and fields(r) == ["held_on"], "bad date")
    r = pa.post("/api/v1/meetings", dict(body, units=["火星办"]))
    expect(r.status == 422 and fields(r) == ["units"], "unknown unit")
    expect(api.as_user("zsfw").post("/api/v1/meetings", body).status == 403, "departments do not call meetings")
    r = pa.post("/api/v1/meetings", body)
    expect(r.status == 201, f"meeting: {r.status} {r.body[:200]!r}")
    mid = r.json()["id"]
    agenda = pa.get("/api/v1/meeting-agenda").json()
    expect("behind_items" in agenda and "overdue_supervision" in agenda, "agenda suggestions")
    # It pulls in the latest month's monitoring warnings and today's red projects, the same ones the
    # dashboard and the project lights show.
    park = agenda["park_id"]
    latest = pa.get(f"/api/v1/parks/{park}/monitoring/latest").json()["period"]
    dash = pa.get(f"/api/v1/parks/{park}/dashboard?period={latest}").json()
    expect([w["message"] for w in agenda["warnings"]] == [w["message"] for w in dash["warnings"]],
           "agenda warnings = the dashboard's warnings of the latest month")
    expect(len(agenda["warnings"]) > 0, "the demo's latest month has warnings")
    lights = pa.get(f"/api/v1/parks/{park}/project-lights?date={today().isoformat()}").json()["items"]
    red = {l["project_id"] for l in lights if "red" in (l["start"]["light"], l["progress"]["light"])}
    expect({p["id"] for p in agenda["red_projects"]} == red, "agenda red projects = today's red lights")
    expect(all(p["name"] for p in agenda["red_projects"]), "red projects by name")
    deadline = (today() + datetime.timedelta(days=30)).isoformat()
    r = api.as_user("gxj").post(f"/api/v1/meetings/{mid}/decisions", {"title": "x", "units": ["工信局"], "deadline": deadline})
    expect(r.status == 403, "departments do not decide")
    r = pa.post(f"/api/v1/meetings/{mid}/decisions", {"title": "加快入规企业培育", "units": ["工信局"], "deadline": deadline})
    expect(r.status == 201 and r.json()["source"]["kind"] == "meeting" and r.json()["source"]["id"] == str(mid),
           f"decision as 督办: {r.body[:200]!r}")
    m = api.as_user("leader").get(f"/api/v1/meetings/{mid}").json()
    expect(len(m["decisions"]) == 1 and m["decisions"][0]["title"] == "加快入规企业培育", "decision tracked")
    r = api.as_user("gxj").get(f"/api/v1/meetings/{mid}/minutes.docx")
    expect(r.status == 200 and r.body[:2] == b"PK", f"docx: {r.status}")
    z = zipfile.ZipFile(io.BytesIO(r.body))
    expect(set(z.namelist()) >= {"[Content_Types].xml", "_rels/.rels", "word/document.xml"}, "docx parts")
    doc = z.read("word/document.xml").decode("utf-8")
    expect("经济运行调度会纪要" in doc and "加快入规企业培育" in doc and "研究滞后事项" in doc, "minutes content")
    expect(api.as_user("qiye").get(f"/api/v1/meetings/{mid}").status == 403, "enterprises refused")
    expect(pa.get("/api/v1/meetings/999999").status == 404, "unknown meeting")


def test_breakdown_import_all_or_nothing(api):
    pa = api.as_user("parkadmin")
    header = "任务序号,考核指标,目标值,单位,节点目标,分值,牵头单位,责任单位,截止日期,报送频次,佐证材料\n"
    good = ("22,导入测试：项目储备20个,20,个,,6,工业园区,工信局、工业园区,2032-12-31,每季度,储备库名单\n"
            "25,导入测试：应急池建成,,,建成投用,4,工业园区,应急管理局,2032-06-30,一次性,验收报告\n")
    bad = good + "25,导入测试：坏行,,,,5,工业园区,火星办,2032-13-01,每周,\n"
    count = lambda: len([i for i in pa.get("/api/v1/task-items").json()["items"] if i["content"].startswith("导入测试")])
    before = count()
    hdr = {"Content-Type": "text/csv"}
    r = pa.request("POST", "/api/v1/task-items/import", raw_body=header + bad, headers=hdr)
    expect(r.status == 422, f"bad rows: {r.status} {r.body[:300]!r}")
    f = fields(r)
    expect("rows[4].responsible_units" in f and "rows[4].deadline" in f and "rows[4].frequency" in f, f"named: {f}")
    expect(count() == before, "nothing imported when a row is bad")
    expect(api.as_user("gxj").request("POST", "/api/v1/task-items/import", raw_body=header + good, headers=hdr)
           .status == 403, "departments do not import")
    r = pa.request("POST", "/api/v1/task-items/import", raw_body=header + good, headers=hdr)
    expect(r.status == 200 and r.json()["created"] == 2, f"imported: {r.status} {r.body[:300]!r}")
    expect(count() == before + 2, "two items")
    r = pa.get("/api/v1/task-items/template")
    expect(r.status == 200 and r.body[:2] == b"PK", "template")
    r = pa.get("/api/v1/task-items/export")
    expect(r.status == 200 and r.body[:2] == b"PK", "export")


def test_item_update_delete_and_not_found(api):
    item = create_item(api, content="待修改的指标")
    url = f"/api/v1/task-items/{item['id']}"
    body = item_body(content="已修改的指标", weight=12)
    expect(api.as_user("zsfw").patch(url, body).status == 403, "a responsible unit cannot edit the breakdown")
    expect(api.as_user("leader").patch(url, body).status == 403, "leaders cannot edit")
    r = api.as_user("parkadmin").patch(url, dict(body, weight=-3))
    expect(r.status == 422 and "weight" in fields(r), "negative weight on update")
    r = api.as_user("parkadmin").patch(url, body)
    expect(r.status == 200 and r.json()["content"] == "已修改的指标" and r.json()["weight"] == 12, f"updated: {r.body[:200]!r}")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=task_item&entity_id={item['id']}").json()["items"]
    expect(any(a["action"] == "update" and a["before"]["content"] == "待修改的指标" for a in audit), "before/after audited")
    expect(api.as_user("gxj").delete(url).status == 403, "departments do not delete")
    expect(api.as_user("parkadmin").delete(url).status == 204, "deleted")
    expect(api.as_user("parkadmin").get(url).status == 404, "gone")
    expect(api.as_user("parkadmin").get("/api/v1/supervision/999999").status == 404, "unknown 督办")
    expect(api.as_user("parkadmin").post("/api/v1/task-reports/999999/review", {"decision": "accept"}).status == 404,
           "unknown report")
    expect(api.as_user("zsfw").post("/api/v1/task-items/999999/reports", {"text": "x"}).status == 404, "unknown item")
    # A department user of a unit serving no park sees nothing of this park.
    r = api.as_user("admin").post("/api/v1/parks", {"name": "另一个园区（任务测试）"})
    other = r.json()["id"]
    expect(api.as_user("gxj").get(f"/api/v1/task-items?park_id={other}").status == 404, "a park outside the scope is 404")


def test_item_linked_to_a_project_follows_its_investment(api):
    admin = api.as_user("admin")
    park = demo_park(api)
    body = {"park_id": park, "name": "任务联动测试项目", "kind": "new", "total_investment": 10000,
            "contracted_investment": 8000, "annual_plans": [{"year": 2023, "planned_investment": 1200}],
            "planned": {"signed": "2023-01-10", "landed": "2023-02-28", "started": "2023-04-15"}}
    r = admin.post("/api/v1/projects", body)
    expect(r.status == 201, f"project: {r.status} {r.body[:200]!r}")
    pid = r.json()["id"]
    expect(admin.post(f"/api/v1/projects/{pid}/stage", {"stage": "started", "date": "2023-04-10"}).status == 200, "start")
    expect(admin.put(f"/api/v1/projects/{pid}/investment", {"period": "2023-04", "completed": 300, "funds_in_place": 0})
           .status == 200, "april investment")
    t = task_by_no(api, 24)
    item = item_body(content="项目年度投资完成1200万元", target={"value": 1200, "unit": "万元"}, deadline="2023-12-31",
                     start="2023-01-01", link={"kind": "project", "code": "999999"})
    r = admin.post(f"/api/v1/tasks/{t['id']}/items", item)
    expect(r.status == 422 and fields(r) == ["link.code"], f"unknown project: {r.body[:200]!r}")
    r = admin.post(f"/api/v1/tasks/{t['id']}/items", dict(item, link={"kind": "warehouse", "code": "1"}))
    expect(r.status == 422 and fields(r) == ["link.kind"], "unsupported link kind")
    r = admin.post(f"/api/v1/tasks/{t['id']}/items", dict(item, link={"kind": "project", "code": str(pid)}))
    expect(r.status == 201, f"linked: {r.status} {r.body[:200]!r}")
    got = r.json()
    expect(abs(got["progress_pct"] - 25) < 1e-9 and got["progress_source"] == "project", f"25%: {got}")
    admin.put(f"/api/v1/projects/{pid}/investment", {"period": "2023-05", "completed": 900, "funds_in_place": 0})
    got = admin.get(f"/api/v1/task-items/{got['id']}").json()
    expect(abs(got["progress_pct"] - 100) < 1e-9 and got["status"] == "completed", f"follows the project: {got}")
