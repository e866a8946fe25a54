// SQLite-backed MBTiles writing: one transaction for the whole file, prepared statements.
#include "tiles/mbtiles.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace frontline {

struct MbtilesWriter::Db {
    sqlite3* db = nullptr;
    sqlite3_stmt* put_image = nullptr;
    sqlite3_stmt* put_map = nullptr;
};

namespace {
[[noreturn]] void fail(sqlite3* db, const std::filesystem::path& p, const std::string& what) {
    throw Error("mbtiles", p.string(), what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"),
                kExitOutputError);
}

void exec(sqlite3* db, const std::filesystem::path& p, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown";
        sqlite3_free(err);
        throw Error("mbtiles", p.string(), std::string("SQL failed (") + msg + ")",
                    kExitOutputError);
    }
}
}  // namespace

MbtilesWriter::MbtilesWriter(std::filesystem::path path,
                             const std::map<std::string, std::string>& metadata)
    : path_(std::move(path)), db_(std::make_unique<Db>()) {
    std::error_code ec;
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
    tmp_ = temporary_path(path_);
    std::filesystem::remove(tmp_, ec);
    try {
        create(metadata);
    } catch (...) {
        // The destructor does not run for a throwing constructor: roll back here (a full
        // disk must not keep a half-written temporary).
        if (db_->db) sqlite3_close(db_->db);
        db_->db = nullptr;
        std::filesystem::remove(tmp_, ec);
        throw;
    }
}

void MbtilesWriter::create(const std::map<std::string, std::string>& metadata) {
    // Create the file first: SQLite's "unable to open database file" hides why (a read-only
    // directory, a full disk); open(2) says. SQLite takes an empty file as a new database.
    const int fd = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw Error("mbtiles", path_.string(),
                    std::string("cannot create temporary file: ") + std::strerror(errno),
                    kExitOutputError);
    }
    ::close(fd);
    if (sqlite3_open_v2(tmp_.c_str(), &db_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        fail(db_->db, path_, "cannot create database");
    }
    exec(db_->db, path_, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;");
    exec(db_->db, path_,
         "CREATE TABLE metadata (name TEXT, value TEXT);"
         "CREATE UNIQUE INDEX name ON metadata (name);"
         "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id "
         "TEXT);"
         "CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);"
         "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
         "CREATE UNIQUE INDEX images_id ON images (tile_id);"
         "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
         " map.tile_row AS tile_row, images.tile_data AS tile_data"
         " FROM map JOIN images ON images.tile_id = map.tile_id;"
         "BEGIN;");
    sqlite3_stmt* meta = nullptr;
    if (sqlite3_prepare_v2(db_->db, "INSERT INTO metadata (name, value) VALUES (?, ?)", -1, &meta,
                           nullptr) != SQLITE_OK) {
        fail(db_->db, path_, "prepare");
    }
    for (const auto& [k, v] : metadata) {
        sqlite3_bind_text(meta, 1, k.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(meta, 2, v.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(meta) != SQLITE_DONE) {
            sqlite3_finalize(meta);
            fail(db_->db, path_, "insert metadata");
        }
        sqlite3_reset(meta);
    }
    sqlite3_finalize(meta);
    if (sqlite3_prepare_v2(db_->db,
                           "INSERT OR IGNORE INTO images (tile_id, tile_data) VALUES (?, ?)", -1,
                           &db_->put_image, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_->db,
                           "INSERT OR REPLACE INTO map (zoom_level, tile_column, tile_row, tile_id)"
                           " VALUES (?, ?, ?, ?)",
                           -1, &db_->put_map, nullptr) != SQLITE_OK) {
        fail(db_->db, path_, "prepare");
    }
}

MbtilesWriter::~MbtilesWriter() {
    sqlite3_finalize(db_->put_image);
    sqlite3_finalize(db_->put_map);
    if (db_->db) sqlite3_close(db_->db);
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(tmp_, ec);  // roll back: never leave a half-written file
    }
}

void MbtilesWriter::add(const TileId& t, std::string_view png, const std::string& digest_hex) {
    std::lock_guard lock(mutex_);
    sqlite3_stmt* s = db_->put_image;
    sqlite3_bind_text(s, 1, digest_hex.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 2, png.data(), static_cast<int>(png.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) fail(db_->db, path_, "insert image");
    images_ += static_cast<std::size_t>(sqlite3_changes(db_->db));
    sqlite3_reset(s);
    s = db_->put_map;
    sqlite3_bind_int(s, 1, t.z);
    sqlite3_bind_int(s, 2, t.x);
    sqlite3_bind_int(s, 3, tms_row(t));
    sqlite3_bind_text(s, 4, digest_hex.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) fail(db_->db, path_, "insert tile");
    sqlite3_reset(s);
}

void MbtilesWriter::commit() {
    std::lock_guard lock(mutex_);
    exec(db_->db, path_, "COMMIT;");
    sqlite3_finalize(db_->put_image);
    sqlite3_finalize(db_->put_map);
    db_->put_image = db_->put_map = nullptr;
    if (sqlite3_close(db_->db) != SQLITE_OK) fail(db_->db, path_, "close");
    db_->db = nullptr;
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec)
        throw Error("mbtiles", path_.string(), "rename failed: " + ec.message(), kExitOutputError);
    committed_ = true;
}

namespace {
struct ReadDb {
    sqlite3* db = nullptr;
    explicit ReadDb(const std::filesystem::path& p) {
        if (sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close(db);
            throw Error("mbtiles", p.string(), "cannot open: " + msg);
        }
    }
    ~ReadDb() { sqlite3_close(db); }
};
}  // namespace

std::map<std::string, std::string> read_mbtiles_metadata(const std::filesystem::path& path) {
    ReadDb r(path);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(r.db, "SELECT name, value FROM metadata", -1, &st, nullptr) !=
        SQLITE_OK) {
        throw Error(
            "mbtiles", path.string(),
            std::string("no metadata table (MBTiles 1.3 requires one): ") + sqlite3_errmsg(r.db));
    }
    std::map<std::string, std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        auto text = [&](int i) {
            const unsigned char* t = sqlite3_column_text(st, i);
            return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
        };
        out[text(0)] = text(1);
    }
    sqlite3_finalize(st);
    return out;
}

void for_each_mbtile(const std::filesystem::path& path,
                     const std::function<void(const TileId&, std::string_view)>& f) {
    ReadDb r(path);
    sqlite3_stmt* st = nullptr;
    // tile_row descending = XYZ y ascending within a column.
    if (sqlite3_prepare_v2(r.db,
                           "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"
                           " ORDER BY zoom_level, tile_column, tile_row DESC",
                           -1, &st, nullptr) != SQLITE_OK) {
        throw Error("mbtiles", path.string(),
                    std::string("no tiles table or view: ") + sqlite3_errmsg(r.db));
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        TileId t{sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), 0};
        if (t.z < 0 || t.z > 30) {
            sqlite3_finalize(st);
            throw Error("mbtiles", path.string(),
                        "zoom_level " + std::to_string(t.z) + " out of range");
        }
        t.y = (1 << t.z) - 1 - sqlite3_column_int(st, 2);
        const void* b = sqlite3_column_blob(st, 3);
        f(t, std::string_view(static_cast<const char*>(b),
                              static_cast<std::size_t>(sqlite3_column_bytes(st, 3))));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw Error("mbtiles", path.string(), "read failed");
}

}  // namespace frontline
