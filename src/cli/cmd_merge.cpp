// `frontline merge`: joins the tiles of sharded runs (tiles/merge.hpp) into one output,
// published all at once like a run's (common/generation.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "common/generation.hpp"
#include "common/output_lock.hpp"
#include "tiles/merge.hpp"

namespace frontline::cli {

namespace {

struct Options {
    std::vector<std::string> shards;
    std::string out = "out";
};

int run(const Options& o) {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs(o.shards.begin(), o.shards.end());
    const OutputLock lock(o.out);
    // The merged tiles replace the tiles/ folder as a whole, all at once; the rest of an
    // earlier output there is kept.
    Generation generation(o.out);
    auto st = merge_shards(dirs, generation.staging());
    generation.commit([](const fs::path& rel) { return *rel.begin() != "tiles"; },
                      [](const std::string& s) { std::cerr << "frontline: " << s << "\n"; });
    std::cerr << "frontline: merged " << dirs.size() << " shards: " << st.files << " tiles, "
              << st.mbtiles << " MBTiles and " << st.pmtiles << " PMTiles files\n";
    return kExitOk;
}

}  // namespace

void add_merge(CLI::App& app, std::vector<Command>& commands) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("merge", "Join the outputs of sharded runs into one");
    cmd->add_option("shards", o->shards, "Output directories of `--shard K/N` runs")->required();
    cmd->add_option("--out", o->out, "Output directory")->capture_default_str();
    // merge reads no data directory: it works where only the outputs are.
    commands.push_back({cmd, [o] { return run(*o); }, false});
}

}  // namespace frontline::cli
