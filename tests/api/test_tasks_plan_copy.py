"""Copying a plan of the management loop (issue 19) to a new year: who may copy and edit a plan, bad
input (422 naming the field, nothing written), 409 for a year the park has, the copy's tasks, units and
items (dates shifted by the year difference, no reports), audit rows, and GET /api/v1/tasks answering
the current plan exactly as before."""
import datetime


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def plans(api):
    return api.as_user("parkadmin").get("/api/v1/task-plans").json()["items"]


def plan_2023(api):
    return [p for p in plans(api) if p["year"] == 2023][0]


def shift(text, years):
    d = datetime.date.fromisoformat(text)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February → 28 February
        return d.replace(year=d.year + years, day=28).isoformat()


def test_copy_refusals_and_bad_input(api):
    p = plan_2023(api)
    url = f"/api/v1/task-plans/{p['id']}/copy"
    year = datetime.date.today().year + 2
    before = len(plans(api))
    for user in ("gxj", "leader", "qiye"):
        r = api.as_user(user).post(url, {"year": year})
        expect(r.status == 403, f"{user} may not copy a plan: {r.status} {r.body[:200]!r}")
    # A park admin of another park does not see the plan.
    admin = api.as_user("admin")
    other = admin.post("/api/v1/parks", {"name": "计划复制测试园"}).json()["id"]
    r = admin.post("/api/v1/users", {"username": "plan_other_pa", "password": "Other@2023plan", "role": "park_admin",
                                     "park_id": other})
    expect(r.status == 201, f"other park admin: {r.status} {r.body[:200]!r}")
    stranger = api.as_user("plan_other_pa", "Other@2023plan")
    expect(stranger.post(url, {"year": year}).status == 404, "another park's admin: 404")
    expect(stranger.patch(f"/api/v1/task-plans/{p['id']}", {"title": "x"}).status == 404, "another park: no edit")
    pa = api.as_user("parkadmin")
    for body in ({}, {"year": "2025"}, {"year": 1999}, {"year": 2101}, {"year": 2023}, {"year": 2.5}):
        r = pa.post(url, body)
        expect(r.status == 422 and "year" in fields(r), f"{body}: {r.status} {r.body[:200]!r}")
    r = pa.post(url, {"year": year, "title": ""})
    expect(r.status == 422 and "title" in fields(r), f"empty title: {r.status} {r.body[:200]!r}")
    expect(pa.post("/api/v1/task-plans/999999/copy", {"year": year}).status == 404, "unknown plan")
    expect(len(plans(api)) == before, "nothing written")


def test_copy_a_plan_to_a_new_year(api):
    pa = api.as_user("parkadmin")
    p = plan_2023(api)
    tasks_before = pa.get("/api/v1/tasks").json()["items"]
    items_before = pa.get("/api/v1/task-items").json()["items"]
    old_task_ids = {t["id"] for t in tasks_before}
    old_items = [i for i in items_before if i["task_id"] in old_task_ids]
    year = datetime.date.today().year + 1  # next year's plan: the 2023 plan stays current
    r = pa.post(f"/api/v1/task-plans/{p['id']}/copy", {"year": year, "doc_no": "华政办发〔演示〕1号"})
    expect(r.status == 201, f"copy: {r.status} {r.body[:300]!r}")
    new = r.json()
    expect(new["year"] == year and new["title"] == p["title"] and new["doc_no"] == "华政办发〔演示〕1号"
           and not new["is_current"], f"the copy: {new}")
    r = pa.post(f"/api/v1/task-plans/{p['id']}/copy", {"year": year})
    expect(r.status == 409, f"the park has a plan of {year}: {r.status}")

    listed = {q["year"]: q for q in plans(api)}
    expect(listed[2023]["is_current"] and not listed[year]["is_current"], f"2023 stays current: {listed}")
    # GET /api/v1/tasks answers exactly as before (the current plan).
    expect(pa.get("/api/v1/tasks").json()["items"] == tasks_before, "GET /api/v1/tasks unchanged")

    # The copy's items: same content and units, dates moved by the year difference, no reports.
    items_after = pa.get("/api/v1/task-items").json()["items"]
    copies = [i for i in items_after if i["task_id"] not in old_task_ids and i["id"] not in {x["id"] for x in items_before}]
    expect(len(copies) == len(old_items) and len(copies) > 0, f"{len(copies)} copies of {len(old_items)} items")
    diff = year - 2023
    # Items are copied in the order of their ids, so the n-th copy is the copy of the n-th original.
    for o, c in zip(sorted(old_items, key=lambda i: i["id"]), sorted(copies, key=lambda i: i["id"])):
        expect(c["content"] == o["content"] and c["task_no"] == o["task_no"] and c["weight"] == o["weight"],
               f"item {o['id']} copied as {c['id']}")
        expect(c["deadline"] == shift(o["deadline"], diff) and c["start"] == shift(o["start"], diff),
               f"dates shifted: {o['start']}..{o['deadline']} → {c['start']}..{c['deadline']}")
        expect(c["lead_units"] == o["lead_units"] and c["responsible_units"] == o["responsible_units"], "units copied")
        expect(c["link"] == o["link"] and c["target"] == o["target"] and c["frequency"] == o["frequency"],
               "target, link and frequency copied")
    reported = [o for o in old_items if pa.get(f"/api/v1/task-items/{o['id']}").json().get("reports")]
    expect(reported, "the 2023 plan has items with reports (demo)")
    o = sorted(old_items, key=lambda i: i["id"]).index(reported[0])
    one = sorted(copies, key=lambda i: i["id"])[o]
    detail = pa.get(f"/api/v1/task-items/{one['id']}").json()
    expect(detail["reports"] == [], f"no reports copied: {detail['reports']}")
    # The copied tasks are new rows (their numbers repeat in the new plan), with the same units.
    new_task_ids = {c["task_id"] for c in copies}
    expect(not (new_task_ids & old_task_ids), "new tasks")

    # Audit: the plan copy, each task and item created, by the park admin.
    admin = api.as_user("admin")
    rows = admin.get(f"/api/v1/audit?entity=task_plan&entity_id={new['id']}").json()["items"]
    expect(any(a["action"] == "copy" and a["username"] == "parkadmin" for a in rows), f"copy audited: {rows}")
    rows = admin.get(f"/api/v1/audit?entity=task_item&entity_id={one['id']}").json()["items"]
    expect(any(a["action"] == "create" for a in rows), f"copied item audited: {rows}")
    tid = sorted(new_task_ids)[0]
    rows = admin.get(f"/api/v1/audit?entity=task&entity_id={tid}").json()["items"]
    expect(any(a["action"] == "create" and str(a["after"]["plan_id"]) == str(new["id"]) for a in rows), f"task audited: {rows}")


def test_edit_a_plan(api):
    pa = api.as_user("parkadmin")
    year = datetime.date.today().year + 3
    p = plan_2023(api)
    r = pa.post(f"/api/v1/task-plans/{p['id']}/copy", {"year": year, "title": "待修改的计划（演示）"})
    expect(r.status == 201, f"copy: {r.status} {r.body[:200]!r}")
    pid = r.json()["id"]
    url = f"/api/v1/task-plans/{pid}"
    for user in ("gxj", "leader", "qiye"):
        expect(api.as_user(user).patch(url, {"title": "x"}).status == 403, f"{user} may not edit a plan")
    r = pa.patch(url, {"year": year + 1})
    expect(r.status == 422 and fields(r) == ["year"], f"the year is fixed: {r.status} {r.body[:200]!r}")
    r = pa.patch(url, {"doc_no": "x" * 101})
    expect(r.status == 422 and "doc_no" in fields(r), f"long doc_no: {r.status}")
    r = pa.patch(url, {"title": "新年度实施方案（演示）", "doc_no": "华政办发〔演示〕2号"})
    expect(r.status == 200 and r.json()["title"] == "新年度实施方案（演示）", f"edit: {r.status} {r.body[:200]!r}")
    got = [q for q in plans(api) if q["id"] == pid][0]
    expect(got["title"] == "新年度实施方案（演示）" and got["doc_no"] == "华政办发〔演示〕2号", f"saved: {got}")
    rows = api.as_user("admin").get(f"/api/v1/audit?entity=task_plan&entity_id={pid}").json()["items"]
    upd = [a for a in rows if a["action"] == "update"]
    expect(upd and upd[0]["before"]["title"] == "待修改的计划（演示）" and upd[0]["after"]["doc_no"] == "华政办发〔演示〕2号",
           f"before/after audited: {rows}")
    expect(pa.patch("/api/v1/task-plans/999999", {"title": "x"}).status == 404, "unknown plan")
