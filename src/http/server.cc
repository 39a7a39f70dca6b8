#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <spdlog/spdlog.h>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "http/messages_en.h"

namespace parkhq::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bool ParseListen(std::string_view s, std::string& host, uint16_t& port) {
  size_t colon = s.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  host = std::string(s.substr(0, colon));
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned p = 0;
  auto tail = s.substr(colon + 1);
  auto r = std::from_chars(tail.data(), tail.data() + tail.size(), p);
  if (r.ec != std::errc() || r.ptr != tail.data() + tail.size() || p > 65535) return false;
  port = static_cast<uint16_t>(p);
  return true;
}

namespace {

struct Shared {
  Shared(const ServerOptions& o, const ServerHooks& h, asio::thread_pool& w) : options(o), hooks(h), workers(w) {}
  const ServerOptions& options;
  const ServerHooks& hooks;
  asio::thread_pool& workers;
  std::atomic<int> in_flight{0};  // requests running on the worker pool
  std::mutex mu;  // guards the connection counts
  std::unordered_map<std::string, int> per_ip;
  int total = 0;

  // Counts a new connection from ip; false when it is over a cap.
  bool Admit(const std::string& ip) {
    const bool proxy =
        std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(), ip) != options.trusted_proxies.end();
    std::lock_guard lock(mu);
    if (total >= options.max_connections) return false;
    int& n = per_ip[ip];
    if (!proxy && options.max_connections_per_ip > 0 && n >= options.max_connections_per_ip) {
      if (n == 0) per_ip.erase(ip);
      return false;
    }
    ++n;
    ++total;
    return true;
  }
  void Release(const std::string& ip) {
    std::lock_guard lock(mu);
    --total;
    auto it = per_ip.find(ip);
    if (it != per_ip.end() && --it->second <= 0) per_ip.erase(it);
  }
};

// Releases a connection's place in the counts when its session ends.
struct ConnectionSlot {
  std::shared_ptr<Shared> sh;
  std::string ip;
  ~ConnectionSlot() { sh->Release(ip); }
};

Request ToRequest(const bhttp::request<bhttp::string_body>& in, const std::string& ip) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  std::string_view t = in.target();
  size_t q = t.find('?');
  r.path = UrlDecode(t.substr(0, q), false);
  if (q != std::string_view::npos) r.query = ParseQuery(t.substr(q + 1));
  for (const auto& f : in) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  r.body = in.body();
  r.remote_ip = ip;
  return r;
}

bhttp::response<bhttp::string_body> ToBeast(Response&& r, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
  out.set(bhttp::field::server, "parkhq");
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  for (auto& [k, v] : r.headers) out.insert(k, v);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// The error shape for failures before a request reaches the dispatcher. The catalog's messages
// for these (core.tsv) contain no characters that need JSON escaping.
Response SimpleError(int status, const char* code, const char* message, Language language = Language::kChinese) {
  Response r;
  r.status = status;
  r.body = std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + Localize(message, language) +
           "\",\"details\":[]}}";
  return r;
}

// Runs hooks.handle(req) on the worker pool; completes on `io` (the connection's executor).
template <typename Executor>
auto RunOnWorkers(std::shared_ptr<Shared> sh, Request& req, Executor io) {
  return asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
      [sh, &req, io](auto handler) {
        sh->in_flight.fetch_add(1);
        asio::post(sh->workers, [sh, &req, io, handler = std::move(handler)]() mutable {
          Response r = sh->hooks.handle(req);
          sh->in_flight.fetch_sub(1);
          asio::post(io, [handler = std::move(handler), r = std::move(r)]() mutable {
            std::move(handler)(std::move(r));
          });
        });
      },
      asio::use_awaitable);
}

// Runs hooks.pre_authorize(req) on the worker pool (it reads the database).
template <typename Executor>
auto PreAuthorizeOnWorkers(std::shared_ptr<Shared> sh, Request& req, Executor io) {
  return asio::async_initiate<decltype(asio::use_awaitable), void(std::optional<Response>)>(
      [sh, &req, io](auto handler) {
        asio::post(sh->workers, [sh, &req, io, handler = std::move(handler)]() mutable {
          std::optional<Response> r = sh->hooks.pre_authorize(req);
          asio::post(io, [handler = std::move(handler), r = std::move(r)]() mutable {
            std::move(handler)(std::move(r));
          });
        });
      },
      asio::use_awaitable);
}

// After an early answer: let the client finish sending (bounded in bytes and time) so it reads the
// answer instead of a reset connection; nothing read is kept.
asio::awaitable<void> DrainAndClose(beast::tcp_stream& stream, size_t max_bytes) {
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(5));
  std::vector<char> sink(64 * 1024);
  size_t drained = 0;
  while (drained < max_bytes) {
    size_t n = co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    drained += n;
  }
}

asio::awaitable<void> Session(tcp::socket socket, std::shared_ptr<Shared> sh, std::string ip) {
  ConnectionSlot slot{sh, ip};
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  boost::system::error_code ec;
  const auto& opt = sh->options;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.header_limit));
    // No limit while reading the header: who is asking is checked first (an anonymous upload of any
    // size gets 401), then the route's limit applies before any of the body is read.
    parser.body_limit(boost::none);
    stream.expires_after(opt.idle_timeout);
    co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
      const auto& h = parser.get();
      const bool upload =
          sh->hooks.is_upload && sh->hooks.is_upload(h.method_string(), h.target().substr(0, h.target().find('?')));
      // Check who is asking before reading a body: anonymous or unauthorised callers never get
      // to send megabytes.
      const bool has_body = parser.chunked() || (parser.content_length() && *parser.content_length() > 0);
      if (has_body && sh->hooks.pre_authorize) {
        Request head = ToRequest(h, ip);
        std::optional<Response> refusal = co_await PreAuthorizeOnWorkers(sh, head, stream.get_executor());
        if (refusal) {
          auto res = ToBeast(std::move(*refusal), h.version(), false);
          stream.expires_after(opt.read_timeout);
          co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
          co_await DrainAndClose(stream, 1024 * 1024);
          co_return;
        }
      }
      const size_t limit = upload ? opt.upload_limit : opt.body_limit;
      if (parser.content_length() && *parser.content_length() > limit) ec = bhttp::error::body_limit;
      else parser.body_limit(limit);
    }
    if (!ec) {
      stream.expires_after(opt.read_timeout);
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec == bhttp::error::body_limit) {
      const Language language = NegotiateLanguage(std::string_view(parser.get()[bhttp::field::accept_language]));
      auto res = ToBeast(SimpleError(413, "payload_too_large", "请求体超过大小限制", language), parser.get().version(),
                         false);
      co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
      co_await DrainAndClose(stream, opt.upload_limit);
      co_return;
    }
    if (ec) {
      if (ec == bhttp::error::header_limit) {
        auto res = ToBeast(SimpleError(431, "header_too_large", "请求头过大"), 11, false);
        stream.expires_after(opt.read_timeout);
        co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
      } else if (ec != bhttp::error::end_of_stream && ec != asio::error::eof && ec != beast::error::timeout &&
                 ec != asio::error::connection_reset && ec != asio::error::operation_aborted) {
        auto res = ToBeast(SimpleError(400, "bad_request", "请求格式错误"), 11, false);
        co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
      }
      break;
    }
    auto req_in = parser.release();
    const bool keep_alive = req_in.keep_alive();
    const unsigned version = req_in.version();
    Request req = ToRequest(req_in, ip);
    // Run the (blocking) handler on the worker pool and resume on this connection's executor;
    // a non-blocking one (is_inline) right here.
    Response resp;
    if (sh->hooks.is_inline && sh->hooks.is_inline(req.method, req.path)) resp = sh->hooks.handle(req);
    else resp = co_await RunOnWorkers(sh, req, stream.get_executor());
    if (req.method == "HEAD") resp.body.clear();
    auto out = ToBeast(std::move(resp), version, keep_alive);
    stream.expires_after(opt.read_timeout);
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor, std::shared_ptr<Shared> sh) {
  asio::steady_timer backoff(acceptor.get_executor());
  auto delay = std::chrono::milliseconds(10);
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      // Out of descriptors (EMFILE/ENFILE) or memory: accepting again at once fails again at once.
      // Wait, doubling up to a second, so the loop does not spin while connections drain.
      if (delay >= std::chrono::milliseconds(640)) spdlog::warn("accept failed: {}; backing off", ec.message());
      backoff.expires_after(delay);
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      delay = std::min<std::chrono::milliseconds>(delay * 2, std::chrono::seconds(1));
      continue;
    }
    delay = std::chrono::milliseconds(10);
    std::string ip = socket.remote_endpoint(ec).address().to_string();
    if (ec || !sh->Admit(ip)) {
      // Over the cap: a short answer, then close (never queued, never read).
      static const char kBusy[] =
          "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      socket.non_blocking(true, ec);
      socket.write_some(asio::buffer(kBusy, sizeof kBusy - 1), ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
      socket.close(ec);
      continue;
    }
    auto exec = socket.get_executor();
    asio::co_spawn(exec, Session(std::move(socket), sh, std::move(ip)), asio::detached);
  }
}

}  // namespace

Status RunServer(const ServerOptions& options, const ServerHooks& hooks) {
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  const int io_threads = options.io_threads > 0 ? options.io_threads : cores;
  const int worker_threads = options.worker_threads > 0 ? options.worker_threads : 4 * cores;

  asio::io_context ioc(io_threads);
  asio::thread_pool workers(worker_threads);
  tcp::acceptor acceptor(ioc);
  boost::system::error_code ec;
  auto address = asio::ip::make_address(options.address, ec);
  if (ec) return Status::InvalidArgument("bad listen address " + options.address);
  tcp::endpoint ep(address, options.port);
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + options.address + ":" +
                                     std::to_string(options.port) + ": " + ec.message());
  if (hooks.on_listening) hooks.on_listening(acceptor.local_endpoint().port());

  auto sh = std::make_shared<Shared>(options, hooks, workers);
  asio::co_spawn(ioc, Listen(acceptor, sh), asio::detached);

  // SIGTERM/SIGINT: stop accepting, let requests in flight finish for up to shutdown_grace, then
  // stop the loop. A second signal, or a worker still stuck a second after that, exits at once.
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  const auto grace_end = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> poll;
  auto timer = std::make_shared<asio::steady_timer>(ioc);
  poll = [&, timer] {
    if (sh->in_flight.load() == 0 || std::chrono::steady_clock::now() >= *grace_end) {
      ioc.stop();
      return;
    }
    timer->expires_after(std::chrono::milliseconds(50));
    timer->async_wait([&](const boost::system::error_code&) { poll(); });
  };
  signals.async_wait([&](const boost::system::error_code& sig_ec, int sig) {
    if (sig_ec) return;
    spdlog::info("signal {} received: shutting down", sig);
    acceptor.close();
    *grace_end = std::chrono::steady_clock::now() + options.shutdown_grace;
    signals.async_wait([](const boost::system::error_code& e2, int) {
      if (e2) return;
      std::fflush(nullptr);
      std::_Exit(1);
    });
    poll();
  });

  std::vector<std::thread> threads;
  for (int i = 1; i < io_threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  workers.stop();
  std::promise<void> joined;
  auto joined_future = joined.get_future();
  std::thread joiner([&] {
    workers.join();
    joined.set_value();
  });
  if (joined_future.wait_for(std::chrono::seconds(1)) != std::future_status::ready) {
    // A handler ignores its deadline: the process cannot wait for it.
    spdlog::warn("{} request(s) still running after the shutdown grace period: exiting", sh->in_flight.load());
    spdlog::default_logger()->flush();
    std::fflush(nullptr);
    std::_Exit(0);
  }
  joiner.join();
  return Status::Ok();
}

}  // namespace parkhq::http
