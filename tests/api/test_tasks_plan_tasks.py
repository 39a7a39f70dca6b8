"""A plan's tasks (issue 19 item 1): edited one by one by the park's admins (who may, bad input naming
the field, duplicate numbers 409, a task with items cannot be deleted, audit before/after), and a new
year's plan imported from XLSX or CSV — all or nothing with row-by-row errors, the template, and the
export of a plan re-imported as another year giving the same tasks."""
import io
import urllib.parse

import openpyxl


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def plan_2023(pa):
    return [p for p in pa.get("/api/v1/task-plans").json()["items"] if p["year"] == 2023][0]


def test_tasks_of_a_plan_are_edited_by_park_admins(api):
    pa = api.as_user("parkadmin")
    plan = plan_2023(pa)
    url = f"/api/v1/task-plans/{plan['id']}/tasks"
    tasks = pa.get(url).json()["items"]
    expect(len(tasks) == 25 and tasks[0]["no"] == 1 and tasks[0]["lead_units"], f"the 25 tasks: {len(tasks)}")
    body = {"no": 26, "group": "六、保障措施", "title": "建立园区统计监测制度（测试）", "content": "按月监测",
            "lead_units": ["工业园区"], "responsible_units": ["工信局"]}
    for user in ("gxj", "leader", "qiye"):
        expect(api.as_user(user).post(url, body).status == 403, f"{user} may not add a task")
    for bad, field in ((dict(body, no=0), "no"), (dict(body, title=""), "title"),
                       (dict(body, lead_units=["火星办"]), "lead_units"), (dict(body, lead_units=[], responsible_units=[]), "lead_units"),
                       (dict(body, group=""), "group")):
        r = pa.post(url, bad)
        expect(r.status == 422 and field in fields(r), f"{field}: {r.status} {r.body[:200]!r}")
    expect(len(pa.get(url).json()["items"]) == 25, "nothing written")
    r = pa.post(url, dict(body, no=1))
    expect(r.status == 409 and fields(r) == ["no"], f"duplicate number: {r.status}")
    r = pa.post(url, body)
    expect(r.status == 201 and r.json()["no"] == 26 and r.json()["lead_units"] == ["工业园区"], r.body[:300])
    tid = r.json()["id"]
    turl = f"/api/v1/tasks/{tid}"
    expect(api.as_user("gxj").patch(turl, {"title": "x"}).status == 403, "departments may not edit tasks")
    r = pa.patch(turl, {"title": "建立园区统计监测制度（已改）", "responsible_units": ["工信局", "招商服务中心"]})
    expect(r.status == 200 and r.json()["responsible_units"] == ["工信局", "招商服务中心"]
           and r.json()["content"] == "按月监测", f"patched, others kept: {r.body[:300]!r}")
    expect(pa.patch(turl, {"no": 2}).status == 409, "renumbering onto another task")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=task&entity_id={tid}").json()["items"]
    upd = [a for a in audit if a["action"] == "update"]
    expect(upd and upd[0]["before"]["title"] == "建立园区统计监测制度（测试）"
           and upd[0]["after"]["responsible_unit_ids"] != upd[0]["before"]["responsible_unit_ids"], "audited")
    # GET /api/v1/tasks (the current plan) shows it; a task with items cannot be deleted.
    expect(any(t["no"] == 26 for t in pa.get("/api/v1/tasks").json()["items"]), "in the current plan")
    busy = next(t for t in pa.get("/api/v1/task-items").json()["items"])["task_id"]
    expect(pa.delete(f"/api/v1/tasks/{busy}").status == 409, "a task with items stays")
    expect(api.as_user("leader").delete(turl).status == 403, "leaders do not delete")
    expect(pa.delete(turl).status == 204 and pa.patch(turl, {"title": "x"}).status == 404, "deleted")
    expect(pa.delete("/api/v1/tasks/999999").status == 404, "unknown task")


def imp(year, title=None, doc_no=None):
    q = {"year": year}
    if title is not None:
        q["title"] = title
    if doc_no is not None:
        q["doc_no"] = doc_no
    return "/api/v1/task-plans/import?" + urllib.parse.urlencode(q)


HEADER = "任务序号,任务分组,任务名称,任务内容,牵头单位,责任单位,备注\n"


def test_plan_import_all_or_nothing_with_row_errors(api):
    pa = api.as_user("parkadmin")
    hdr = {"Content-Type": "text/csv"}
    good = ("1,一、招商引资,精准招商（导入测试）,驻点招商,招商服务中心,工信局、工业园区,\n"
            "2,一、招商引资,项目落地（导入测试）,,工业园区,,重点\n")
    bad = good + "2,二、要素保障,重复序号,,火星办,,\n,二、要素保障,,,工业园区,,\n"
    count = lambda: len(pa.get("/api/v1/task-plans").json()["items"])
    before = count()
    r = pa.request("POST", imp(2061, "测试计划"), raw_body=HEADER + bad, headers=hdr)
    expect(r.status == 422, f"bad rows: {r.status} {r.body[:300]!r}")
    f = fields(r)
    expect({"rows[4].no", "rows[4].lead_units", "rows[5].no", "rows[5].title"} <= set(f), f"named by row: {f}")
    expect(count() == before, "no plan created")
    r = pa.request("POST", imp(1999, "x"), raw_body=HEADER + good, headers=hdr)
    expect(r.status == 422 and "year" in fields(r), "year out of range")
    r = pa.request("POST", imp(2061), raw_body=HEADER + good, headers=hdr)
    expect(r.status == 422 and "title" in fields(r), "title required")
    r = api.as_user("gxj").request("POST", imp(2061, "x"), raw_body=HEADER + good,
                                   headers=hdr)
    expect(r.status == 403, "departments do not import plans")
    r = pa.request("POST", imp(2061, "2061年测试计划", "测〔2061〕1号"),
                   raw_body=HEADER + good, headers=hdr)
    expect(r.status == 201 and r.json()["year"] == 2061 and r.json()["tasks"] == 2, f"{r.status} {r.body[:300]!r}")
    tasks = pa.get(f"/api/v1/task-plans/{r.json()['id']}/tasks").json()["items"]
    expect([(t["no"], t["title"], t["responsible_units"]) for t in tasks] ==
           [(1, "精准招商（导入测试）", ["工信局", "工业园区"]), (2, "项目落地（导入测试）", [])], tasks)
    r = pa.request("POST", imp(2061, "again"), raw_body=HEADER + good, headers=hdr)
    expect(r.status == 409, "the park has 2061 already")


def test_plan_export_reimports_as_another_year(api):
    pa = api.as_user("parkadmin")
    plan = plan_2023(pa)
    r = pa.get(f"/api/v1/task-plans/{plan['id']}/export")
    expect(r.status == 200 and r.body[:2] == b"PK", "export is XLSX")
    wb = openpyxl.load_workbook(io.BytesIO(r.body))
    rows = [[c.value for c in row] for row in wb.active.iter_rows()]
    expect(any(row[:2] == ["任务序号", "任务分组"] for row in rows), "the template's header")
    r = pa.request("POST", imp(2062, "2062年计划（导出再导入）"), raw_body=r.body,
                   headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 201, f"re-import: {r.status} {r.body[:300]!r}")
    got = pa.get(f"/api/v1/task-plans/{r.json()['id']}/tasks").json()["items"]
    want = pa.get(f"/api/v1/task-plans/{plan['id']}/tasks").json()["items"]
    key = lambda t: (t["no"], t["group"], t["title"], t["content"], t["lead_units"], t["responsible_units"], t["note"])
    expect([key(t) for t in got] == [key(t) for t in want if t["no"] <= 25], "the same tasks")
    t = pa.get("/api/v1/task-plans/template")
    expect(t.status == 200 and t.body[:2] == b"PK", "template")
    expect(api.as_user("qiye").get("/api/v1/task-plans/template").status == 403, "not for enterprises")
