#include "http/static_files.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/error_response.h"

namespace parkhq::http {

std::string Gzip(const std::string& s) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, s.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return {};
  out.resize(zs.total_out);
  return out;
}

namespace {
std::string ContentType(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".geojson", "application/geo+json"}, {".map", "application/json"}};
  auto dot = path.rfind('.');
  if (dot != std::string::npos) {
    auto it = kTypes.find(path.substr(dot));
    if (it != kTypes.end()) return it->second;
  }
  return "application/octet-stream";
}
bool Compressible(const std::string& type) {
  return type.rfind("text/", 0) == 0 || type.find("json") != std::string::npos ||
         type.find("svg") != std::string::npos;
}
}  // namespace

const StaticFiles::Entry* StaticFiles::Load(const std::string& rel) {
  std::lock_guard lock(mu_);
  auto it = cache_.find(rel);
  if (it != cache_.end()) return &it->second;
  std::filesystem::path p = std::filesystem::path(root_) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return nullptr;
  std::ifstream f(p, std::ios::binary);
  if (!f) return nullptr;
  std::stringstream ss;
  ss << f.rdbuf();
  Entry e;
  e.body = ss.str();
  e.content_type = ContentType(rel);
  if (Compressible(e.content_type) && e.body.size() > 1024) e.gzipped = Gzip(e.body);
  return &cache_.emplace(rel, std::move(e)).first->second;
}

Response StaticFiles::Serve(const Request& req) {
  const Language language = NegotiateLanguage(req.Header("accept-language"));
  if (req.method != "GET" && req.method != "HEAD")
    return ErrorResponse(Status(StatusCode::kMethodNotAllowed, "不支持的请求方法"), "", language);
  std::string rel = req.path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  if (rel.find("..") != std::string::npos) return ErrorResponse(Status::NotFound("文件不存在"), "", language);
  bool hashed = rel.rfind("assets/", 0) == 0;
  const Entry* e = rel.empty() ? nullptr : Load(rel);
  if (!e) {
    if (hashed) return ErrorResponse(Status::NotFound("文件不存在"), "", language);
    e = Load("index.html");  // SPA fallback: the router in the browser takes the path
    hashed = false;
    if (!e) {
      Response r;
      r.content_type = "text/html; charset=utf-8";
      r.body = "<!doctype html><meta charset=utf-8><title>ParkHQ</title><p>园区高质量发展管理平台：前端尚未构建"
               "（运行 make build）。</p>";
      return r;
    }
  }
  Response r;
  r.content_type = e->content_type;
  r.AddHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  r.AddHeader("X-Content-Type-Options", "nosniff");
  if (!e->gzipped.empty() && req.Header("accept-encoding").find("gzip") != std::string::npos) {
    r.body = e->gzipped;
    r.AddHeader("Content-Encoding", "gzip");
    r.AddHeader("Vary", "Accept-Encoding");
  } else {
    r.body = e->body;
  }
  return r;
}

}  // namespace parkhq::http
