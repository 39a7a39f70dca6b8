"""Attachments of progress reports (台账附件, issue 19): allowed types by extension and first bytes, a
size limit, content stored once by SHA-256, download with Content-Disposition and nosniff by those who
read the report; refusals (type, size, another unit's report, enterprise users) and audit rows."""
import datetime
import hashlib
import urllib.parse

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def task_id(api, no):
    return [t for t in api.as_user("parkadmin").get("/api/v1/tasks").json()["items"] if t["no"] == no][0]["id"]


def a_report(api):
    """A report of 工信局 on a fresh item (responsible: 工信局)."""
    year = datetime.date.today().year
    r = api.as_user("parkadmin").post(f"/api/v1/tasks/{task_id(api, 3)}/items", {
        "content": "附件测试指标", "milestone": "完成", "weight": 2, "lead_units": ["工业园区"],
        "responsible_units": ["工信局"], "start": f"{year}-01-01", "deadline": f"{year}-12-31", "frequency": "once"})
    expect(r.status == 201, f"item: {r.status} {r.body[:200]!r}")
    r = api.as_user("gxj").post(f"/api/v1/task-items/{r.json()['id']}/reports", {"text": "已完成一半", "progress_pct": 50})
    expect(r.status == 201, f"report: {r.status} {r.body[:200]!r}")
    return r.json()["id"]


def upload(client, report, name, data):
    return client.post(f"/api/v1/task-reports/{report}/attachments?filename={urllib.parse.quote(name)}",
                       raw_body=data, headers={"Content-Type": "application/octet-stream"})


def test_attachments_upload_dedup_download(api):
    report = a_report(api)
    gxj = api.as_user("gxj")
    r = upload(gxj, report, "进展材料.pdf", PDF)
    expect(r.status == 201, f"upload: {r.status} {r.body[:300]!r}")
    a = r.json()
    expect(a["sha256"] == hashlib.sha256(PDF).hexdigest() and a["size"] == len(PDF)
           and a["content_type"] == "application/pdf", f"stored: {a}")
    r = upload(api.as_user("parkadmin"), report, "copy.pdf", PDF)
    expect(r.status == 201 and r.json()["sha256"] == a["sha256"], "the same content again (park admin)")
    listed = api.as_user("leader").get(f"/api/v1/task-reports/{report}/attachments").json()["items"]
    expect([x["filename"] for x in listed] == ["进展材料.pdf", "copy.pdf"], f"listed: {listed}")
    # Stored once: the audit rows show two links to one hash.
    audit = api.as_user("admin").get("/api/v1/audit?entity=task_report_file").json()["items"]
    mine = [x for x in audit if str(x["after"]["report_id"]) == str(report)]
    expect(len(mine) == 2 and all(x["after"]["sha256"] == a["sha256"] for x in mine) and mine[0]["username"],
           f"audited: {mine}")
    for who in ("leader", "zsfw", "parkadmin"):
        r = api.as_user(who).get(a["url"])
        expect(r.status == 200 and r.body == PDF, f"{who} downloads: {r.status}")
    h = {k.lower(): v for k, v in r.headers.items()}
    expect(h["content-type"].startswith("application/pdf"), f"type: {h}")
    expect(h["content-disposition"].startswith("attachment;") and "UTF-8''" in h["content-disposition"], f"{h}")
    expect(h["x-content-type-options"] == "nosniff", "nosniff")
    r = upload(gxj, report, "照片.PNG", PNG)
    expect(r.status == 201 and r.json()["content_type"] == "image/png", f"png: {r.status}")


def test_attachment_refusals(api):
    report = a_report(api)
    gxj = api.as_user("gxj")
    # Type: extension not allowed, or content not matching the extension.
    for name, data in (("x.exe", b"MZ\x90\x00"), ("x.pdf", PNG), ("x.png", PDF), ("x.docx", PDF), ("noext", PDF),
                       ("x.html", b"<html><script>alert(1)</script>")):
        r = upload(gxj, report, name, data)
        expect(r.status == 422 and "file" in fields(r), f"{name}: {r.status} {r.body[:200]!r}")
    r = upload(gxj, report, "", PDF)
    expect(r.status == 422 and "filename" in fields(r), f"no name: {r.status}")
    r = upload(gxj, report, "a/b.pdf", PDF)
    expect(r.status == 422 and "filename" in fields(r), f"a path: {r.status}")
    r = upload(gxj, report, "empty.pdf", b"")
    expect(r.status == 422 and "file" in fields(r), f"empty: {r.status}")
    # Size: over 10 MiB.
    r = upload(gxj, report, "big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    expect(r.status == 413, f"too large: {r.status}")
    # Another unit, leaders (read-only) and enterprise users may not attach; enterprises do not read.
    expect(upload(api.as_user("zsfw"), report, "x.pdf", PDF).status == 403, "another unit's report")
    expect(upload(api.as_user("leader"), report, "x.pdf", PDF).status == 403, "leaders are read-only")
    expect(upload(api.as_user("qiye"), report, "x.pdf", PDF).status == 403, "enterprise users")
    expect(upload(gxj, 999999, "x.pdf", PDF).status == 404, "unknown report")
    expect(api.as_user("gxj").get(f"/api/v1/task-reports/{report}/attachments").json()["total"] == 0, "nothing written")
    a = upload(gxj, report, "ok.pdf", PDF).json()
    expect(api.as_user("qiye").get(a["url"]).status == 403, "enterprise users cannot download")
    expect(api.as_user("qiye").get(f"/api/v1/task-reports/{report}/attachments").status == 403, "nor list")
    expect(api.as_user("gxj").get("/api/v1/task-attachments/999999").status == 404, "unknown attachment")
