// libFuzzer: the pure HTTP request helpers — percent-decoding of paths and queries, query
// parsing, Accept-Language negotiation and the listen-address parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/messages_en.h"
#include "http/request.h"
#include "http/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parkhq::http;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)UrlDecode(s, false);
  (void)UrlDecode(s, true);
  (void)ParseQuery(s);
  (void)NegotiateLanguage(s);
  std::string host;
  uint16_t port = 0;
  (void)ParseListen(s, host, port);
  return 0;
}
