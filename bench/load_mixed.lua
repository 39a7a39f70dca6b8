-- wrk script for bench/load.sh: a mixed read/write route set on one logged-in session.
-- Env: LOAD_COOKIE (phq_session=...), LOAD_CSRF, LOAD_PARK, LOAD_INVESTOR (an id to read).
-- Per 20 requests: 8 list reads (tasks, investors), 6 reads by id, 3 health checks, 3 writes
-- (PATCH /api/v1/investors/{id}: a new origin each time, so the data read does not grow from run to
-- run and the server's RSS can be compared across runs; each write also adds an audit row).
local cookie = os.getenv("LOAD_COOKIE")
local csrf = os.getenv("LOAD_CSRF")
local park = os.getenv("LOAD_PARK")
local inv = os.getenv("LOAD_INVESTOR")
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

local plan = {"list_tasks", "get_inv", "list_inv", "health", "write", "list_tasks", "get_inv", "list_inv",
              "get_inv", "health", "list_tasks", "write", "get_inv", "list_inv", "get_inv", "health",
              "list_tasks", "write", "get_inv", "list_inv"}

function request()
  counter = counter + 1
  local kind = plan[(counter % #plan) + 1]
  local h = {["Cookie"] = cookie}
  if kind == "list_tasks" then
    return wrk.format("GET", "/api/v1/tasks?page_size=20", h)
  elseif kind == "list_inv" then
    return wrk.format("GET", "/api/v1/investors?park_id=" .. park .. "&page_size=20", h)
  elseif kind == "get_inv" then
    return wrk.format("GET", "/api/v1/investors/" .. inv, h)
  elseif kind == "health" then
    return wrk.format("GET", "/api/v1/health", {})
  end
  h["Content-Type"] = "application/json"
  h["X-CSRF-Token"] = csrf
  local body = string.format('{"origin":"压测-%d-%d"}', tid or 0, counter)
  return wrk.format("PATCH", "/api/v1/investors/" .. inv, h, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOAD requests=%d socket_errors=%d non2xx=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
