// Rendered bodies of immutable shared results (e.g. a cached region dashboard, the same object until
// its data changes): each object is rendered once. An entry is recognised by the object's identity —
// its shared_ptr control block, kept alive by the weak_ptr — so a new object at a reused address is
// never mistaken for an old one. Thread-safe; holds at most kEntries bodies.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace parkhq::http {

class RenderCache {
 public:
  static constexpr size_t kEntries = 16;

  template <typename T, typename Render>
  std::shared_ptr<const std::string> Get(const std::shared_ptr<const T>& obj, Render render) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (const auto& [owner, body] : entries_)
        if (!owner.owner_before(obj) && !obj.owner_before(owner)) return body;
    }
    auto body = std::make_shared<const std::string>(render(*obj));  // outside the lock
    std::lock_guard<std::mutex> lock(mu_);
    std::erase_if(entries_, [](const auto& e) { return e.first.expired(); });
    if (entries_.size() >= kEntries) entries_.erase(entries_.begin());
    entries_.emplace_back(std::weak_ptr<const void>(obj), body);
    return body;
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<std::weak_ptr<const void>, std::shared_ptr<const std::string>>> entries_;  // oldest first
};

}  // namespace parkhq::http
