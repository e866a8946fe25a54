// A bounded LRU cache of rendered images with single-flight rendering: when several requests
// want tiles of the same metatile at once, the first renders all of them and the others wait
// for that result instead of rendering again (renderd and TileServer GL operators report
// CPU storms from exactly this). Bounded in bytes, so memory stays bounded under any load.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace frontline::serve {

struct Blob {
    std::string bytes;
    std::string etag;  // strong ETag, quoted: "\"<32 hex>\"" of the content digest
};

// A strong ETag from content (128-bit digest, see common/digest.hpp).
std::string etag_of(std::string_view bytes);

struct CacheStats {
    std::size_t hits = 0, misses = 0, renders = 0, bytes = 0, entries = 0;
};

class RenderCache {
  public:
    using Entries = std::vector<std::pair<std::string, std::string>>;  // key, bytes

    explicit RenderCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    std::shared_ptr<const Blob> get(const std::string& key);

    // Returns the entry for `key`, rendering with `render` if absent. `render` yields every
    // entry of one unit of work (a metatile: up to 16 tiles), which are all cached; concurrent
    // calls with the same `flight` key share one call of `render`. Exceptions from `render`
    // reach every waiter. Returns null if `render` did not produce `key`.
    std::shared_ptr<const Blob> get_or_render(const std::string& key, const std::string& flight,
                                              const std::function<Entries()>& render);

    CacheStats stats() const;

  private:
    using Lru = std::list<std::string>;
    struct Slot {
        std::shared_ptr<const Blob> blob;
        Lru::iterator pos;
    };
    std::shared_ptr<const Blob> lookup_locked(const std::string& key);
    void insert_locked(const std::string& key, std::shared_ptr<const Blob> blob);

    std::size_t max_bytes_;
    mutable std::mutex mutex_;
    Lru lru_;  // front: most recently used
    std::unordered_map<std::string, Slot> map_;
    std::unordered_map<std::string, std::shared_future<void>> flights_;
    CacheStats stats_;
};

}  // namespace frontline::serve
