// Boost.Beast HTTP/1.1 server of `frontline serve`; see server.hpp for the threading model
// and the limits.
#include "serve/server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <optional>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "common/option_error.hpp"

namespace frontline::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

void parse_listen(const std::string& s, ServerOptions& opt) {
    std::string host = opt.address, port = s;
    auto colon = s.rfind(':');
    if (colon != std::string::npos) {
        host = s.substr(0, colon);
        port = s.substr(colon + 1);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        if (host.empty()) host = "127.0.0.1";
    }
    auto p = parse_uint(port);
    if (!p || *p > 65535)
        throw OptionError("serve", "{listen} " + OptionError::literal(s), "expected HOST:PORT");
    beast::error_code ec;
    asio::ip::make_address(host, ec);
    if (ec) {
        throw OptionError("serve", "{listen} " + OptionError::literal(s),
                          "not an IP address: " + OptionError::literal(host));
    }
    opt.address = host;
    opt.port = static_cast<std::uint16_t>(*p);
}

void parse_trusted_proxies(const std::vector<std::string>& v, ServerOptions& opt) {
    std::vector<std::string> out;
    for (const auto& t : v) {
        if (t == "none") continue;
        beast::error_code ec;
        if (t != "loopback") asio::ip::make_address(t, ec);
        if (ec)
            throw OptionError("serve", "{trusted_proxy} " + OptionError::literal(t),
                              "expected an IP address, \"loopback\" or \"none\"");
        out.push_back(t);
    }
    opt.trusted_proxies = std::move(out);
}

bool trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted) {
    beast::error_code ec;
    auto a = asio::ip::make_address(peer, ec);
    if (ec) return false;
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        a = asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
    for (const auto& t : trusted) {
        if (t == "loopback") {
            if (a.is_loopback()) return true;
            continue;
        }
        auto b = asio::ip::make_address(t, ec);
        if (!ec && b == a) return true;
    }
    return false;
}

namespace {

struct Shared {
    ServerOptions opt;
    std::shared_ptr<Handler> handler;
    asio::thread_pool* render_pool = nullptr;
    std::atomic<std::size_t> connections{0};
    std::atomic<bool> stopping{false};
};

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket s, Shared& sh)
        : stream_(std::move(s)), sh_(sh), buffer_(sh.opt.header_limit + 4096) {
        ++sh_.connections;
    }
    ~Session() { --sh_.connections; }

    void start() {
        asio::dispatch(stream_.get_executor(),
                       beast::bind_front_handler(&Session::read, shared_from_this()));
    }

  private:
    void read() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(sh_.opt.header_limit));
        parser_->body_limit(0);  // GET only: any request body is refused
        stream_.expires_after(sh_.opt.read_timeout);
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) {
            // Socket errors, timeouts and a clean end of stream: just close. A malformed or
            // oversized request: a short error, then close (the stream is out of sync).
            if (ec.category() != http::make_error_code(http::error::end_of_stream).category() ||
                ec == http::error::end_of_stream || ec == http::error::partial_message)
                return close();
            HttpResponse r;
            r.status = ec == http::error::header_limit || ec == http::error::buffer_overflow ? 431
                       : ec == http::error::body_limit                                       ? 413
                                                                                             : 400;
            r.content_type = "text/plain; charset=utf-8";
            r.body = "bad request: " + ec.message() + "\n";
            r.cache_control = "no-store";
            keep_alive_ = false;
            version_ = 11;
            return write(std::move(r));
        }
        auto& m = parser_->get();
        HttpRequest req;
        req.method = std::string(m.method_string());
        req.target = std::string(m.target());
        req.host = std::string(m[http::field::host]);
        req.host_fields = m.count(http::field::host);
        req.if_none_match = std::string(m[http::field::if_none_match]);
        if (peer_trusted()) req.forwarded_proto = std::string(m["X-Forwarded-Proto"]);
        keep_alive_ = m.keep_alive() && !sh_.stopping;
        version_ = m.version();
        if (auto r = sh_.handler->handle(req, false)) return write(std::move(*r));
        asio::post(*sh_.render_pool, [self = shared_from_this(), req = std::move(req)] {
            auto r = self->sh_.handler->handle(req, true);
            asio::post(self->stream_.get_executor(),
                       [self, r = std::move(*r)]() mutable { self->write(std::move(r)); });
        });
    }

    bool peer_trusted() {
        beast::error_code ec;
        auto ep = stream_.socket().remote_endpoint(ec);
        return !ec && trusted_proxy(ep.address().to_string(), sh_.opt.trusted_proxies);
    }

    void write(HttpResponse r) {
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(r.status), version_);
        res->set(http::field::server, "frontline");
        if (!r.content_type.empty()) res->set(http::field::content_type, r.content_type);
        if (!r.etag.empty()) res->set(http::field::etag, r.etag);
        if (!r.cache_control.empty()) res->set(http::field::cache_control, r.cache_control);
        for (auto& [k, v] : r.headers) res->set(k, v);
        res->body() = std::move(r.body);
        res->keep_alive(keep_alive_ && !sh_.stopping);
        res->prepare_payload();
        res_ = res;
        stream_.expires_after(sh_.opt.write_timeout);
        http::async_write(
            stream_, *res,
            beast::bind_front_handler(&Session::on_write, shared_from_this(), !res->keep_alive()));
    }

    void on_write(bool close_after, beast::error_code ec, std::size_t) {
        res_.reset();
        if (ec) return;
        if (close_after || sh_.stopping) return close();
        read();
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    Shared& sh_;
    beast::flat_buffer buffer_;  // max size bounds per-connection memory
    std::optional<http::request_parser<http::empty_body>> parser_;
    std::shared_ptr<void> res_;
    bool keep_alive_ = true;
    unsigned version_ = 11;
};

}  // namespace

struct Server::Impl {
    Shared sh;
    asio::io_context ioc;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc};
    asio::steady_timer grace{ioc};
    std::unique_ptr<asio::thread_pool> render_pool;
    // The acceptor and the signal set are touched by the accept loop and by begin_stop():
    // both run on this strand, never on two I/O threads at once (ThreadSanitizer found
    // begin_stop() closing the acceptor while another thread re-armed async_accept).
    asio::strand<asio::io_context::executor_type> control = asio::make_strand(ioc);

    void accept() {
        acceptor.async_accept(
            asio::make_strand(ioc),
            asio::bind_executor(control, [this](beast::error_code ec, tcp::socket s) {
                if (!acceptor.is_open()) return;
                if (!ec) {
                    if (sh.connections.load() >= sh.opt.max_connections) {
                        beast::error_code ignored;
                        s.close(ignored);
                    } else {
                        std::make_shared<Session>(std::move(s), sh)->start();
                    }
                }
                accept();
            }));
    }

    void begin_stop() {
        if (sh.stopping.exchange(true)) return;
        sh.opt.log("stopping: no new connections, finishing requests in flight");
        beast::error_code ec;
        acceptor.close(ec);
        signals.cancel(ec);
        // Idle keep-alive connections would otherwise hold run() until their read timeout.
        grace.expires_after(std::chrono::seconds(2));
        grace.async_wait([this](beast::error_code) { ioc.stop(); });
    }
};

Server::Server(ServerOptions opt, std::shared_ptr<Handler> handler) : impl_(new Impl) {
    impl_->sh.opt = std::move(opt);
    impl_->sh.handler = std::move(handler);
}

Server::~Server() = default;

void Server::listen() {
    auto& a = impl_->acceptor;
    const auto& opt = impl_->sh.opt;
    beast::error_code ec;
    tcp::endpoint ep(asio::ip::make_address(opt.address, ec), opt.port);
    if (ec) throw Error("serve", opt.address, "not an IP address", kExitUsage);
    const std::string where = opt.address + ":" + std::to_string(opt.port);
    a.open(ep.protocol(), ec);
    if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) a.bind(ep, ec);
    if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw Error("serve", where, "cannot listen: " + ec.message(), kExitOutputError);
}

std::uint16_t Server::port() const {
    beast::error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

void Server::run() {
    auto& im = *impl_;
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const int io = im.sh.opt.io_threads > 0 ? im.sh.opt.io_threads : static_cast<int>(hw);
    const int rt = im.sh.opt.render_threads > 0 ? im.sh.opt.render_threads : static_cast<int>(hw);
    im.render_pool = std::make_unique<asio::thread_pool>(rt);
    im.sh.render_pool = im.render_pool.get();
    if (im.sh.opt.handle_signals) {
        im.signals.add(SIGINT);
        im.signals.add(SIGTERM);
        im.signals.async_wait(asio::bind_executor(im.control, [&im](beast::error_code ec, int) {
            if (!ec) im.begin_stop();
        }));
    }
    im.accept();
    std::vector<std::thread> threads;
    for (int i = 1; i < io; ++i) threads.emplace_back([&im] { im.ioc.run(); });
    im.ioc.run();
    for (auto& t : threads) t.join();
    im.render_pool->join();
    im.sh.opt.log("stopped");
}

void Server::stop() {
    asio::post(impl_->control, [im = impl_.get()] { im->begin_stop(); });
}

}  // namespace frontline::serve
