// The HTTP server: Boost.Beast over Asio with C++20 coroutines, one coroutine per connection on
// a pool of threads, HTTP/1.1 keep-alive, a read timeout per request, a request body limit,
// and graceful shutdown (stop accepting, let requests in flight finish, close idle
// connections). It knows nothing of business rules: each request is converted to a
// web::Request and given to the Handler, whose Response is sent back. Each request is logged
// (method, path without query string, status, duration) — never query strings or bodies,
// which may carry tracking codes and personal data.
//
// Thread safety: Start, Run and Stop may be called from different threads; the Handler is
// called concurrently from the pool's threads and must be thread-safe.

#ifndef GONGKAI_WEB_SERVER_H_
#define GONGKAI_WEB_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "util/status.h"
#include "web/http.h"

namespace gongkai::web {

// Requests larger than this are refused with 413 before their body is read: the ID-proof upload
// (at most kMaxUploadBytes, web/upload.h) plus the form around it.
inline constexpr std::size_t kMaxRequestBodyBytes = 6 * 1024 * 1024;
// Header block limit; browsers send far less.
inline constexpr std::size_t kMaxRequestHeaderBytes = 16 * 1024;
// A client must deliver a whole request (headers and body) within this time, and an idle
// keep-alive connection is closed after it.
inline constexpr std::chrono::seconds kRequestTimeout{30};
// On shutdown, requests in flight get this long to finish.
inline constexpr std::chrono::seconds kShutdownGrace{5};

struct ServerOptions {
  // Address to bind; the default serves only this machine (nginx in front for the world).
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (tests), read it back with Server::port().
  int port = 8080;
  // Threads running the connections.
  int threads = 4;
  // Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed
  // (web/security.h ClientAddress); from anyone else the headers are ignored.
  std::vector<std::string> trusted_proxies;
  // Stop on SIGINT / SIGTERM (the `serve` command); tests stop with Stop().
  bool handle_signals = false;
};

using Handler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Error naming the address when the port is taken or the host invalid.
  Status Start();
  // The bound port. REQUIRES: Start() succeeded.
  int port() const;
  // Serves until Stop() (or a signal, when enabled); returns when every thread has finished.
  // REQUIRES: Start() succeeded.
  void Run();
  // Starts Run() on background threads and returns at once (tests).
  void RunInBackground();
  // Begins a graceful shutdown; returns at once. Safe to call more than once.
  void Stop();
  // Waits for the background threads of RunInBackground().
  void Join();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SERVER_H_
