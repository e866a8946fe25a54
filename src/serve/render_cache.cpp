// The tile server's bounded LRU with single-flight rendering.
#include "serve/render_cache.hpp"

#include "common/digest.hpp"

namespace frontline::serve {

std::string etag_of(std::string_view bytes) {
    return "\"" + digest(bytes).hex() + "\"";
}

std::shared_ptr<const Blob> RenderCache::lookup_locked(const std::string& key) {
    auto it = map_.find(key);
    if (it == map_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.pos);
    return it->second.blob;
}

void RenderCache::insert_locked(const std::string& key, std::shared_ptr<const Blob> blob) {
    if (blob->bytes.size() > max_bytes_) return;
    auto it = map_.find(key);
    if (it != map_.end()) {
        stats_.bytes -= it->second.blob->bytes.size();
        lru_.erase(it->second.pos);
        map_.erase(it);
    }
    stats_.bytes += blob->bytes.size();
    lru_.push_front(key);
    map_.emplace(key, Slot{std::move(blob), lru_.begin()});
    while (stats_.bytes > max_bytes_ && !lru_.empty()) {
        auto victim = map_.find(lru_.back());
        stats_.bytes -= victim->second.blob->bytes.size();
        map_.erase(victim);
        lru_.pop_back();
    }
    stats_.entries = map_.size();
}

std::shared_ptr<const Blob> RenderCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto b = lookup_locked(key);
    if (b) ++stats_.hits;
    return b;
}

std::shared_ptr<const Blob> RenderCache::get_or_render(const std::string& key,
                                                       const std::string& flight,
                                                       const std::function<Entries()>& render) {
    // Bounded retries: a waiter whose entry was evicted before it looked (cache far too small
    // for the load) renders itself on the next round.
    for (int round = 0; round < 3; ++round) {
        std::unique_lock lock(mutex_);
        if (auto b = lookup_locked(key)) {
            ++stats_.hits;
            return b;
        }
        auto f = flights_.find(flight);
        if (f != flights_.end()) {
            auto wait = f->second;
            lock.unlock();
            wait.get();  // rethrows the renderer's exception
            continue;
        }
        ++stats_.misses;
        ++stats_.renders;
        std::promise<void> done;
        flights_.emplace(flight, done.get_future().share());
        lock.unlock();
        std::shared_ptr<const Blob> mine;
        try {
            auto entries = render();
            lock.lock();
            for (auto& [k, bytes] : entries) {
                auto etag = etag_of(bytes);
                auto blob = std::make_shared<const Blob>(Blob{std::move(bytes), std::move(etag)});
                if (k == key) mine = blob;
                insert_locked(k, std::move(blob));
            }
            flights_.erase(flight);
            lock.unlock();
            done.set_value();
        } catch (...) {
            if (!lock.owns_lock()) lock.lock();
            flights_.erase(flight);
            lock.unlock();
            done.set_exception(std::current_exception());
            throw;
        }
        return mine;
    }
    // Give up sharing: render for this request alone.
    for (auto& [k, bytes] : render()) {
        if (k == key) return std::make_shared<const Blob>(Blob{bytes, etag_of(bytes)});
    }
    return nullptr;
}

CacheStats RenderCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace frontline::serve
