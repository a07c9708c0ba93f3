// Search at 100,000 items (issue 11: under 20 ms at p99). Generates N items (default 100,000;
// $GONGKAI_SEARCH_BENCH_ITEMS) with realistic titles, 文号 and bodies into an SQLite file
// ($GONGKAI_SEARCH_BENCH_DB, default /tmp/gongkai-search-bench.db; reused when it already holds
// N items), then answers a mix of queries — 2 characters, 4 characters, initials, a 文号 —
// through SearchIndex::Search (counts per kind and the first page, highlighted), next to the
// baseline: the same normalised query as `LIKE '%q%'` over the same rows of the same database
// (count and first page). Each benchmark reports p50/p99 latency as counters; main prints the
// ratio. Not a unit test: run it with scripts/bench.sh or directly.

#include <benchmark/benchmark.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "search/normalize.h"
#include "search/query.h"
#include "store/agencies.h"
#include "store/database.h"
#include "store/search_index.h"
#include "store/search_index_sql.h"
#include "store/sql.h"

namespace gongkai {
namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kTopics = {
    "营业执照",     "住房公积金", "社会保险",     "户籍迁移",   "居民身份证",     "不动产登记",
    "医疗保险",     "养老保险",   "最低生活保障", "残疾人证",   "建设工程规划",   "食品经营许可",
    "道路运输许可", "药品零售",   "个体工商户",   "异地就医",   "失业保险",       "工伤认定",
    "出生医学证明", "婚姻登记",   "排污许可",     "取水许可",   "林木采伐",       "高龄津贴",
    "义务教育入学", "学生资助",   "公共租赁住房", "农村宅基地", "残疾人两项补贴", "退役军人优待"};
const std::vector<std::string> kActions = {"办理", "变更", "注销", "补办", "申请",
                                           "年检", "提取", "审核", "备案", "公示"};
const std::vector<std::string> kTypes = {"通知",     "公告",     "办事指南", "管理办法", "实施细则",
                                         "工作方案", "若干规定", "意见",     "批复",     "决定"};
const std::vector<std::string> kIssuers = {"市政发", "市政办发", "市监发", "人社发", "住建发",
                                           "卫健发", "民发",     "教发",   "交发",   "环发"};
const std::vector<std::string> kPhrases = {"根据《中华人民共和国政府信息公开条例》",
                                           "申请人应当提交下列材料",
                                           "经研究，现将有关事项通知如下",
                                           "本办法自发布之日起施行",
                                           "请各单位认真贯彻执行",
                                           "办理时限为二十个工作日",
                                           "咨询电话见办事指南",
                                           "可通过政务服务网在线办理",
                                           "窗口地址为市民中心二楼",
                                           "逾期未办理的，视为放弃",
                                           "符合条件的，予以受理",
                                           "不符合条件的，一次性告知"};

struct Corpus {
  Database db;
  int64_t items = 0;
};

int Items() {
  const char* n = std::getenv("GONGKAI_SEARCH_BENCH_ITEMS");
  return n && *n ? std::atoi(n) : 100000;
}

std::string DbPath() {
  const char* p = std::getenv("GONGKAI_SEARCH_BENCH_DB");
  return p && *p ? p : "/tmp/gongkai-search-bench.db";
}

const SearchVocabulary& Vocabulary() {
  static const SearchVocabulary v = [] {
    SearchVocabulary out;
    out.synonym_groups = *ParseSynonyms("公积金\t住房公积金\n社保\t社会保险\n", "bench");
    return out;
  }();
  return v;
}

Corpus& TheCorpus() {
  static Corpus* corpus = [] {
    const int n = Items();
    const std::string path = DbPath();
    {
      auto existing = Database::OpenForUse(path);
      if (existing.ok()) {
        auto count = SearchIndex(*existing, Vocabulary()).Count();
        if (count.ok() && *count == n) return new Corpus{std::move(existing).value(), n};
      }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto db = Database::OpenForUse(path);
    if (!db.ok()) {
      std::cerr << db.status().message() << "\n";
      std::exit(1);
    }
    std::vector<int64_t> agencies;
    for (int a = 0; a < 20; ++a) {
      Agency agency;
      agency.name = "示例市第" + std::to_string(a + 1) + "局";
      agencies.push_back(*AddAgency(*db, agency));
    }
    std::mt19937 rng(11);
    auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
      return v[rng() % v.size()];
    };
    auto start = Clock::now();
    std::map<std::string, int> serials;
    constexpr int kBatch = 5000;
    for (int base = 0; base < n; base += kBatch) {
      Status s = RunInTransaction(*db, "生成", [&](soci::session& sql) {
        for (int i = base; i < std::min(n, base + kBatch); ++i) {
          int year = 2015 + static_cast<int>(rng() % 11);
          std::string issuer = pick(kIssuers);
          int serial = ++serials[issuer + std::to_string(year)];
          SearchDocument d;
          d.agency_id = agencies[rng() % agencies.size()];
          d.kind = SearchKinds()[rng() % 3].value;
          d.ref = std::to_string(i + 1);
          d.title = "关于" + pick(kActions) + pick(kTopics) + "的" + pick(kTypes);
          d.codes = {issuer + "〔" + std::to_string(year) + "〕" + std::to_string(serial) + "号"};
          d.date = std::to_string(year) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                   std::to_string(rng() % 10);
          d.url = "/items/" + d.ref;
          d.summary = pick(kTopics) + pick(kActions) + "有关事项。";
          for (int k = 0; k < 8; ++k) d.body += pick(kPhrases) + "，" + pick(kTopics) + "。";
          if (Status up = UpsertSearchDocument(*db, sql, Vocabulary().pinyin, d); !up.ok())
            return up;
        }
        return Status::Ok();
      });
      if (!s.ok()) {
        std::cerr << s.message() << "\n";
        std::exit(1);
      }
    }
    db->impl().sql << "PRAGMA optimize";
    std::cerr << "generated " << n << " items into " << path << " in "
              << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
    return new Corpus{std::move(db).value(), n};
  }();
  return *corpus;
}

// The mix: 2 characters, 4 characters (one a synonym form), initials, a 文号.
const std::vector<std::string> kQueries = {
    "执照",     "补办", "公积", "低保", "营业执照",           "工伤认定",
    "异地就医", "社保", "yyzz", "gjj",  "市监发〔2020〕15号", "人社发[2018]7号"};

double Quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

std::map<std::string, double> g_p99;
std::map<std::string, std::vector<double>> g_per_query;  // index latencies by query, for main
std::map<std::string, int64_t> g_hits;                   // matches of each query

void Report(benchmark::State& state, const std::vector<double>& ms, const std::string& name) {
  state.counters["p50_ms"] = Quantile(ms, 0.50);
  state.counters["p99_ms"] = Quantile(ms, 0.99);
  g_p99[name] = Quantile(ms, 0.99);
}

void BM_Search_Index(benchmark::State& state) {
  Corpus& c = TheCorpus();
  SearchIndex index(c.db, Vocabulary());
  std::vector<double> ms;
  std::size_t i = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    const std::string& query = kQueries[i++ % kQueries.size()];
    auto r = index.Search(query, {.agency_id = std::nullopt,
                                  .kinds = {},
                                  .limit = 20,
                                  .offset = 0,
                                  .log_miss = false,
                                  .until = ""});
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    g_per_query[query].push_back(ms.back());
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
    } else {
      g_hits[query] = r->total;
    }
    benchmark::DoNotOptimize(r);
  }
  Report(state, ms, "index");
}

// The same questions as LIKE '%q%' scans: the folded text for words and codes (so the answers
// are the same sets), the title's pinyin for initials.
void BM_Search_Baseline(benchmark::State& state) {
  Corpus& c = TheCorpus();
  std::vector<double> ms;
  std::size_t i = 0;
  for (auto _ : state) {
    SearchQuery q = ParseSearchQuery(kQueries[i++ % kQueries.size()], Vocabulary());
    std::string column = q.ascii_letters ? "d.title_pinyin" : "t.text_folded";
    std::string pattern = "%" + q.normalized + "%";
    const std::string from =
        " FROM search_documents d JOIN search_texts t ON t.document_id = d.id WHERE " + column +
        " LIKE :p";
    auto start = Clock::now();
    long long total = 0;
    std::string title;
    std::vector<std::string> titles;
    auto& sql = c.db.impl().sql;
    sql << "SELECT COUNT(*)" + from, soci::into(total), soci::use(pattern);
    soci::statement st =
        (sql.prepare << "SELECT d.title" + from + " ORDER BY d.doc_date DESC LIMIT 20",
         soci::into(title), soci::use(pattern));
    st.execute();
    while (st.fetch()) titles.push_back(title);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    benchmark::DoNotOptimize(titles);
  }
  Report(state, ms, "baseline");
}

BENCHMARK(BM_Search_Index)->Unit(benchmark::kMillisecond)->Iterations(600);
BENCHMARK(BM_Search_Baseline)->Unit(benchmark::kMillisecond)->Iterations(120);

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const auto& [query, ms] : gongkai::g_per_query) {
    std::cerr << "  " << query << ": " << gongkai::g_hits[query] << " matches, p50 "
              << gongkai::Quantile(ms, 0.5) << " ms\n";
  }
  auto& p99 = gongkai::g_p99;
  if (p99.contains("index") && p99.contains("baseline")) {
    std::cerr << "search p99 " << p99["index"] << " ms, LIKE baseline p99 " << p99["baseline"]
              << " ms, ratio " << p99["baseline"] / p99["index"] << "x faster\n";
  }
  return 0;
}
