"""Briefings, notifications and scheduled jobs (issue 12): the contract endpoints, the numbers equal
the monitoring API's, the DOCX opens in python-docx and converts to PDF with LibreOffice, issued
briefings are frozen, 催报 reaches a late firm's user once, jobs rerun without duplicating work."""
import datetime
from decimal import Decimal, ROUND_HALF_UP
import io
import os
import shutil
import subprocess
import tempfile
import time
import zipfile


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]


def new_park(api, name):
    r = api.as_user("admin").post("/api/v1/parks", {"name": f"{name}{time.time_ns() % 10**9}"})
    expect(r.status == 201, f"create park: {r.status} {r.body!r}")
    return r.json()["id"]


def half_up(v, places):
    """The server's rounding: half away from zero after dropping binary noise (6 decimals)."""
    d = Decimal(repr(v)).quantize(Decimal("0.000001"), ROUND_HALF_UP)
    return str(d.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def yi(v):
    return half_up(v / 10000, 2) + "亿元"


def docx_text(data):
    try:
        import docx  # python3-docx (Debian package)
    except ImportError:  # a python3 other than Debian's (pyenv …): use Debian's package directory
        import sys
        sys.path.append("/usr/lib/python3/dist-packages")
        import docx
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return text, cells, d


def test_briefing_numbers_equal_the_monitoring_api_and_docx_opens(api):
    park = demo_park(api)
    pa = api.as_user("parkadmin")
    r = pa.post(f"/api/v1/parks/{park['id']}/briefings", {"period": "2023-06"})
    expect(r.status == 201, f"create: {r.status} {r.body[:300]!r}")
    b = r.json()
    expect(isinstance(b["id"], int) and b["state"] == "draft" and b["period"] == "2023-06", f"briefing: {b.get('state')}")
    mon = {i["code"]: i for i in pa.get(f"/api/v1/parks/{park['id']}/monitoring?period=2023-06").json()["indicators"]}
    figs = b["figures"]
    for code in ("output", "value_added", "sales", "fai"):
        for key in ("ytd", "yoy_pct", "completion_pct", "gap", "month"):
            api_v, br_v = mon[code][key], figs[f"{code}.{key}"]["value"]
            expect((api_v is None and br_v is None) or abs(api_v - br_v) < 1e-6, f"{code}.{key}: api {api_v} briefing {br_v}")
        expect("monitoring?period=2023-06" in figs[f"{code}.ytd"]["source"], "each figure names its query")
    sentence = [s for sec in b["sections"] for s in sec["sentences"] if s["id"] == "industry.output"][0]
    expect(yi(mon["output"]["ytd"]) in sentence["text"], f"{yi(mon['output']['ytd'])} in {sentence['text']}")
    expect(sentence["text"].startswith("1-6月，华亭工业园区完成工业总产值"), sentence["text"])
    expect("{output.ytd|亿元}" in sentence["tmpl"], "the sentence is a template bound to output.ytd")

    r = pa.get(f"/api/v1/briefings/{b['id']}.docx")
    expect(r.status == 200 and r.body[:2] == b"PK", f"docx: {r.status}")
    expect("wordprocessingml" in r.headers.get("Content-Type", ""), "docx content type")
    z = zipfile.ZipFile(io.BytesIO(r.body))
    doc_xml = z.read("word/document.xml").decode()
    expect('w:top="2098"' in doc_xml and 'w:left="1587"' in doc_xml and 'w:w="11906"' in doc_xml, "A4 + GB/T 9704 margins")
    expect("仿宋_GB2312" in doc_xml and "方正小标宋简体" in doc_xml, "公文 fonts")
    expect("PAGE" in z.read("word/footer1.xml").decode(), "page number field")
    expect(any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist()), "charts embedded as PNG")
    text, cells, _ = docx_text(r.body)
    expect(yi(mon["output"]["ytd"]) in text, "the DOCX states the 1-N月 output in 亿元")
    ytd_wan = half_up(mon["output"]["ytd"], 2)
    expect(ytd_wan in cells, f"the DOCX table states the API's 1-N月 output {ytd_wan} 万元")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    expect(soffice or os.environ.get("PARKHQ_SKIP_LIBREOFFICE") == "1", "LibreOffice (scripts/install-deps.sh) is needed")
    if soffice:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "b.docx")
            open(path, "wb").write(r.body)
            p = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d}/profile", "--convert-to", "pdf",
                                "--outdir", d, path], capture_output=True, timeout=240)
            pdf = os.path.join(d, "b.pdf")
            expect(p.returncode == 0 and os.path.exists(pdf), f"LibreOffice conversion: {p.stderr[-300:]!r}")
            expect(open(pdf, "rb").read(5) == b"%PDF-", "a PDF")

    h = pa.get(f"/api/v1/briefings/{b['id']}.html")
    expect(h.status == 200 and "text/html" in h.headers.get("Content-Type", ""), "printable page")
    expect("@page" in h.body.decode() and yi(mon["output"]["ytd"]) in h.body.decode(), "printable page has the figures")


def test_briefing_refusals_and_bad_input(api):
    park = demo_park(api)
    pa, leader = api.as_user("parkadmin"), api.as_user("leader")
    url = f"/api/v1/parks/{park['id']}/briefings"
    expect(leader.post(url, {"period": "2023-06"}).status == 403, "leaders are read-only")
    expect(api.as_user("qiye").post(url, {"period": "2023-06"}).status == 403, "enterprise users are refused")
    expect(api.as_user("gxj").post(url, {"period": "2023-06"}).status == 403, "departments are refused")
    for bad in ({"period": "2023-13"}, {}, {"period": "2999-01"}):
        r = pa.post(url, bad)
        expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "period", f"{bad}: {r.status} {r.body!r}")
    other = new_park(api, "通报测试园")
    expect(pa.post(f"/api/v1/parks/{other}/briefings", {"period": "2023-06"}).status == 404, "another park is 404")
    b = pa.post(url, {"period": "2023-06"}).json()
    expect(api.as_user("qiye").get(f"/api/v1/briefings/{b['id']}").status == 403, "enterprise users cannot read")
    expect(leader.get(f"/api/v1/briefings/{b['id']}.docx").status == 200, "leaders read")
    r = pa.patch(f"/api/v1/briefings/{b['id']}", {"sentences": {"industry.output": "园区产值达9亿元。"}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "sentences.industry.output", f"typed number: {r.body!r}")
    r = pa.patch(f"/api/v1/briefings/{b['id']}", {"sentences": {"industry.output": "{nope}"}})
    expect(r.status == 422, "unknown placeholder")
    r = pa.patch(f"/api/v1/briefings/{b['id']}", {"sentences": {"nope": "x"}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "sentences.nope", "unknown sentence")
    after = pa.get(f"/api/v1/briefings/{b['id']}").json()
    expect(after["sections"] == b["sections"], "nothing written on 422")
    expect(leader.post(f"/api/v1/briefings/{b['id']}/approve").status == 403, "leader cannot approve")
    expect(pa.post(f"/api/v1/briefings/{b['id']}/issue").status == 409, "a draft cannot be issued")
    expect(pa.get("/api/v1/briefings/999999").status == 404, "unknown briefing")
    expect(pa.post(f"/api/v1/briefings/{b['id']}/approve").status == 200, "approve")
    todo = [n for n in pa.get("/api/v1/notifications?kind=todo").json()["items"]
            if n["category"] == "briefing" and n["link"] == f"/briefings/{b['id']}"]
    expect(len(todo) == 1 and "已审核" in todo[0]["title"], f"the park's admins get a 待办 to issue it: {todo}")
    expect(pa.post(f"/api/v1/briefings/{b['id']}/approve").status == 409, "approved twice")
    expect(api.anon().get(f"/api/v1/briefings/{b['id']}.docx").status == 401, "anonymous")


def test_edit_approve_issue_freezes_and_next_draft_lists_changes(api):
    admin = api.as_user("admin")
    park = new_park(api, "通报冻结园")
    r = admin.put(f"/api/v1/parks/{park}/targets/2023", {"output": {"target": 12000}})
    expect(r.status == 200, f"targets: {r.status} {r.body!r}")
    for period, v in (("2023-01", 1000), ("2023-02", 1100), ("2023-03", 900)):
        r = admin.put(f"/api/v1/parks/{park}/indicator-values", {"period": period, "values": {"output": v}})
        expect(r.status == 200, f"values {period}: {r.status} {r.body!r}")
    b = admin.post(f"/api/v1/parks/{park}/briefings", {"period": "2023-02"}).json()
    s = [x for sec in b["sections"] for x in sec["sentences"] if x["id"] == "industry.output"][0]
    # 2100 of 12000 = 17.5%, 序时进度 2/12 = 16.67% → 超序时进度0.8个百分点
    expect(s["text"].endswith("完成年度目标的17.5%，超序时进度0.8个百分点。"), s["text"])
    r = admin.patch(f"/api/v1/briefings/{b['id']}", {"sentences": {"industry.output": "{period.range}，工业总产值{output.ytd|万元}。"},
                                                     "notes": {"industry": "下步要抓好重点企业稳产。"}})
    expect(r.status == 200, f"edit: {r.status} {r.body!r}")
    e = r.json()
    s = [x for sec in e["sections"] for x in sec["sentences"] if x["id"] == "industry.output"][0]
    expect(s["text"] == "1-2月，工业总产值2100.00万元。" and s["edited"], s)
    expect(admin.post(f"/api/v1/briefings/{b['id']}/approve").status == 200, "approve")
    expect(admin.patch(f"/api/v1/briefings/{b['id']}", {"notes": {"industry": "x"}}).status == 409, "approved: no edit")
    issued = admin.post(f"/api/v1/briefings/{b['id']}/issue").json()
    expect(issued["state"] == "issued" and issued["issued_by"] == "admin", "issued")
    audit = admin.get(f"/api/v1/audit?entity=briefing&entity_id={b['id']}").json()["items"]
    expect({a["action"] for a in audit} >= {"create", "edit", "approve", "issue"}, f"audited: {[a['action'] for a in audit]}")
    # The data changes; the issued briefing does not.
    r = admin.put(f"/api/v1/parks/{park}/indicator-values", {"period": "2023-02", "values": {"output": 1500}})
    expect(r.status == 200, f"revise: {r.status} {r.body!r}")
    again = admin.get(f"/api/v1/briefings/{b['id']}").json()
    expect(again["figures"] == issued["figures"] and again["data_version"] == issued["data_version"], "frozen figures")
    expect(again["sections"] == issued["sections"], "frozen text")
    expect(admin.post(f"/api/v1/briefings/{b['id']}/refresh").status == 409, "an issued briefing is not refreshed")
    text, _, _ = docx_text(admin.get(f"/api/v1/briefings/{b['id']}.docx").body)
    expect("2100.00万元" in text and "下步要抓好重点企业稳产。" in text, "the issued DOCX keeps its numbers and notes")
    nxt = admin.post(f"/api/v1/parks/{park}/briefings", {"period": "2023-03"}).json()
    changes = [sec for sec in nxt["sections"] if sec["key"] == "changes"]
    expect(changes, "the next draft lists what changed since the issued one")
    texts = [x["text"] for x in changes[0]["sentences"]]
    expect("工业总产值1-2月累计由2100.00万元调整为2500.00万元。" in texts, texts)


def test_notifications_and_reminder_reach_a_late_firms_user(api):
    park = demo_park(api)
    pa, admin = api.as_user("parkadmin"), api.as_user("admin")
    t = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    period = t.strftime("%Y-%m")
    status = pa.get(f"/api/v1/parks/{park['id']}/reporting-status?period={period}").json()
    expect(status["missing"], "the demo has late firms last month")
    firm = status["missing"][0]
    uname = f"late{time.time_ns() % 10**8}"
    r = admin.post("/api/v1/users", {"username": uname, "password": "Late@2023demoX", "role": "enterprise",
                                      "park_id": park["id"], "enterprise_id": firm})
    expect(r.status == 201, f"user: {r.status} {r.body!r}")
    late = api.as_user(uname, "Late@2023demoX")
    before = late.get("/api/v1/notifications").json()
    expect("items" in before and "unread" in before, "contract shape")
    r = pa.post(f"/api/v1/parks/{park['id']}/reporting-reminders", {"period": period})
    expect(r.status == 200 and r.json()["enterprises"] == len(status["missing"]), f"remind: {r.status} {r.body!r}")
    mine = late.get("/api/v1/notifications").json()
    reminders = [n for n in mine["items"] if n["category"] == "reminder" and period in n["title"]]
    expect(len(reminders) == 1 and mine["unread"] == before["unread"] + 1, f"the late firm's user sees one reminder: {mine}")
    r2 = pa.post(f"/api/v1/parks/{park['id']}/reporting-reminders", {"period": period}).json()
    mine2 = late.get("/api/v1/notifications").json()
    expect(len([n for n in mine2["items"] if n["category"] == "reminder" and period in n["title"]]) == 1,
           f"a second 催报 the same day does not duplicate: {r2}")
    nid = reminders[0]["id"]
    expect(pa.post(f"/api/v1/notifications/{nid}/read").status == 404, "another user's notification is 404")
    expect(late.post(f"/api/v1/notifications/{nid}/read").status == 204, "mark read")
    expect(late.get("/api/v1/notifications").json()["unread"] == mine2["unread"] - 1, "unread drops")
    expect(late.post("/api/v1/notifications/read-all").status == 200, "read all")
    expect(late.get("/api/v1/notifications").json()["unread"] == 0, "all read")
    expect(late.post(f"/api/v1/parks/{park['id']}/reporting-reminders", {}).status == 403, "enterprise cannot 催报")
    expect(api.as_user("leader").post(f"/api/v1/parks/{park['id']}/reporting-reminders", {}).status == 403, "leader cannot 催报")
    r = pa.post(f"/api/v1/parks/{park['id']}/reporting-reminders", {"period": "2023-6x"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "period", "bad period")
    expect(late.get("/api/v1/notifications?kind=other").status == 422, "bad kind")


def test_jobs_list_run_and_rerun_without_duplicates(api):
    admin = api.as_user("admin")
    r = admin.get("/api/v1/jobs")
    expect(r.status == 200, f"jobs: {r.status}")
    names = {j["name"] for j in r.json()["items"]}
    expect(names == {"report_reminders", "monthly_briefing", "nightly_backup", "yearly_rollover"}, names)
    expect(api.as_user("leader").get("/api/v1/jobs").status == 403, "leaders cannot see jobs")
    expect(api.as_user("gxj").post("/api/v1/jobs/nightly_backup/run").status == 403, "departments cannot run jobs")
    expect(admin.post("/api/v1/jobs/nope/run").status == 404, "unknown job")

    def count():
        return admin.get("/api/v1/briefings?page_size=1").json()["total"]

    r1 = admin.post("/api/v1/jobs/monthly_briefing/run")
    expect(r1.status == 200 and r1.json()["status"] == "ok", f"run: {r1.body!r}")
    n1 = count()
    r2 = admin.post("/api/v1/jobs/monthly_briefing/run")
    expect(r2.status == 200 and r2.json()["status"] == "ok" and count() == n1, "a rerun creates no second draft")
    expect("已生成" not in r2.json()["log"], f"the rerun generated nothing: {r2.json()['log']}")
    # However often it ran (at start-up and twice here), no park has two drafts of one month.
    seen = {}
    for b in admin.get("/api/v1/briefings?page_size=500").json()["items"]:
        if b["created_at"] and b["state"] == "draft":
            seen.setdefault((b["park_id"], b["period"]), []).append(b["id"])
    t = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    for (park, period), ids in seen.items():
        expect(period != t.strftime("%Y-%m") or len(ids) == 1, f"park {park} has {len(ids)} drafts of {period}")
    b1 = admin.post("/api/v1/jobs/nightly_backup/run").json()
    b2 = admin.post("/api/v1/jobs/nightly_backup/run").json()
    expect(b1["status"] == "ok" and b2["status"] == "ok", f"backup: {b1} {b2}")
    if api.engine == "sqlite":
        expect("已存在" in b2["log"] or "已存在" in b1["log"], f"the second backup of the day is skipped: {b2['log']}")
    runs = [j for j in admin.get("/api/v1/jobs").json()["items"] if j["name"] == "nightly_backup"][0]["runs"]
    expect(len(runs) >= 2 and runs[0]["trigger"] == "manual" and runs[0]["by"] == "admin", "runs are logged")
