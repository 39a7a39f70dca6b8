"""English error messages: with `Accept-Language: en` every error message and detail message is
English (code and field unchanged); without it, or when the caller prefers Chinese, they are Chinese.
Covers a 422 with field details, 404, 403, 409 and the import row reports (project ledger,
monitoring, land, evaluation and enterprise report imports)."""
import re
import time

EN = {"Accept-Language": "en-US,en;q=0.9,zh-CN;q=0.8"}
ZH_PREFERRED = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def messages(body):
    """Every human message of an error body: error.message, details[].message, errors[].message."""
    err = body.get("error", {})
    return ([err.get("message", "")] + [d["message"] for d in err.get("details", [])] +
            [e["message"] for e in body.get("errors", [])])


def new_park(api, name):
    r = api.as_user("admin").post("/api/v1/parks", {"name": f"{name}{time.time_ns() % 10**9}"})
    expect(r.status == 201, f"create park: {r.status} {r.body!r}")
    return r.json()["id"]


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["parent_id"] is None and p["name"] == "华亭工业园区"][0]["id"]


def test_i18n_422_field_details_in_english_and_chinese(api):
    admin = api.as_user("admin")
    body = {"username": "a", "password": "short", "role": "nope"}
    en = admin.post("/api/v1/users", body, headers=EN)
    expect(en.status == 422, f"422: {en.status} {en.body[:300]!r}")
    e = en.json()["error"]
    expect(e["code"] == "validation_failed", f"code stays: {e['code']}")
    expect(e["message"] == "The user details are invalid", f"message: {e['message']}")
    details = {d["field"]: d["message"] for d in e["details"]}
    expect(details == {"username": "The username must be 3 to 32 characters long",
                       "password": "The password must have at least 10 characters",
                       "role": "Unknown role; use sysadmin, park_admin, department, enterprise or leader"},
           f"details: {details}")
    for headers in ({}, ZH_PREFERRED):
        zh = admin.post("/api/v1/users", body, headers=headers).json()["error"]
        expect(zh["message"] == "用户信息有误", f"Chinese by default: {zh['message']}")
        expect({d["field"]: d["message"] for d in zh["details"]}["username"] == "用户名长度应为 3 到 32 个字符",
               f"Chinese details: {zh['details']}")
    # A message with an embedded value: the template keeps the value.
    r = admin.get("/api/v1/audit?page_size=9999", headers=EN)
    expect(r.status == 422 and r.json()["error"]["details"][0]["message"] == "Must be an integer from 1 to 500",
           f"embedded value: {r.status} {r.body[:300]!r}")


def test_i18n_404_403_409_in_english(api):
    admin, gxj, leader = api.as_user("admin"), api.as_user("gxj"), api.as_user("leader")
    r = admin.get("/api/v1/no-such-thing", headers=EN)
    expect(r.status == 404 and r.json()["error"] == {"code": "not_found", "details": [],
                                                       "message": "No such API endpoint: /api/v1/no-such-thing",
                                                       "request_id": r.json()["error"]["request_id"]},
           f"404 route: {r.body[:300]!r}")
    r = admin.get("/api/v1/projects/999999", headers=EN)
    expect(r.status == 404 and r.json()["error"]["message"] == "The project does not exist or you have no access to it",
           f"404 domain: {r.status} {r.body[:300]!r}")
    expect(admin.get("/api/v1/projects/999999").json()["error"]["message"] == "项目不存在或无权访问", "404 in Chinese")
    r = gxj.get("/api/v1/audit", headers=EN)
    expect(r.status == 403 and r.json()["error"]["code"] == "forbidden" and
           r.json()["error"]["message"] == "Your role (department user) may not perform this operation",
           f"403 with the role name translated: {r.status} {r.body[:300]!r}")
    expect(gxj.get("/api/v1/audit").json()["error"]["message"] == "当前角色（部门用户）无权执行此操作", "403 in Chinese")
    r = leader.post("/api/v1/parks", {"name": "x"}, headers=EN)
    expect(r.status == 403 and not HAN.search(r.json()["error"]["message"]), f"403 leader: {r.body[:300]!r}")
    body = {"username": "parkadmin", "password": "Abcdef@12345", "role": "leader"}
    r = admin.post("/api/v1/users", body, headers=EN)
    expect(r.status == 409 and r.json()["error"]["code"] == "conflict" and
           r.json()["error"]["message"] == "The username is already taken" and
           r.json()["error"]["details"] == [{"field": "username", "message": "The username is already taken"}],
           f"409: {r.status} {r.body[:300]!r}")
    expect(admin.post("/api/v1/users", body).json()["error"]["message"] == "用户名已被占用", "409 in Chinese")
    # Refused before the dispatcher (body over the limit): still in the language asked for.
    big = '{"name":"' + "x" * (11 * 1024 * 1024) + '"}'
    r = admin.post("/api/v1/parks", raw_body=big, headers=EN)
    expect(r.status == 413 and r.json()["error"]["message"] == "The request body exceeds the size limit",
           f"413: {r.status} {r.body[:300]!r}")


LEDGER_HEADER = "项目名称,投资主体,性质,阶段,总投资（万元）,签约投资（万元）,计划年度,年度计划投资（万元）,计划签约日期,计划开工日期,实际签约日期\n"


def test_i18n_import_row_reports_in_english(api):
    admin = api.as_user("admin")
    park = new_park(api, "英文导入园区")
    bad = LEDGER_HEADER + ("导入项目甲,甲集团,新建,签约,abc,800,2023,300,2023-01-10,2023-04-15,2023-01-12\n"
                           "导入项目丙,丙集团,续建,开工,500,600,2023,100,2023-02-01,2023-01-01,\n")
    url = f"/api/v1/parks/{park}/project-ledger/import"
    r = admin.post(url, raw_body=bad.encode("utf-8"), headers={**EN, "Content-Type": "text/csv"})
    expect(r.status == 422, f"ledger: {r.status} {r.body[:300]!r}")
    e = r.json()["error"]
    expect(e["message"].startswith("Nothing was imported: "), f"ledger message: {e['message']}")
    details = {d["field"]: d["message"] for d in e["details"]}
    expect(details.get("rows[2].总投资（万元）") == "Row 2, column “Total investment (10,000 yuan)”: Must be a number (abc)",
           f"ledger row report: {details}")
    expect(details.get("rows[3].计划开工日期") ==
           "Row 3, column “planned construction start date”: The planned construction start date (2023-01-01) "
           "cannot be earlier than the planned signing date (2023-02-01)", f"nested stage names: {details}")
    zh = admin.post(url, raw_body=bad.encode("utf-8"), headers={"Content-Type": "text/csv"}).json()["error"]
    expect({d["field"]: d["message"] for d in zh["details"]}["rows[2].总投资（万元）"] == "第 2 行「总投资（万元）」：应为数字（abc）",
           f"Chinese row report: {zh['details']}")

    csv = "月份,固定资产投资(万元),output\r\n2023-01,100,-500\r\n2023-01,1,1\r\n"
    r = admin.post(f"/api/v1/parks/{park}/indicator-values/import?mode=month", raw_body=csv.encode("utf-8"),
                   headers={**EN, "Content-Type": "text/csv"})
    expect(r.status == 422, f"monitoring: {r.status} {r.body[:300]!r}")
    msgs = messages(r.json())
    expect("Row 2, column “output”: Must be a number not less than 0" in msgs, f"monitoring rows: {msgs}")
    expect(all(not HAN.search(m) for m in msgs), f"monitoring all English: {msgs}")

    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "EN-1"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}},
        {"type": "Feature", "properties": {}, "geometry": None}]}
    r = admin.post(f"/api/v1/parks/{park}/parcels/import", fc, headers=EN)
    expect(r.status == 422 and r.json()["error"]["message"].startswith("The import file has "), f"land: {r.body[:300]!r}")
    msgs = messages(r.json())
    expect("Too few points in the outer ring: at least 4 are needed (the first and last the same), found 3" in msgs,
           f"land ring: {msgs}")
    expect(all(not HAN.search(m) for m in msgs), f"land all English: {msgs}")

    scheme = {"groups": [{"code": "above_scale", "indicators": [{"code": "tax_per_mu", "weight": 60, "benchmark": 10}],
                          "classes": {"method": "percentile", "bounds": [20, 60, 95]}}]}
    expect(admin.put(f"/api/v1/parks/{park}/evaluation-schemes/2044", scheme).status == 200, "scheme")
    ev = "企业编号,企业名称,分组,用地面积（亩）,实缴税收（万元）\r\n9201,丙（测试）,规上,10,abc\r\n,丁,规上,1,1\r\n"
    r = admin.post(f"/api/v1/parks/{park}/evaluations/2044/inputs/import?source=tax_bureau", raw_body=ev.encode("utf-8"),
                   headers={**EN, "Content-Type": "text/csv"})
    expect(r.status == 422, f"evaluation: {r.status} {r.body[:300]!r}")
    msgs = messages(r.json())
    expect("Row 2, column “Taxes paid (10,000 yuan)”: Must be a number" in msgs and
           "Row 3, column “Enterprise ID”: Required" in msgs, f"evaluation rows: {msgs}")

    # The enterprise report import answers with its own row report (errors[] and error.details[]).
    top = demo_park(api)
    pa = api.as_user("parkadmin")
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    rows = "91620824MA9ZZZZZZ0,2023-05,1,1,1,1,1,1,1,1,,\n"
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n" + rows, headers=EN)
    expect(r.status == 422, f"report import: {r.status} {r.body[:300]!r}")
    body = r.json()
    want = "No enterprise in this park has the unified social credit code “91620824MA9ZZZZZZ0”"
    expect(body["errors"][0]["message"] == want and body["errors"][0]["column"] == "uscc", f"errors[]: {body['errors']}")
    expect(body["error"]["details"][0] == {"field": "rows[1].uscc", "message": want}, f"details: {body['error']}")
    expect(body["error"]["message"] == "Import failed with 1 error(s); nothing was imported", body["error"]["message"])
    zh = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n" + rows).json()
    expect(zh["errors"][0]["message"] == "本园区没有统一社会信用代码为“91620824MA9ZZZZZZ0”的企业", f"Chinese: {zh['errors']}")
    expect(zh["error"]["message"].startswith("导入失败"), zh["error"]["message"])


def test_i18n_report_check_messages_follow_the_language(api):
    # The report form's check (errors and warnings beside the fields) is in the caller's language too.
    from test_enterprises import new_uscc, park_ids, last_month
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "语言测试企业（演示）", "park_id": top, "industry_code": "2614"})
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    eid, period = r.json()["id"], last_month()
    until = "2099-12-31"
    expect(pa.post(f"/api/v1/enterprises/{eid}/reports/{period}/exception", {"until": until, "reason": "测试"}).status == 200,
           "exception")
    values = {"output": 100, "value_added": 150}  # value added above output, and required fields missing
    en = pa.put(f"/api/v1/enterprises/{eid}/reports/{period}", {"values": values}, headers=EN)
    expect(en.status == 200, f"save: {en.status} {en.body[:300]!r}")
    errs = [e["message"] for e in en.json()["check"]["errors"]]
    expect(errs and not any(HAN.search(m) for m in errs), f"English check messages: {errs}")
    expect(any("value added" in m.lower() for m in errs), f"the value-added rule: {errs}")
    zh = pa.get(f"/api/v1/enterprises/{eid}/reports/{period}").json()["check"]["errors"]
    expect(all(HAN.search(e["message"]) for e in zh), f"Chinese without the header: {zh}")
