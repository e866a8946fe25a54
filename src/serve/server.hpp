// The HTTP/1.1 front of `frontline serve` (Boost.Beast): I/O threads that parse requests
// under strict limits and answer from the Handler, and a separate render pool for answers
// that need rendering, so slow renders never stall requests for files already on disk.
// Defences against hostile clients: header size limit, no request bodies, read and write
// timeouts (slow clients are dropped), a connection cap, bounded buffers.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "serve/handler.hpp"

namespace frontline::serve {

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;                       // 0: any free port (see Server::port())
    int io_threads = 0;                              // 0: hardware concurrency
    int render_threads = 0;                          // 0: hardware concurrency
    std::chrono::milliseconds read_timeout{10000};   // whole request header, and keep-alive idle
    std::chrono::milliseconds write_timeout{30000};  // whole response
    std::size_t header_limit = 8 * 1024;             // bytes; larger: 431
    std::size_t max_connections = 1024;              // more are closed at once
    bool handle_signals = true;                      // stop on SIGINT and SIGTERM
    // Peers whose X-Forwarded-Proto is believed (a reverse proxy such as deploy/nginx): IP
    // addresses, or "loopback" for 127.0.0.0/8 and ::1. From any other peer the header is
    // ignored, so a client cannot make the TileJSON name https:// (or anything else) itself.
    std::vector<std::string> trusted_proxies = {"loopback"};
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

// "host:port" or ":port" or "port". Throws OptionError("serve", "{listen} ...", ...) on bad
// input.
void parse_listen(const std::string& s, ServerOptions& opt);

// Trusted proxies as written: IP addresses, "loopback", or "none" (trust no peer); replaces
// opt.trusted_proxies. Throws OptionError("serve", "{trusted_proxy} ...", ...) on anything
// else.
void parse_trusted_proxies(const std::vector<std::string>& v, ServerOptions& opt);

// Whether `peer` (an IP address as text) is one of `trusted` (addresses or "loopback"); an
// IPv4-mapped IPv6 peer (::ffff:127.0.0.1) counts as its IPv4 address.
bool trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted);

class Server {
  public:
    Server(ServerOptions opt, std::shared_ptr<Handler> handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens (throws Error on failure); afterwards port() is the bound port.
    void listen();
    std::uint16_t port() const;
    // Serves until stop() or a signal; then stops accepting, lets in-flight requests finish
    // (up to a grace period) and returns.
    void run();
    void stop();  // thread-safe

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::serve
