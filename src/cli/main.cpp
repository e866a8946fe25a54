// The `frontline` command line: a thin front end over frontline_core. Each command lives in
// its own file (cli/command.hpp); this one adds them, runs the one given, and maps every error
// to the documented exit codes, in this one place.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/command.hpp"
#include "cli/shared_options.hpp"
#include "common/atomic_file.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "common/option_error.hpp"
#include "pipeline/pipeline.hpp"

namespace fl = frontline;
namespace cli = frontline::cli;
namespace fs = std::filesystem;

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 bad input (article, manifest, gazetteer, style, boundaries,\n"
    "corrections);\n"
    "2 bad command line; 3 output could not be written; 4 internal error.";

int run_main(int argc, char** argv) {
    CLI::App app{"Frontline: news articles about an armed conflict -> control map tiles"};
    app.footer(kExitCodes);
    app.require_subcommand(1);

    cli::GlobalOptions global;
    global.gazetteer_dir = fl::default_run_options().gazetteer_dir.string();
    app.add_option("--gazetteer", global.gazetteer_dir, "Gazetteer directory")
        ->capture_default_str();

    std::vector<cli::Command> commands;   // in the order of `frontline --help`
    cli::add_run(app, global, commands);  // run and render
    cli::add_merge(app, commands);
    cli::add_geoparse(app, global, commands);
    cli::add_events(app, global, commands);
    cli::add_gazetteer(app, global, commands);  // gazetteer lookup, import-geonames
    cli::add_static(app, global, commands);
    cli::add_serve(app, global, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? fl::kExitOk : fl::kExitUsage;
    }
    for (const cli::Command& c : commands) {
        if (!*c.app) continue;
        // Without the data (gazetteer, lexicon, styles, baseline), the one clear message
        // (where it looked, FRONTLINE_DATA) rather than a missing file. --help and a bad
        // command line are answered above, without the data.
        if (c.reads_data) (void)fl::data_dir();
        return c.run();
    }
    return fl::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run_main(argc, argv);
    } catch (const cli::UsageError& e) {
        std::cerr << "frontline: " << e.what() << "\n";
        return fl::kExitUsage;
    } catch (const fl::OptionError& e) {
        // The library names options its way ({zoom}); said here as the flags.
        std::cerr << "frontline: " << e.spelled(cli::flag_name) << "\n";
        return e.exit_code();
    } catch (const fl::Error& e) {
        std::cerr << "frontline: " << e.what() << "\n";
        return e.exit_code();
    } catch (const fs::filesystem_error& e) {
        // A file-system call the library did not turn into an Error: still the user's file,
        // not a bug. Named (shortened), with the OS error.
        std::cerr << "frontline: file error: "
                  << fl::shorten_path(e.path1().empty() ? std::string() : e.path1().string())
                  << (e.path1().empty() ? "" : ": ") << fl::fs_problem(e.code().value()) << "\n";
        return fl::kExitInputError;
    } catch (const std::exception& e) {
        std::cerr << "frontline: internal error: " << e.what() << "\n";
        return fl::kExitInternal;
    }
}
