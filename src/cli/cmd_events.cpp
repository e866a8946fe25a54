// `frontline events`: the control-change events of articles (events/event.hpp), found as the
// pipeline finds them.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/news_names.hpp"

namespace frontline::cli {

namespace {

struct Options {
    std::string gazetteer_dir;  // --gazetteer, before the command
    std::vector<std::string> files;
    std::string manifest;
    std::string format = "geojson";  // geojson or csv
};

int run(const Options& o) {
    Gazetteer g = Gazetteer::load_dir(o.gazetteer_dir);  // geoparse_run relabels its places
    GeoparseOptions gpo;
    gpo.governorate_cues = true;  // as the pipeline: "Idlib province" is not the city
    gpo.unlocated = true;         // events count places the gazetteer lacks (never drawn)
    const auto articles = read_inputs(o.files, o.manifest);
    for (const auto& a : articles) {
        for (const auto& w : a.warnings) std::cerr << "frontline: warning: " << w << "\n";
        if (!a.published) std::cerr << "frontline: warning: " << a.doc << ": no publication date\n";
    }
    // As the pipeline does.
    const auto all = events_of(articles, geoparse_run(g, articles, gpo), g);
    std::cout << (o.format == "csv" ? events_csv(all) : events_geojson(all));
    return kExitOk;
}

}  // namespace

void add_events(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("events", "Print the control-change events of articles");
    cmd->add_option("files", o->files, "Article files")->required();
    cmd->add_option("--manifest", o->manifest, "Manifest TSV with publication dates");
    cmd->add_option("--format", o->format, "geojson or csv")
        ->check(CLI::IsMember({"geojson", "csv"}));
    commands.push_back({cmd, [o, &global] {
                            o->gazetteer_dir = global.gazetteer_dir;
                            return run(*o);
                        }});
}

}  // namespace frontline::cli
