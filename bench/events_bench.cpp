// Event extraction throughput on one core (Google Benchmark), beside geoparse_bench.
//
//   build/release/bench/events_bench
//
// The corpus is the seed articles (../shared/seeds, with their manifest dates), geoparsed
// once outside the timed loop: the figure is for the events stage alone (sentence
// splitting, rules, dates), in documents per second. Before timing, the benchmark checks
// its answer: merged, the seeds give one Abu al-Duhur airbase event from three articles.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

#include "events/event.hpp"
#include "gazetteer/geoparse.hpp"
#include "text/article.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

struct Doc {
    fl::Article article;
    std::vector<fl::Mention> mentions;
};

const std::vector<Doc>& corpus() {
    static const std::vector<Doc> docs = [] {
        const fs::path src = FRONTLINE_SOURCE_DIR;
        auto gaz = fl::Gazetteer::load_dir(src / "gazetteer");
        std::vector<Doc> out;
        for (auto& a : fl::read_articles({src.parent_path() / "shared" / "seeds"}, std::nullopt)) {
            auto m = fl::geoparse(gaz, a);
            out.push_back({std::move(a), std::move(m)});
        }
        return out;
    }();
    return docs;
}

bool validate() {
    std::vector<fl::Event> all;
    for (const auto& d : corpus()) {
        auto e = fl::extract_events(d.article, d.mentions);
        all.insert(all.end(), e.begin(), e.end());
    }
    for (const auto& e : fl::merge_events(std::move(all))) {
        if (e.place_id == "fl:abu-al-duhur-airbase") return e.corroboration == 3;
    }
    return false;
}

void BM_ExtractEvents(benchmark::State& state) {
    const auto& docs = corpus();
    std::size_t n = 0, bytes = 0, events = 0;
    for (auto _ : state) {
        const Doc& d = docs[n % docs.size()];
        auto e = fl::extract_events(d.article, d.mentions);
        events += e.size();
        bytes += d.article.text.size();
        benchmark::DoNotOptimize(e);
        ++n;
    }
    state.counters["docs/s"] =
        benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
    state.counters["events/doc"] = static_cast<double>(events) / static_cast<double>(n);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ExtractEvents);

void BM_ExtractAndMergeSeeds(benchmark::State& state) {
    const auto& docs = corpus();
    for (auto _ : state) {
        std::vector<fl::Event> all;
        for (const auto& d : docs) {
            auto e = fl::extract_events(d.article, d.mentions);
            all.insert(all.end(), e.begin(), e.end());
        }
        benchmark::DoNotOptimize(fl::merge_events(std::move(all)));
    }
    state.counters["docs/s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractAndMergeSeeds);

// One sentence of `state.range(0)` KiB repeating "Aleppo, Idlib and Saraqib, captured " (issue
// 17: 160 KB took 22 s when each trigger searched the rest of the sentence). Linear now: the
// MB/s figure should stay flat from 64 KiB to 2 MiB.
void BM_OneLongSentence(benchmark::State& state) {
    static const auto gaz = fl::Gazetteer::load_dir(fs::path(FRONTLINE_SOURCE_DIR) / "gazetteer");
    fl::Article a;
    a.doc = "long.txt";
    a.published = fl::parse_iso_date("2024-11-30");
    a.text = "Rebels captured ";
    const std::string unit = "Aleppo, Idlib and Saraqib, captured ";
    while (a.text.size() + unit.size() < static_cast<std::size_t>(state.range(0)) << 10)
        a.text += unit;
    a.text += "Aleppo.";
    const auto mentions = fl::geoparse(gaz, a);
    for (auto _ : state) benchmark::DoNotOptimize(fl::extract_events(a, mentions));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * a.text.size()));
}
BENCHMARK(BM_OneLongSentence)->Arg(64)->Arg(512)->Arg(2048)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (!validate()) {
        std::cerr << "events_bench: validation failed: the seeds do not give one Abu al-Duhur "
                     "event from three articles\n";
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
