// Work spread over threads, with one rule for errors.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace frontline {

// Calls f(i) for every i in [0, n) on `threads` threads (0 or less: one per core; the calling
// thread is one of them), each taking the next index. The first exception stops the handing
// out of indices; once every thread has joined, the exception of the lowest index that threw
// is rethrown. Indices are handed out in order, so that is the lowest index whose f throws,
// whatever the timing.
template <typename F>
void parallel_for(std::size_t n, int threads, F&& f) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(n);
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                f(i);
            } catch (...) {
                errors[i] = std::current_exception();
                next = n;  // no more indices
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && static_cast<std::size_t>(t) < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace frontline
