"""API tests of enterprises placed on industry-chain links (issue 4, item 2): the demo placements on
the chain map, attach/list/detach with audit, the 补链 gap rule counting enterprises, 422 for an
enterprise of another park, 409 for a duplicate, and the refusals (department and leader writes 403,
enterprise users 403, other park 404)."""
import datetime

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def _uscc(first17):
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


def _park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["parent_id"] is None][0]["id"]


def _links(api, park):
    chains = api.as_user("admin").get(f"/api/v1/parks/{park}/chains").json()["items"]
    return {l["id"]: l for c in chains for l in c["links"]}


def test_demo_enterprises_on_chain_map(api):
    park = _park(api)
    links = _links(api, park)
    with_firms = [l for l in links.values() if l["enterprises"]]
    expect(len(with_firms) >= 10, f"demo firms placed on links: {len(with_firms)}")
    methanol = [l for l in links.values() if l["name"] == "煤制甲醇"]
    expect(methanol and all(any(e["name"] == "华亭煤制甲醇有限公司（演示）" for e in l["enterprises"]) for l in methanol),
           f"the methanol firm sits on every 煤制甲醇 link: {methanol}")
    e = methanol[0]["enterprises"][0]
    expect(set(e) >= {"id", "name", "status"}, f"member shape: {e}")
    expect(all(not l["gap"] for l in methanol), "a link with an operating enterprise is no gap")
    expect(any(l["gap"] for l in links.values()), "links without firms or started projects still show as gaps")
    lst = api.as_user("leader").get(f"/api/v1/parks/{park}/chain-links/{methanol[0]['id']}/enterprises")
    expect(lst.status == 200 and lst.json()["total"] >= 1, f"leader reads: {lst.status} {lst.body[:200]!r}")
    item = lst.json()["items"][0]
    expect(item["role"] == "龙头" and item["link_id"] == methanol[0]["id"], f"item: {item}")


def test_attach_detach_with_audit_and_gap(api):
    admin, pa = api.as_user("admin"), api.as_user("parkadmin")
    park = _park(api)
    chain = admin.get(f"/api/v1/parks/{park}/chains").json()["items"][0]
    r = pa.post(f"/api/v1/chains/{chain['id']}/links", {"name": "补链测试环节", "position": "down"})
    expect(r.status == 201, f"new link: {r.status} {r.body[:200]!r}")
    link = r.json()["id"]
    expect(_links(api, park)[link]["gap"], "an empty link is a 补链 target")
    firm = admin.get(f"/api/v1/enterprises?park_id={park}&status=operating&page_size=5").json()["items"][0]
    base = f"/api/v1/parks/{park}/chain-links/{link}/enterprises"
    r = pa.post(base, {"enterprise_id": firm["id"], "role": "配套", "note": "测试"})
    expect(r.status == 201, f"attach: {r.status} {r.body[:300]!r}")
    expect(r.json()["name"] == firm["name"] and r.json()["role"] == "配套", f"echo: {r.json()}")
    expect(pa.post(base, {"enterprise_id": firm["id"]}).status == 409, "attached twice")
    got = api.as_user("gxj").get(base)
    expect(got.status == 200 and [x["enterprise_id"] for x in got.json()["items"]] == [firm["id"]],
           f"department reads: {got.status} {got.body[:200]!r}")
    m = _links(api, park)[link]
    expect([e["id"] for e in m["enterprises"]] == [firm["id"]], f"on the map: {m}")
    expect(m["gap"] == (firm["status"] == "closed"), f"an enterprise closes the gap: {m}")
    expect(pa.delete(f"/api/v1/chain-links/{link}").status == 409, "a link with enterprises stays")
    audit = admin.get("/api/v1/audit?page_size=200").json()["items"]
    expect(any(a["entity"] == "chain_link_enterprise" and a["action"] == "create" and a["entity_id"] ==
               f"{link}:{firm['id']}" for a in audit), "attach audited")
    expect(pa.delete(f"{base}/{firm['id']}").status == 204, "detach")
    expect(pa.delete(f"{base}/{firm['id']}").status == 404, "detach twice")
    audit = admin.get("/api/v1/audit?page_size=200").json()["items"]
    expect(any(a["entity"] == "chain_link_enterprise" and a["action"] == "delete" for a in audit), "detach audited")
    expect(_links(api, park)[link]["gap"], "gap again")
    expect(pa.delete(f"/api/v1/chain-links/{link}").status == 204, "empty link deleted")


def test_attach_validation_and_refusals(api):
    admin, pa = api.as_user("admin"), api.as_user("parkadmin")
    park = _park(api)
    link = next(iter(_links(api, park)))
    base = f"/api/v1/parks/{park}/chain-links/{link}/enterprises"
    # Another park with its own enterprise.
    r = admin.post("/api/v1/parks", {"name": "他园区（产业链企业测试）"})
    expect(r.status == 201, f"other park: {r.status}")
    other = r.json()["id"]
    code = _uscc("91620824MA9C%05d" % (datetime.datetime.now().microsecond % 99991))
    r = admin.post("/api/v1/enterprises", {"uscc": code, "name": "他园区企业（演示）", "park_id": other,
                                           "industry_code": "2614"})
    expect(r.status == 201, f"other park firm: {r.status} {r.body[:300]!r}")
    foreign = r.json()["id"]
    # 422: enterprise of another park, unknown, missing, bad JSON.
    for body in ({"enterprise_id": foreign}, {"enterprise_id": 999999}, {}, {"enterprise_id": "x"}):
        r = pa.post(base, body)
        expect(r.status == 422 and any(d["field"] == "enterprise_id" for d in r.json()["error"]["details"]),
               f"{body}: {r.status} {r.body[:200]!r}")
    expect(pa.post(base, raw_body="{not json").status == 400, "malformed JSON")
    own = admin.get(f"/api/v1/enterprises?park_id={park}&status=operating&page_size=5").json()["items"][1]["id"]
    # Writes: departments, leaders and enterprise users are refused.
    for who in ("gxj", "leader", "qiye"):
        u = api.as_user(who, "Ent@2023demo" if who == "qiye" else None)
        expect(u.post(base, {"enterprise_id": own}).status == 403, f"{who} cannot attach")
        expect(u.delete(f"{base}/{own}").status == 403, f"{who} cannot detach")
    expect(api.as_user("qiye", "Ent@2023demo").get(base).status == 403, "enterprise users cannot read")
    expect(api.anon().get(base).status == 401, "anonymous 401")
    # Other park: the park admin of 华亭 sees nothing of it; a link of 华亭 under another park id is 404.
    expect(pa.get(f"/api/v1/parks/{other}/chain-links/{link}/enterprises").status == 404, "other park 404")
    expect(pa.post(f"/api/v1/parks/{other}/chain-links/{link}/enterprises", {"enterprise_id": own}).status == 404,
           "other park write 404")
    expect(admin.get(f"/api/v1/parks/{other}/chain-links/{link}/enterprises").status == 404, "link of another park")
    expect(admin.get(f"/api/v1/parks/{park}/chain-links/999999/enterprises").status == 404, "unknown link")
