// Geoparsing throughput on one core and gazetteer load time (Google Benchmark).
//
//   build/release/bench/geoparse_bench                 # all
//   build/release/bench/geoparse_bench --benchmark_filter=Geoparse
//
// The corpus is the seed articles (../shared/seeds) repeated to at least 10 MB, one
// Article per copy. Before timing, the benchmark checks its answer: the number of
// mentions it finds on one seed equals the count in tests/gazetteer/seed_mentions.tsv.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "text/article.hpp"
#include "text/tsv.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FRONTLINE_SOURCE_DIR;

const fl::Gazetteer& gazetteer() {
    static const fl::Gazetteer g = fl::Gazetteer::load_dir(kSource / "gazetteer");
    return g;
}

std::vector<fl::Article> seeds() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kSource.parent_path() / "shared" / "seeds")) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return fl::read_articles(files, std::nullopt);
}

fl::GeoparseOptions options() {
    fl::GeoparseOptions o;
    o.governorate_cues = true;
    return o;
}

// Mentions the fixture expects on `doc`.
int expected_mentions(const std::string& doc) {
    fl::TsvReader tsv(kSource / "tests" / "gazetteer" / "seed_mentions.tsv", "bench");
    int n = 0;
    while (auto r = tsv.next()) {
        if ((*r)[0] == doc) n += std::stoi(std::string((*r)[3]));
    }
    return n;
}

void BM_GazetteerLoad(benchmark::State& state) {
    for (auto _ : state) {
        auto g = fl::Gazetteer::load_dir(kSource / "gazetteer");
        benchmark::DoNotOptimize(g.size());
    }
    state.counters["places"] = static_cast<double>(gazetteer().size());
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Geoparse(benchmark::State& state) {
    const auto& g = gazetteer();
    const auto base = seeds();
    if (base.empty()) {
        state.SkipWithError("no seed articles in ../shared/seeds");
        return;
    }
    // Validate before timing.
    const auto& probe = base.front();
    const int want = expected_mentions(probe.doc);
    const int got = static_cast<int>(fl::geoparse(g, probe, options()).size());
    if (want == 0 || got != want) {
        state.SkipWithError(("wrong answer on " + probe.doc + ": " + std::to_string(got) +
                             " mentions, fixture says " + std::to_string(want))
                                .c_str());
        return;
    }
    std::vector<fl::Article> corpus;
    std::size_t bytes = 0;
    while (bytes < 10u << 20) {
        for (const auto& a : base) {
            corpus.push_back(a);
            bytes += a.text.size();
        }
    }
    const auto opt = options();
    std::size_t mentions = 0;
    for (auto _ : state) {
        mentions = 0;
        for (const auto& a : corpus) mentions += fl::geoparse(g, a, opt).size();
        benchmark::DoNotOptimize(mentions);
    }
    const auto iters = static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
    state.counters["docs/s"] =
        benchmark::Counter(static_cast<double>(corpus.size()) * iters, benchmark::Counter::kIsRate);
    state.counters["corpus_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["mentions"] = static_cast<double>(mentions);
}
BENCHMARK(BM_Geoparse)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
