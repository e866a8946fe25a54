// `frontline gazetteer lookup` (ranked candidates for a name, as geoparse scores them) and
// `frontline gazetteer import-geonames` (gazetteer/import.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/import.hpp"
#include "gazetteer/normalize.hpp"

namespace frontline::cli {

namespace {

namespace fs = std::filesystem;

struct LookupOptions {
    std::string gazetteer_dir;  // --gazetteer, before the command
    std::string name;
};

int run(const LookupOptions& o) {
    const Gazetteer g = Gazetteer::load_dir(o.gazetteer_dir);
    const auto cands = lookup(g, o.name);
    if (cands.empty()) {
        std::cout << "no match for \"" << o.name << "\" (key \"" << name_key(o.name) << "\")\n";
        return kExitOk;
    }
    const double min_score = GeoparseOptions{}.min_score;
    std::cout << "key \"" << name_key(o.name) << "\"; geoparse abstains below " << min_score
              << "\n";
    std::cout << "rank\tscore\tplace_id\tname\tkind\tcountry\tlat,lon\twhy\n";
    int rank = 0;
    for (const auto& c : cands) {
        const Place* p = g.find_id(c.place_id);
        std::cout << ++rank << '\t' << c.score << (c.score < min_score ? " (abstain)" : "") << '\t'
                  << c.place_id << '\t' << p->name << '\t' << p->kind() << '\t' << p->country
                  << '\t' << p->lat << ',' << p->lon << '\t' << c.why << '\n';
    }
    return kExitOk;
}

struct ImportOptions {
    std::string gazetteer_dir;  // --gazetteer, before the command
    std::string file;
    std::string out;  // empty: the gazetteer directory
};

int run(const ImportOptions& o) {
    const fs::path out = o.out.empty() ? fs::path(o.gazetteer_dir) : fs::path(o.out);
    const auto st = import_geonames(o.file, fs::path(o.gazetteer_dir) / "geonames_region.txt", out);
    std::cerr << "frontline: " << o.file << ": kept " << st.kept << " of " << st.read << " rows";
    if (st.skipped) std::cerr << " (" << st.skipped << " without 19 columns skipped)";
    std::cerr << "; wrote " << st.total << " places to " << (out / "geonames_region.txt").string()
              << "\n";
    return kExitOk;
}

}  // namespace

void add_gazetteer(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto* gaz = app.add_subcommand("gazetteer", "Gazetteer tools");
    gaz->require_subcommand(1);

    auto lo = std::make_shared<LookupOptions>();
    auto* lookup_cmd = gaz->add_subcommand("lookup", "Ranked candidates for a place name");
    lookup_cmd->add_option("name", lo->name, "Place name as written")->required();
    commands.push_back({lookup_cmd, [lo, &global] {
                            lo->gazetteer_dir = global.gazetteer_dir;
                            return run(*lo);
                        }});

    auto io = std::make_shared<ImportOptions>();
    auto* import_cmd = gaz->add_subcommand(
        "import-geonames",
        "Merge a GeoNames dump (SY.txt, allCountries.txt, cities500.txt) into the gazetteer");
    import_cmd->add_option("file", io->file, "GeoNames dump: 19 tab-separated columns")->required();
    import_cmd->add_option("--out", io->out,
                           "Directory to write geonames_region.txt to (default: --gazetteer)");
    commands.push_back({import_cmd, [io, &global] {
                            io->gazetteer_dir = global.gazetteer_dir;
                            return run(*io);
                        }});
}

}  // namespace frontline::cli
