// Serves the built web app: files under the web root, SPA fallback to index.html, a long cache for
// hashed assets (/assets/*), gzip when the client accepts it. Files are read once and kept in memory.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "http/request.h"

namespace parkhq::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  Response Serve(const Request& req);

 private:
  struct Entry {
    std::string body;
    std::string gzipped;  // empty when not worth compressing
    std::string content_type;
  };
  const Entry* Load(const std::string& rel);  // nullptr when missing
  std::string root_;
  std::mutex mu_;
  std::map<std::string, Entry> cache_;  // guarded by mu_
};

// gzip-compresses s (RFC 1952). Returns "" on failure.
std::string Gzip(const std::string& s);

}  // namespace parkhq::http
