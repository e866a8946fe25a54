// PMTiles v3 writing and reading. Section numbers in comments and errors refer to the v3 spec.
#include "tiles/pmtiles.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

// ---- Tile IDs (spec 4.1) -------------------------------------------------------------------

namespace {

constexpr int kMaxZoom = 31;

// Tiles of all zoom levels below z: 1 + 4 + ... + 4^(z-1) = (4^z - 1) / 3 (for z = 32,
// 4^32 - 1 is UINT64_MAX).
std::uint64_t first_id(int z) {
    return (z >= 32 ? UINT64_MAX : (std::uint64_t{1} << (2 * z)) - 1) / 3;
}

// One step of the Hilbert curve's recursion: within a quadrant of side `s`, the curve of the
// lower quadrants is turned (transposed, and mirrored for the lower right one).
void hilbert_turn(std::uint64_t s, std::uint64_t& x, std::uint64_t& y, std::uint64_t rx,
                  std::uint64_t ry) {
    if (ry != 0) return;
    if (rx == 1) {
        x = s - 1 - x;
        y = s - 1 - y;
    }
    std::swap(x, y);
}

}  // namespace

std::uint64_t pmtiles_tile_id(const TileId& t) {
    if (t.z < 0 || t.z > kMaxZoom || t.x < 0 || t.y < 0 || t.x >= (std::int64_t{1} << t.z) ||
        t.y >= (std::int64_t{1} << t.z)) {
        throw Error(
            "pmtiles",
            "tile " + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y),
            "outside the tile grid");
    }
    const std::uint64_t n = std::uint64_t{1} << t.z;
    std::uint64_t x = static_cast<std::uint64_t>(t.x), y = static_cast<std::uint64_t>(t.y);
    std::uint64_t d = 0;
    // From the largest quadrant down: each level adds the curve position of the quadrant
    // holding the tile (quadrants in curve order (0,0), (0,1), (1,1), (1,0), as spec 4.1's
    // zoom 1 row shows), then turns the coordinates into that quadrant's own frame.
    for (std::uint64_t s = n / 2; s > 0; s /= 2) {
        const std::uint64_t rx = (x & s) ? 1 : 0;
        const std::uint64_t ry = (y & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        x &= s - 1;
        y &= s - 1;
        hilbert_turn(s, x, y, rx, ry);
    }
    return first_id(t.z) + d;
}

TileId pmtiles_tile(std::uint64_t id) {
    int z = 0;
    while (z <= kMaxZoom && id >= first_id(z + 1)) ++z;
    if (z > kMaxZoom) throw Error("pmtiles", "TileID " + std::to_string(id), "beyond zoom 31");
    std::uint64_t d = id - first_id(z);
    const std::uint64_t n = std::uint64_t{1} << z;
    std::uint64_t x = 0, y = 0;
    for (std::uint64_t s = 1; s < n; s *= 2) {
        const std::uint64_t rx = 1 & (d / 2);
        const std::uint64_t ry = 1 & (d ^ rx);
        hilbert_turn(s, x, y, rx, ry);
        x += s * rx;
        y += s * ry;
        d /= 4;
    }
    return {z, static_cast<int>(x), static_cast<int>(y)};
}

// ---- Directories (spec 4.2, 4.3) -----------------------------------------------------------

namespace {

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

struct VarintReader {
    std::string_view in;
    std::size_t pos = 0;
    const std::string& where;
    std::uint64_t next() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= in.size())
                throw Error("pmtiles", where, "directory ends inside a varint (spec 4.3)");
            const auto b = static_cast<unsigned char>(in[pos++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        throw Error("pmtiles", where, "varint longer than 10 bytes (spec 4.3)");
    }
};

}  // namespace

std::string encode_pm_directory(const std::vector<PmEntry>& entries) {
    std::string out;
    out.reserve(entries.size() * 5 + 8);
    put_varint(out, entries.size());
    std::uint64_t last = 0;
    for (const auto& e : entries) {
        put_varint(out, e.tile_id - last);
        last = e.tile_id;
    }
    for (const auto& e : entries) put_varint(out, e.run_length);
    for (const auto& e : entries) put_varint(out, e.length);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const bool follows = i > 0 && e.offset == entries[i - 1].offset + entries[i - 1].length;
        put_varint(out, follows ? 0 : e.offset + 1);
    }
    return out;
}

std::vector<PmEntry> decode_pm_directory(std::string_view raw, const std::string& where) {
    VarintReader r{raw, 0, where};
    const std::uint64_t n = r.next();
    // Each entry takes at least four bytes, one varint per column.
    if (n == 0 || n > raw.size() / 4)
        throw Error("pmtiles", where,
                    "directory claims " + std::to_string(n) + " entries in " +
                        std::to_string(raw.size()) + " bytes (spec 4.2: more than 0)");
    std::vector<PmEntry> out(n);
    std::uint64_t last = 0;
    for (auto& e : out) {
        const std::uint64_t delta = r.next();
        if (&e != &out.front() && delta == 0)
            throw Error("pmtiles", where, "TileIDs not ascending (spec 4)");
        last += delta;
        e.tile_id = last;
    }
    for (auto& e : out) {
        const std::uint64_t v = r.next();
        if (v > UINT32_MAX) throw Error("pmtiles", where, "RunLength above 2^32 - 1");
        e.run_length = static_cast<std::uint32_t>(v);
    }
    for (auto& e : out) {
        const std::uint64_t v = r.next();
        if (v == 0 || v > UINT32_MAX)
            throw Error("pmtiles", where, "entry length 0 or above 2^32 - 1 (spec 4.1)");
        e.length = static_cast<std::uint32_t>(v);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::uint64_t v = r.next();
        if (v == 0 && i == 0)
            throw Error("pmtiles", where, "first entry's offset written as 0 (spec 4.2)");
        out[i].offset = v == 0 ? out[i - 1].offset + out[i - 1].length : v - 1;
    }
    if (r.pos != raw.size()) throw Error("pmtiles", where, "bytes after the directory");
    return out;
}

// ---- Header (spec 3) -----------------------------------------------------------------------

namespace {

void put_le(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
std::uint64_t get_le(std::string_view in, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}
// Spec 3.4: degrees x 10,000,000 as a signed 32-bit integer.
void put_degrees(std::string& out, double deg) {
    put_le(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(deg * 1e7))), 4);
}
double get_degrees(std::string_view in, std::size_t at) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(get_le(in, at, 4))) / 1e7;
}

}  // namespace

std::string encode_pm_header(const PmHeader& h) {
    std::string out = "PMTiles";
    out.push_back(3);
    for (std::uint64_t v : {h.root_offset, h.root_length, h.metadata_offset, h.metadata_length,
                            h.leaf_offset, h.leaf_length, h.data_offset, h.data_length,
                            h.addressed_tiles, h.tile_entries, h.tile_contents}) {
        put_le(out, v, 8);
    }
    out.push_back(h.clustered ? 1 : 0);
    out.push_back(static_cast<char>(h.internal_compression));
    out.push_back(static_cast<char>(h.tile_compression));
    out.push_back(static_cast<char>(h.tile_type));
    out.push_back(static_cast<char>(h.minzoom));
    out.push_back(static_cast<char>(h.maxzoom));
    put_degrees(out, h.min_lon);
    put_degrees(out, h.min_lat);
    put_degrees(out, h.max_lon);
    put_degrees(out, h.max_lat);
    out.push_back(static_cast<char>(h.center_zoom));
    put_degrees(out, h.center_lon);
    put_degrees(out, h.center_lat);
    return out;
}

PmHeader decode_pm_header(std::string_view b, const std::string& where) {
    if (b.size() < kPmHeaderSize)
        throw Error("pmtiles", where, "shorter than the 127-byte header (spec 3)");
    if (b.substr(0, 7) != "PMTiles")
        throw Error("pmtiles", where, "no PMTiles magic number (spec 3.2)");
    if (b[7] != 3)
        throw Error(
            "pmtiles", where,
            "spec version " + std::to_string(static_cast<int>(b[7])) + ", only version 3 is read");
    PmHeader h;
    std::uint64_t* fields[] = {&h.root_offset,     &h.root_length,  &h.metadata_offset,
                               &h.metadata_length, &h.leaf_offset,  &h.leaf_length,
                               &h.data_offset,     &h.data_length,  &h.addressed_tiles,
                               &h.tile_entries,    &h.tile_contents};
    std::size_t at = 8;
    for (auto* f : fields) {
        *f = get_le(b, at, 8);
        at += 8;
    }
    h.clustered = b[96] == 1;
    h.internal_compression = static_cast<PmCompression>(b[97]);
    h.tile_compression = static_cast<PmCompression>(b[98]);
    h.tile_type = static_cast<PmTileType>(b[99]);
    h.minzoom = static_cast<unsigned char>(b[100]);
    h.maxzoom = static_cast<unsigned char>(b[101]);
    h.min_lon = get_degrees(b, 102);
    h.min_lat = get_degrees(b, 106);
    h.max_lon = get_degrees(b, 110);
    h.max_lat = get_degrees(b, 114);
    h.center_zoom = static_cast<unsigned char>(b[118]);
    h.center_lon = get_degrees(b, 119);
    h.center_lat = get_degrees(b, 123);
    return h;
}

// ---- Internal compression ------------------------------------------------------------------

namespace {

// Directories are small and written once; the best zlib level costs nothing measurable.
std::string gzip(std::string_view in) {
    z_stream z{};
    // windowBits 15 + 16: a gzip wrapper (header with mtime 0, so output is reproducible).
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("pmtiles", "gzip", "deflateInit2 failed", kExitInternal);
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw Error("pmtiles", "gzip", "deflate failed", kExitInternal);
    return out;
}

// Directories and metadata are bounded: a hostile archive cannot make us inflate more.
constexpr std::size_t kMaxInflated = std::size_t{256} << 20;

std::string gunzip(std::string_view in, const std::string& where) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        throw Error("pmtiles", where, "inflateInit2 failed", kExitInternal);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    std::string out;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (out.size() >= kMaxInflated) {
            inflateEnd(&z);
            throw Error("pmtiles", where, "inflates to more than 256 MiB");
        }
        const std::size_t had = out.size();
        out.resize(std::max<std::size_t>(4096, had * 2));
        z.next_out = reinterpret_cast<Bytef*>(out.data() + had);
        z.avail_out = static_cast<uInt>(out.size() - had);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(out.size() - z.avail_out);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            throw Error("pmtiles", where, "corrupt gzip data (InternalCompression 2)");
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            throw Error("pmtiles", where, "truncated gzip data (InternalCompression 2)");
        }
    }
    inflateEnd(&z);
    return out;
}

std::string compress(std::string_view raw, PmCompression c) {
    return c == PmCompression::gzip ? gzip(raw) : std::string(raw);
}

std::string decompress(std::string_view data, PmCompression c, const std::string& where) {
    switch (c) {
        case PmCompression::none:
            return std::string(data);
        case PmCompression::gzip:
            return gunzip(data, where);
        default:
            throw Error("pmtiles", where,
                        "InternalCompression " + std::to_string(static_cast<int>(c)) +
                            " not supported (only 1 none and 2 gzip)");
    }
}

}  // namespace

PmDirectories build_pm_directories(const std::vector<PmEntry>& entries, PmCompression c,
                                   std::size_t max_root_bytes) {
    PmDirectories d;
    d.root = compress(encode_pm_directory(entries), c);
    if (d.root.size() <= max_root_bytes) return d;
    // 4096 entries per leaf: a leaf of our PNG entries gzips to a few KiB, one small range
    // request; doubled until the root of leaf pointers fits.
    for (std::size_t per_leaf = 4096;; per_leaf *= 2) {
        std::vector<PmEntry> root;
        d.leaves.clear();
        for (std::size_t i = 0; i < entries.size(); i += per_leaf) {
            const std::size_t end = std::min(entries.size(), i + per_leaf);
            std::vector<PmEntry> leaf(entries.begin() + static_cast<std::ptrdiff_t>(i),
                                      entries.begin() + static_cast<std::ptrdiff_t>(end));
            const std::string bytes = compress(encode_pm_directory(leaf), c);
            root.push_back({leaf.front().tile_id, d.leaves.size(),
                            static_cast<std::uint32_t>(bytes.size()), 0});
            d.leaves += bytes;
        }
        d.root = compress(encode_pm_directory(root), c);
        d.leaf_count = root.size();
        if (d.root.size() <= max_root_bytes || root.size() == 1) return d;
    }
}

// ---- Writer --------------------------------------------------------------------------------

namespace {

[[noreturn]] void io_fail(const fs::path& p, const std::string& what) {
    throw Error("pmtiles", p.string(), what + ": " + std::strerror(errno), kExitOutputError);
}

void write_all(int fd, const fs::path& p, const char* data, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, data, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            io_fail(p, "write failed");
        }
        data += w;
        n -= static_cast<std::size_t>(w);
    }
}

void read_all(int fd, const fs::path& p, char* data, std::size_t n, std::uint64_t at) {
    while (n > 0) {
        const ssize_t r = ::pread(fd, data, n, static_cast<off_t>(at));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            if (r == 0) errno = EIO;
            io_fail(p, "read failed");
        }
        data += r;
        n -= static_cast<std::size_t>(r);
        at += static_cast<std::uint64_t>(r);
    }
}

std::string tile_name(const TileId& t) {
    return std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y);
}

}  // namespace

PmtilesWriter::PmtilesWriter(fs::path path, PmInfo info)
    : path_(std::move(path)), info_(std::move(info)) {
    std::error_code ec;
    if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), ec);
    // Named like every other temporary (temporary_path(), the spool with ".1" added), so a
    // later run removes what a killed one left.
    tmp_ = temporary_path(path_);
    spool_ = tmp_;
    spool_ += ".1";
    spool_fd_ = ::open(spool_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (spool_fd_ < 0) io_fail(path_, "cannot create temporary file");
}

PmtilesWriter::~PmtilesWriter() {
    if (spool_fd_ >= 0) ::close(spool_fd_);
    std::error_code ec;
    fs::remove(spool_, ec);
    if (!committed_) fs::remove(tmp_, ec);  // roll back: never leave a half-written file
}

void PmtilesWriter::add(const TileId& t, std::string_view data, const Digest& d) {
    if (data.empty() || data.size() > UINT32_MAX)
        throw Error("pmtiles", path_.string(),
                    "tile " + tile_name(t) + " is empty or above 4 GiB (spec 4.1)", kExitInternal);
    const std::uint64_t id = pmtiles_tile_id(t);
    std::lock_guard lock(mutex_);
    auto [it, inserted] = tiles_.emplace(id, d);
    if (!inserted) {
        if (it->second == d) return;
        throw Error("pmtiles", path_.string(),
                    "tile " + tile_name(t) + " added twice with different contents", kExitInternal);
    }
    if (blobs_.count(d)) return;
    write_all(spool_fd_, path_, data.data(), data.size());
    blobs_.emplace(d, Blob{spool_size_, static_cast<std::uint32_t>(data.size())});
    spool_size_ += data.size();
}

void PmtilesWriter::commit() {
    std::lock_guard lock(mutex_);
    std::error_code ec;
    if (tiles_.empty()) {
        fs::remove(path_, ec);
        committed_ = true;
        return;
    }
    // Clustered layout (spec 3.2): contents in TileID order of their first use; later uses
    // point back. Consecutive TileIDs with the same content extend the previous entry's run.
    std::unordered_map<Digest, std::uint64_t, DigestHash> placed;
    std::vector<const Blob*> order;
    std::vector<PmEntry> entries;
    std::uint64_t data_size = 0;
    for (const auto& [id, d] : tiles_) {
        auto [pit, first] = placed.emplace(d, data_size);
        const Blob& b = blobs_.at(d);
        if (first) {
            order.push_back(&b);
            data_size += b.length;
        }
        if (!entries.empty()) {
            PmEntry& prev = entries.back();
            if (prev.offset == pit->second && prev.tile_id + prev.run_length == id &&
                prev.run_length < UINT32_MAX) {
                ++prev.run_length;
                continue;
            }
        }
        entries.push_back({id, pit->second, b.length, 1});
    }

    const PmDirectories dirs = build_pm_directories(entries, PmCompression::gzip);
    const std::string metadata = compress(info_.metadata_json, PmCompression::gzip);

    PmHeader& h = header_;
    h.root_offset = kPmHeaderSize;
    h.root_length = dirs.root.size();
    h.metadata_offset = h.root_offset + h.root_length;
    h.metadata_length = metadata.size();
    h.leaf_offset = h.metadata_offset + h.metadata_length;
    h.leaf_length = dirs.leaves.size();
    h.data_offset = h.leaf_offset + h.leaf_length;
    h.data_length = data_size;
    h.addressed_tiles = tiles_.size();
    h.tile_entries = entries.size();
    h.tile_contents = order.size();
    h.clustered = true;
    h.internal_compression = PmCompression::gzip;
    h.tile_compression = PmCompression::none;  // PNG is compressed already
    h.tile_type = info_.tile_type;
    h.minzoom = info_.minzoom;
    h.maxzoom = info_.maxzoom;
    h.min_lon = info_.bounds.minx;
    h.min_lat = info_.bounds.miny;
    h.max_lon = info_.bounds.maxx;
    h.max_lat = info_.bounds.maxy;
    h.center_zoom = info_.center_zoom;
    h.center_lon = info_.center_lon;
    h.center_lat = info_.center_lat;

    const int fd = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) io_fail(path_, "cannot create temporary file");
    try {
        std::string head = encode_pm_header(h);
        head += dirs.root;
        head += metadata;
        head += dirs.leaves;
        write_all(fd, path_, head.data(), head.size());
        std::string buf;
        for (const Blob* b : order) {
            buf.resize(b->length);
            read_all(spool_fd_, path_, buf.data(), b->length, b->spool_offset);
            write_all(fd, path_, buf.data(), buf.size());
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) io_fail(path_, "close failed");
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) io_fail(path_, "rename failed");
    committed_ = true;
}

// ---- Reader --------------------------------------------------------------------------------

PmtilesReader::PmtilesReader(fs::path path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
        throw Error("pmtiles", path_.string(), std::string("cannot open: ") + std::strerror(errno));
    const off_t end = ::lseek(fd_, 0, SEEK_END);
    size_ = end < 0 ? 0 : static_cast<std::uint64_t>(end);
    try {
        header_ = decode_pm_header(read(0, std::min<std::uint64_t>(size_, kPmHeaderSize)),
                                   path_.string());
        const std::pair<std::uint64_t, std::uint64_t> sections[] = {
            {header_.root_offset, header_.root_length},
            {header_.metadata_offset, header_.metadata_length},
            {header_.leaf_offset, header_.leaf_length},
            {header_.data_offset, header_.data_length}};
        for (const auto& [off, len] : sections) {
            if (off > size_ || len > size_ - off)
                throw Error("pmtiles", path_.string(),
                            "a section ends past the end of the file (spec 3.2)");
        }
        if (header_.root_offset + header_.root_length > kPmRootLimit)
            throw Error("pmtiles", path_.string(),
                        "root directory not within the first 16,384 bytes (spec 2)");
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

PmtilesReader::~PmtilesReader() {
    if (fd_ >= 0) ::close(fd_);
}

std::string PmtilesReader::read(std::uint64_t offset, std::uint64_t length) const {
    if (offset > size_ || length > size_ - offset)
        throw Error("pmtiles", path_.string(),
                    "range " + std::to_string(offset) + "+" + std::to_string(length) +
                        " past the end of the file");
    std::string out(length, '\0');
    read_all(fd_, path_, out.data(), out.size(), offset);
    return out;
}

std::vector<PmEntry> PmtilesReader::directory(std::uint64_t offset, std::uint64_t length) const {
    const std::string where = path_.string() + " directory at byte " + std::to_string(offset);
    return decode_pm_directory(
        decompress(read(offset, length), header_.internal_compression, where), where);
}

std::string PmtilesReader::metadata() const {
    return decompress(read(header_.metadata_offset, header_.metadata_length),
                      header_.internal_compression, path_.string() + " metadata");
}

std::vector<PmEntry> PmtilesReader::root() const {
    return directory(header_.root_offset, header_.root_length);
}

std::optional<std::string> PmtilesReader::tile(const TileId& t) const {
    if (t.z < header_.minzoom || t.z > header_.maxzoom) return std::nullopt;
    const std::uint64_t id = pmtiles_tile_id(t);
    std::vector<PmEntry> dir = root();
    // The root and at most three levels of leaves (the spec discourages more than one).
    for (int depth = 0; depth < 4; ++depth) {
        // The last entry whose TileID is not above the one sought.
        auto it = std::upper_bound(dir.begin(), dir.end(), id,
                                   [](std::uint64_t v, const PmEntry& e) { return v < e.tile_id; });
        if (it == dir.begin()) return std::nullopt;
        const PmEntry& e = *std::prev(it);
        if (e.run_length == 0) {
            dir = directory(header_.leaf_offset + e.offset, e.length);
            continue;
        }
        if (id >= e.tile_id + e.run_length) return std::nullopt;
        return read(header_.data_offset + e.offset, e.length);
    }
    throw Error("pmtiles", path_.string(), "leaf directories nested more than three deep");
}

void PmtilesReader::for_each(const std::function<void(const TileId&, std::string_view)>& f) const {
    std::function<void(const std::vector<PmEntry>&, int)> walk =
        [&](const std::vector<PmEntry>& dir, int depth) {
            if (depth > 3)
                throw Error("pmtiles", path_.string(),
                            "leaf directories nested more than three deep");
            for (const auto& e : dir) {
                if (e.run_length == 0) {
                    walk(directory(header_.leaf_offset + e.offset, e.length), depth + 1);
                    continue;
                }
                const std::string data = read(header_.data_offset + e.offset, e.length);
                for (std::uint64_t i = 0; i < e.run_length; ++i)
                    f(pmtiles_tile(e.tile_id + i), data);
            }
        };
    walk(root(), 0);
}

}  // namespace frontline
