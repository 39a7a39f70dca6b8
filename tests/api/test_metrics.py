"""GET /metrics: Prometheus text without login from loopback; the counters and the latency
histogram move with requests (by route pattern, not by id); pool gauges are present."""
import re


def scrape(api):
    r = api.anon().get("/metrics")
    assert r.status == 200, (r.status, r.body[:200])
    assert r.headers.get("Content-Type", "").startswith("text/plain")
    return r.body.decode()


def sample(text, name, **labels):
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name + "{"):
            continue
        got = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', line[line.index("{"):line.rindex("}") + 1]))
        if all(got.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_text_format(api):
    text = scrape(api)
    for family, kind in (("parkhq_http_requests_total", "counter"),
                         ("parkhq_http_request_duration_seconds", "histogram"),
                         ("parkhq_db_pool_connections", "gauge"), ("parkhq_imports_total", "counter"),
                         ("parkhq_job_runs_total", "counter"), ("parkhq_build_info", "gauge")):
        assert f"# TYPE {family} {kind}" in text, family
    assert sample(text, "parkhq_db_pool_connections", state="open") >= 1


def test_counters_move_with_requests(api):
    admin = api.as_user("admin")
    route = "/api/v1/users/{id}"
    before = scrape(api)
    b_ok = sample(before, "parkhq_http_requests_total", method="GET", route="/api/v1/health", status="200")
    b_404 = sample(before, "parkhq_http_requests_total", method="PATCH", route=route, status="404")
    b_hist = sample(before, "parkhq_http_request_duration_seconds_count", method="GET", route="/api/v1/health")
    b_inf = sample(before, "parkhq_http_request_duration_seconds_bucket", method="GET", route="/api/v1/health", le="+Inf")
    for _ in range(3):
        assert api.anon().get("/api/v1/health").status == 200
    for uid in (999991, 999992):  # two ids, one route pattern
        assert admin.patch(f"/api/v1/users/{uid}", {"display_name": "x"}).status == 404
    after = scrape(api)
    assert sample(after, "parkhq_http_requests_total", method="GET", route="/api/v1/health", status="200") == b_ok + 3
    assert sample(after, "parkhq_http_requests_total", method="PATCH", route=route, status="404") == b_404 + 2
    assert sample(after, "parkhq_http_request_duration_seconds_count", method="GET", route="/api/v1/health") == b_hist + 3
    assert sample(after, "parkhq_http_request_duration_seconds_bucket", method="GET", route="/api/v1/health",
                  le="+Inf") == b_inf + 3
    assert "999991" not in after
    # Unknown API paths share one label.
    api.anon().get("/api/v1/no-such-thing/123")
    assert sample(scrape(api), "parkhq_http_requests_total", route="unmatched", status="404") >= 1


def test_system_status_for_sysadmin_only(api):
    r = api.as_user("admin").get("/api/v1/system/status")
    assert r.status == 200, r.body[:300]
    s = r.json()
    assert s["db"]["engine"] == api.engine and s["db"]["size_bytes"] > 0
    assert s["db"]["schema_version"] >= "0080"
    assert s["sessions"]["active"] >= 1 and s["requests"]["total"] > 0
    assert s["disk"]["free_bytes"] > 0
    assert api.as_user("parkadmin").get("/api/v1/system/status").status == 403
    assert api.anon().get("/api/v1/system/status").status == 401


def test_job_runs_are_counted(api):
    # A job run (here "run now") moves parkhq_job_runs_total and shows in the status page's job health.
    def runs():
        text = scrape(api)
        return sum(sample(text, "parkhq_job_runs_total", job="yearly_rollover", result=r) for r in ("ok", "failed"))
    before = runs()
    r = api.as_user("admin").post("/api/v1/jobs/yearly_rollover/run")
    assert r.status == 200, (r.status, r.body[:200])
    assert runs() == before + 1, (before, runs())
    jobs = {j["name"]: j for j in api.as_user("admin").get("/api/v1/system/status").json()["jobs"]}
    assert jobs["yearly_rollover"]["ok"] + jobs["yearly_rollover"]["failed"] >= 1, jobs
