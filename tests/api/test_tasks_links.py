"""Breakdown items linked to a cultivation pool (培育库) or a parcel (地块) of the task's park (issue 19):
the item's progress follows that data (pool members ÷ target; the parcel's stage), never typed figures;
bad links are 422 naming the field."""
import datetime


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["parent_id"] is None and p["name"] == "华亭工业园区"][0]["id"]


def task_id(api, no):
    return [t for t in api.as_user("parkadmin").get("/api/v1/tasks").json()["items"] if t["no"] == no][0]["id"]


def body(**kw):
    year = datetime.date.today().year
    b = {"content": "关联测试指标", "weight": 5, "lead_units": ["工业园区"], "responsible_units": ["工信局"],
         "start": f"{year}-01-01", "deadline": f"{year}-12-31", "frequency": "quarterly"}
    b.update(kw)
    return b


def test_item_linked_to_a_pool_follows_its_members(api):
    pa = api.as_user("parkadmin")
    park = demo_park(api)
    url = f"/api/v1/tasks/{task_id(api, 5)}/items"
    r = pa.post(url, body(link={"kind": "pool", "code": "nope"}, target={"value": 50, "unit": "户"}))
    expect(r.status == 422 and "link.code" in fields(r), f"unknown pool: {r.status} {r.body[:200]!r}")
    r = pa.post(url, body(link={"kind": "pool", "code": "reserve"}))
    expect(r.status == 422 and "target.value" in fields(r), f"a pool link needs a target: {r.status}")
    r = pa.post(url, body(link={"kind": "pools", "code": "reserve"}, target={"value": 50, "unit": "户"}))
    expect(r.status == 422 and "link.kind" in fields(r), f"unknown kind: {r.status}")
    # A pool of the live demo that still has candidates (which one depends on the demo's month).
    pools = {p["code"]: p for p in pa.get(f"/api/v1/parks/{park}/cultivation").json()["pools"]}
    code = next((c for c, p in pools.items() if p.get("candidates")), None)
    expect(code is not None, f"demo has pool candidates left: {list(pools)}")
    r = pa.post(url, body(link={"kind": "pool", "code": code}, target={"value": 50, "unit": "户"}))
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    item = r.json()
    before = item["current_value"]
    expect(item["progress_source"] == "pool" and before is not None, f"from the pool: {item}")
    cands = pools[code]["candidates"]
    r = pa.post(f"/api/v1/parks/{park}/cultivation/{code}/members", {"enterprise_id": cands[-1]["enterprise_id"]})
    expect(r.status == 201, f"accept: {r.status} {r.body[:200]!r}")
    got = pa.get(f"/api/v1/task-items/{item['id']}").json()
    expect(got["current_value"] == before + 1 and abs(got["progress_pct"] - (before + 1) / 50 * 100) < 1e-9,
           f"follows the pool: {before} → {got['current_value']}, {got['progress_pct']}")
    r = api.as_user("gxj").post(f"/api/v1/task-items/{item['id']}/reports", {"text": "填报", "value": 49})
    expect(r.status == 422 and "value" in fields(r), f"no typed figure on a linked item: {r.status}")


def test_item_linked_to_a_parcel_follows_its_stage(api):
    pa = api.as_user("parkadmin")
    park = demo_park(api)
    r = pa.post(f"/api/v1/parks/{park}/parcels", {"code": f"LOOP-{datetime.datetime.now().microsecond}",
                                                   "name": "关联测试地块（演示）", "area_mu": 20})
    expect(r.status == 201, f"parcel: {r.status} {r.body[:200]!r}")
    parcel = r.json()["id"]
    url = f"/api/v1/tasks/{task_id(api, 5)}/items"
    for code in ("999999", "abc"):
        r = pa.post(url, body(link={"kind": "parcel", "code": code}, milestone="地块投产"))
        expect(r.status == 422 and "link.code" in fields(r), f"unknown parcel {code}: {r.status}")
    r = pa.post(url, body(link={"kind": "parcel", "code": str(parcel)}, milestone="地块投产"))
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    iid = r.json()["id"]
    got = pa.get(f"/api/v1/task-items/{iid}").json()
    expect(got["progress_source"] == "parcel" and got["progress_pct"] == 0 and got["parcel_stage"] == "planned", f"{got}")
    r = pa.patch(f"/api/v1/parcels/{parcel}", {"approved": "2023-01-10", "supplied": "2023-03-01", "supply_kind": "transfer"})
    expect(r.status == 200, f"supplied: {r.status} {r.body[:200]!r}")
    got = pa.get(f"/api/v1/task-items/{iid}").json()
    expect(got["parcel_stage"] == "supplied" and abs(got["progress_pct"] - 40) < 1e-9, f"supplied: {got['progress_pct']}")
    r = pa.patch(f"/api/v1/parcels/{parcel}", {"actual_start": "2023-04-01", "completed": "2023-10-01",
                                               "production": "2023-12-01"})
    expect(r.status == 200, f"production: {r.status} {r.body[:200]!r}")
    got = pa.get(f"/api/v1/task-items/{iid}").json()
    expect(got["parcel_stage"] == "producing" and got["progress_pct"] == 100 and got["status"] == "completed", f"{got}")
    r = api.as_user("gxj").post(f"/api/v1/task-items/{iid}/reports", {"text": "已投产", "progress_pct": 10})
    expect(r.status in (201, 422), "a text report may be filed")
    expect(pa.get(f"/api/v1/task-items/{iid}").json()["progress_pct"] == 100, "typing does not move a linked item")
