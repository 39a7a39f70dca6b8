// One list mechanism for every GET route that answers {"items":[...],"total":N}: the query
// parameters page (1-based), page_size (1..500) and sort ("field" or "-field", over the items'
// top-level scalar fields) work the same way everywhere. The dispatcher runs every GET handler
// through RunListRoute; a response that is not such a list passes through untouched.
//
// Routes that page in the database (documented as paged lists in openapi_docs.cc) keep doing so:
// without sort, or with a sort key they order by in SQL, their answer passes through; with any
// other sort the mechanism reads all their pages (500 at a time), sorts and pages in memory.
// Other lists are sorted and cut in memory; their page_size defaults to all items, so clients
// that never sent page parameters see the same answers as before.
#pragma once
#include <string_view>

#include "http/router.h"

namespace parkhq::http {

StatusOr<Response> RunListRoute(const Route& route, RequestContext& ctx, const Services& s);

// GET routes known to answer {"items","total"} (the OpenAPI document gives them the list
// parameters; tests/api/test_lists.py checks this set against what the server answers).
bool IsListRoute(std::string_view method, std::string_view pattern);

}  // namespace parkhq::http
