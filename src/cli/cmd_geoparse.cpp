// `frontline geoparse`: the resolved place mentions of articles (gazetteer/geoparse.hpp),
// labelled as the pipeline labels them (gazetteer/news_names.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/mention_io.hpp"
#include "gazetteer/news_names.hpp"

namespace frontline::cli {

namespace {

struct Options {
    std::string gazetteer_dir;  // --gazetteer, before the command
    std::vector<std::string> files;
    std::string format = "geojson";  // geojson, tsv or json
    bool abstentions = false;
    bool unlocated = true;
};

int run(const Options& o) {
    Gazetteer g = Gazetteer::load_dir(o.gazetteer_dir);  // geoparse_run relabels its places
    GeoparseOptions gpo;
    gpo.governorate_cues = true;
    gpo.keep_abstentions = o.abstentions;
    gpo.unlocated = o.unlocated;
    std::vector<Mention> all;
    for (const auto& m : geoparse_run(g, read_inputs(o.files, ""), gpo))
        all.insert(all.end(), m.begin(), m.end());
    std::cout << (o.format == "tsv"    ? mentions_tsv(all)
                  : o.format == "json" ? mentions_json(all)
                                       : mentions_geojson(all));
    return kExitOk;
}

}  // namespace

void add_geoparse(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("geoparse", "Print the resolved place mentions of articles");
    cmd->add_option("files", o->files, "Article files")->required();
    cmd->add_option("--format", o->format, "geojson, tsv or json")
        ->check(CLI::IsMember({"geojson", "tsv", "json"}));
    cmd->add_flag("--abstentions", o->abstentions,
                  "Also print names matched but not resolved (abstained: true)");
    cmd->add_flag("--unlocated,!--no-unlocated", o->unlocated,
                  "Also print names in place slots that the gazetteer cannot place "
                  "(kind unlocated, null geometry / empty lat, lon); on by default");
    commands.push_back({cmd, [o, &global] {
                            o->gazetteer_dir = global.gazetteer_dir;
                            return run(*o);
                        }});
}

}  // namespace frontline::cli
