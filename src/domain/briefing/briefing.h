// A monthly briefing (经济运行通报, issue 12) as plain values: sections of sentences rendered from
// editable templates whose placeholders are bound to named figures, each figure remembering the
// query that produced it. No HTTP, JSON or SQL here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace parkhq::briefing {

// One figure a sentence may cite: a number (or a text such as the park's name) and where it came
// from ("GET /api/v1/parks/3/monitoring?period=2023-06 → output.ytd").
struct Figure {
  std::string label;            // 工业总产值1-6月累计
  std::optional<double> value;  // numbers; nullopt when the source has none (shown as "—")
  std::string text;             // text figures (park name, "1-6月"); empty for numbers
  std::string unit;             // 万元 | % | 个百分点 | 户 | 个 | "" ...
  std::string source;
  auto operator<=>(const Figure&) const = default;
};
using Figures = std::map<std::string, Figure, std::less<>>;

// A sentence: its template (editable) and the text rendered from it with the bound figures.
struct Sentence {
  std::string id;        // stable within the briefing, e.g. "industry.output"
  std::string tmpl;      // "{period.range}，{park.name}完成工业总产值{output.ytd|亿元}…"
  std::string text;      // rendered
  bool edited = false;   // the template was changed by a user
};

// A table printed under a section (sub-parks, late firms …). Cells are final text.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A bar chart drawn into the DOCX and the printable page (values already in the unit named).
struct Chart {
  std::string title;
  std::string unit;
  std::vector<std::pair<std::string, double>> bars;
};

struct Section {
  std::string key;    // industry | investment | attraction | enterprises | land | tasks | warnings | changes
  std::string title;  // 一、工业经济运行情况
  std::vector<Sentence> sentences;
  std::vector<Table> tables;
  std::vector<Chart> charts;
  std::string note;   // free text a user added after the section (may be empty)
};

struct Content {
  std::string title;     // 华亭工业园区2023年6月经济运行通报
  std::string subtitle;  // 期间与口径
  std::vector<Section> sections;
  Figures figures;
};

enum class State { kDraft, kApproved, kIssued };
const char* StateName(State s);    // draft | approved | issued
const char* StateNameZh(State s);  // 草稿 | 已审核 | 已印发
std::optional<State> ParseState(std::string_view s);

struct Briefing {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string park_name;
  Period period;
  State state = State::kDraft;
  Content content;
  std::string data_version;  // hash of the bound figures when generated (frozen once issued)
  bool is_demo = false;
  std::string created_at, created_by;
  std::string approved_at, approved_by;
  std::string issued_at, issued_by;
  std::string updated_at;
};

struct BriefingSummary {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string park_name;
  Period period;
  State state = State::kDraft;
  std::string title;
  std::string data_version;
  std::string created_at, updated_at, issued_at;
};

}  // namespace parkhq::briefing
