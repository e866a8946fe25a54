// The commands of the `frontline` command line, one file each (cmd_<name>.cpp): each fills
// an options struct from the command line, checks it there (CLI11, then the values CLI11
// cannot check: zoom ranges, boxes, dates), and hands it to a run() that does the work
// through frontline_core. main.cpp adds them, picks the one given and maps every error to
// the exit codes (README.md), in one place.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/error.hpp"  // the exit codes

namespace frontline::cli {

// A bad value CLI11 cannot check itself, found while a command's options are filled: shown
// as "frontline: <message>", exit code 2 (a bad command line).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The options before the command.
struct GlobalOptions {
    std::string gazetteer_dir;
};

// A command added to the application. When its (sub)command was given, main() calls `run`,
// which finishes the options (or throws UsageError) and does the work; it returns the exit
// code.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
    bool reads_data = true;  // needs the data directory (gazetteer, lexicon, styles, baseline)
};

// Each adds its command(s) to `app` and to `commands`. `global` must outlive the commands.
void add_run(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);
void add_merge(CLI::App& app, std::vector<Command>& commands);
void add_geoparse(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);
void add_events(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);
void add_gazetteer(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);
void add_static(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);
void add_serve(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands);

}  // namespace frontline::cli
