#include "storage/briefing/briefing_json.h"

#include <cmath>

namespace parkhq::storage {

namespace json = boost::json;
using briefing::Content;

namespace {

json::value Num(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

std::string Str(const json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<double> Dbl(const json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  return std::nullopt;
}

const json::array& Arr(const json::object& o, const char* k) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(k);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

}  // namespace

json::object ContentToJson(const Content& c) {
  json::array sections;
  for (const auto& s : c.sections) {
    json::array sentences, tables, charts;
    for (const auto& x : s.sentences)
      sentences.push_back({{"id", x.id}, {"tmpl", x.tmpl}, {"text", x.text}, {"edited", x.edited}});
    for (const auto& t : s.tables) {
      json::array header, rows;
      for (const auto& h : t.header) header.push_back(json::string(h));
      for (const auto& r : t.rows) {
        json::array row;
        for (const auto& cell : r) row.push_back(json::string(cell));
        rows.push_back(std::move(row));
      }
      tables.push_back({{"header", std::move(header)}, {"rows", std::move(rows)}});
    }
    for (const auto& ch : s.charts) {
      json::array bars;
      for (const auto& [label, v] : ch.bars) bars.push_back({{"label", label}, {"value", v}});
      charts.push_back({{"title", ch.title}, {"unit", ch.unit}, {"bars", std::move(bars)}});
    }
    sections.push_back({{"key", s.key}, {"title", s.title}, {"sentences", std::move(sentences)},
                        {"tables", std::move(tables)}, {"charts", std::move(charts)}, {"note", s.note}});
  }
  json::object figures;
  for (const auto& [k, f] : c.figures) {
    json::object o = {{"label", f.label}, {"unit", f.unit}, {"source", f.source}};
    if (f.text.empty()) o["value"] = Num(f.value);
    else o["text"] = f.text;
    figures[k] = std::move(o);
  }
  return {{"title", c.title}, {"subtitle", c.subtitle}, {"sections", std::move(sections)},
          {"figures", std::move(figures)}};
}

StatusOr<Content> ContentFromJson(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Status::Internal("briefing content is not a JSON object");
  const auto& o = v.as_object();
  Content c;
  c.title = Str(o, "title");
  c.subtitle = Str(o, "subtitle");
  for (const auto& sv : Arr(o, "sections")) {
    if (!sv.is_object()) continue;
    const auto& so = sv.as_object();
    briefing::Section s;
    s.key = Str(so, "key");
    s.title = Str(so, "title");
    s.note = Str(so, "note");
    for (const auto& xv : Arr(so, "sentences")) {
      if (!xv.is_object()) continue;
      const auto& xo = xv.as_object();
      const auto* edited = xo.if_contains("edited");
      s.sentences.push_back({Str(xo, "id"), Str(xo, "tmpl"), Str(xo, "text"), edited && edited->is_bool() && edited->as_bool()});
    }
    for (const auto& tv : Arr(so, "tables")) {
      if (!tv.is_object()) continue;
      briefing::Table t;
      for (const auto& h : Arr(tv.as_object(), "header"))
        if (h.is_string()) t.header.emplace_back(h.as_string());
      for (const auto& r : Arr(tv.as_object(), "rows")) {
        if (!r.is_array()) continue;
        std::vector<std::string> row;
        for (const auto& cell : r.as_array()) row.emplace_back(cell.is_string() ? std::string(cell.as_string()) : "");
        t.rows.push_back(std::move(row));
      }
      s.tables.push_back(std::move(t));
    }
    for (const auto& cv : Arr(so, "charts")) {
      if (!cv.is_object()) continue;
      briefing::Chart ch;
      ch.title = Str(cv.as_object(), "title");
      ch.unit = Str(cv.as_object(), "unit");
      for (const auto& b : Arr(cv.as_object(), "bars"))
        if (b.is_object()) ch.bars.emplace_back(Str(b.as_object(), "label"), Dbl(b.as_object(), "value").value_or(0));
      s.charts.push_back(std::move(ch));
    }
    c.sections.push_back(std::move(s));
  }
  if (const auto* fv = o.if_contains("figures"); fv && fv->is_object()) {
    for (const auto& [k, f] : fv->as_object()) {
      if (!f.is_object()) continue;
      const auto& fo = f.as_object();
      briefing::Figure fig;
      fig.label = Str(fo, "label");
      fig.unit = Str(fo, "unit");
      fig.source = Str(fo, "source");
      fig.text = Str(fo, "text");
      fig.value = Dbl(fo, "value");
      c.figures[std::string(k)] = std::move(fig);
    }
  }
  return c;
}

}  // namespace parkhq::storage
