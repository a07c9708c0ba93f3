// The only translation unit that includes Boost.Beast (slow to compile): everything else sees
// web::Request and web::Response.

#include "web/server.h"

#include <utility>  // before Boost with g++ 12

#include <spdlog/spdlog.h>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <exception>
#include <list>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "web/errors.h"
#include "web/form.h"
#include "web/security.h"

namespace gongkai::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// After refusing an oversized request, drop what the client still sends for at most this long
// and this many bytes before closing.
constexpr std::chrono::seconds kLingerTimeout{5};
constexpr std::size_t kMaxLingerBytes = 4 * kMaxRequestBodyBytes;

// One client connection. Its coroutine runs on the connection's strand; `idle` is touched only
// there, so Stop() can close idle connections without cutting a response in half.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;
};

Method ToMethod(http::verb v) {
  switch (v) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::head:
      return Method::kHead;
    case http::verb::post:
      return Method::kPost;
    default:
      return Method::kOther;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Builds a web::Request; returns a non-OK status when the target cannot be decoded.
Status Translate(const http::request<http::string_body>& in, const std::string& peer,
                 std::span<const std::string> trusted_proxies, Request* out) {
  out->method = ToMethod(in.method());
  std::string_view target(in.target().data(), in.target().size());
  std::size_t q = target.find('?');
  auto path = PercentDecode(target.substr(0, q), false);
  if (!path.ok()) return path.status();
  out->path = std::move(path).value();
  out->raw_path = std::string(target.substr(0, q));
  if (out->path.empty() || out->path.front() != '/') {
    return Status::InvalidInput("请求的网址无效");
  }
  if (q != std::string_view::npos) {
    out->raw_query = std::string(target.substr(q + 1));
    auto form = ParseUrlEncoded(out->raw_query);
    if (!form.ok()) return form.status();
    out->query = form->fields();
  }
  for (const auto& field : in) {
    std::string name =
        Lower(std::string_view(field.name_string().data(), field.name_string().size()));
    std::string_view value(field.value().data(), field.value().size());
    auto [it, inserted] = out->headers.emplace(name, std::string(value));
    if (!inserted) it->second += ", " + std::string(value);
  }
  out->cookies = ParseCookies(out->Header("cookie"));
  out->body = in.body();
  // nginx appends the address it saw (proxy_add_x_forwarded_for); only a trusted proxy's
  // headers are believed.
  out->remote_ip = ClientAddress(peer, out->Header("x-forwarded-for"), trusted_proxies);
  out->secure = IsTrustedProxy(peer, trusted_proxies) &&
                TrimSpaces(out->Header("x-forwarded-proto")) == "https";
  return Status::Ok();
}

http::response<http::string_body> ToBeast(Response&& r, unsigned version, bool keep_alive,
                                          bool head) {
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "gongkai");
  res.set(http::field::content_type, r.content_type);
  for (auto& [name, value] : r.headers) res.insert(name, value);
  res.keep_alive(keep_alive);
  if (head) {
    res.content_length(r.body.size());
  } else {
    res.body() = std::move(r.body);
    res.prepare_payload();
  }
  return res;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {}

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(std::shared_ptr<Connection> conn);
  void BeginShutdown();
  void ConnectionEnded();

  // Constant after construction.
  const ServerOptions options;
  const Handler handler;

  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer grace{ioc};
  std::vector<std::thread> threads;
  int bound_port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<int> live{0};

  // Protected by mu.
  std::mutex mu;
  std::list<std::weak_ptr<Connection>> connections;
};

asio::awaitable<void> Server::Impl::Accept() {
  while (!stopping) {
    boost::system::error_code ec;
    tcp::socket socket(asio::make_strand(ioc));
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      continue;
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(mu);
      connections.remove_if([](const auto& w) { return w.expired(); });
      connections.push_back(conn);
    }
    ++live;
    asio::co_spawn(conn->stream.get_executor(), Serve(conn), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn) {
  beast::flat_buffer buffer;
  boost::system::error_code ec;
  std::string peer;
  {
    auto ep = conn->stream.socket().remote_endpoint(ec);
    if (!ec) peer = ep.address().to_string();
  }
  while (!stopping) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxRequestHeaderBytes);
    parser.body_limit(kMaxRequestBodyBytes);
    conn->idle = true;
    conn->stream.expires_after(kRequestTimeout);
    co_await http::async_read(conn->stream, buffer, parser,
                              asio::redirect_error(asio::use_awaitable, ec));
    conn->idle = false;
    if (ec == http::error::body_limit) {
      Response r = PayloadTooLarge(fmt::format(
          "提交的内容超过了 {} MB 的上限，请压缩附件后重新提交。", kMaxRequestBodyBytes >> 20));
      auto res = ToBeast(std::move(r), 11, false, false);
      co_await http::async_write(conn->stream, res, asio::redirect_error(asio::use_awaitable, ec));
      // Lingering close: the client may still be sending the body it announced; read and drop
      // it for a while so the close does not reset the connection before the 413 is read.
      conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
      conn->stream.expires_after(kLingerTimeout);
      std::vector<char> sink(64 * 1024);
      std::size_t drained = 0;
      while (!ec && drained < kMaxLingerBytes) {
        drained += co_await conn->stream.async_read_some(
            asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
      }
      break;
    }
    if (ec) break;  // closed by the client, timed out, or malformed: nothing to answer
    auto start = std::chrono::steady_clock::now();
    const auto& in = parser.get();
    Request req;
    Response resp;
    try {  // an exception of any type, here or in the handler, is a 500, never the end
      Status s = Translate(in, peer, options.trusted_proxies, &req);
      resp = s.ok() ? handler(req) : BadRequest(s.message());
    } catch (...) {
      resp = UncaughtException("connection", req, std::current_exception());
    }
    int status = resp.status;
    bool keep_alive = in.keep_alive() && !stopping;
    auto res = ToBeast(std::move(resp), in.version(), keep_alive, req.method == Method::kHead);
    co_await http::async_write(conn->stream, res, asio::redirect_error(asio::use_awaitable, ec));
    auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count() /
              1000.0;
    spdlog::info("{} {} {} {:.1f}ms", MethodName(req.method), PathForLog(req.path), status, ms);
    if (ec || !keep_alive) break;
  }
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn->stream.close();
  ConnectionEnded();
}

void Server::Impl::ConnectionEnded() {
  if (--live == 0 && stopping) {
    asio::post(ioc, [this] { grace.cancel(); });
  }
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  asio::post(ioc, [this] {
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::lock_guard lock(mu);
    for (auto& weak : connections) {
      auto conn = weak.lock();
      if (!conn) continue;
      asio::post(conn->stream.get_executor(), [conn] {
        if (conn->idle) conn->stream.cancel();
      });
    }
    if (live == 0) return;
    grace.expires_after(kShutdownGrace);
    grace.async_wait([this](boost::system::error_code wait_ec) {
      if (!wait_ec) {
        spdlog::warn("shutdown: requests still running after {} s, stopping anyway",
                     kShutdownGrace.count());
        ioc.stop();
      }
    });
  });
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  Stop();
  Join();
}

Status Server::Start() {
  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return Status::InvalidInput("无效的监听地址 " + impl_->options.host + "：" + ec.message());
  }
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::InvalidInput("无法监听 " + impl_->options.host + ":" +
                                std::to_string(impl_->options.port) + "：" + ec.message() +
                                "（端口是否已被占用？可用 --port 换一个端口）");
  }
  impl_->bound_port = acceptor.local_endpoint().port();
  if (impl_->options.handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](boost::system::error_code sig_ec, int signo) {
      if (sig_ec) return;
      spdlog::info("signal {} received: finishing requests in flight, then stopping", signo);
      impl_->BeginShutdown();
    });
  }
  asio::co_spawn(impl_->ioc, impl_->Accept(), asio::detached);
  return Status::Ok();
}

int Server::port() const { return impl_->bound_port; }

void Server::Run() {
  RunInBackground();
  Join();
}

void Server::RunInBackground() {
  int n = std::max(1, impl_->options.threads);
  for (int i = 0; i < n; ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
}

void Server::Stop() { impl_->BeginShutdown(); }

void Server::Join() {
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->threads.clear();
}

}  // namespace gongkai::web
