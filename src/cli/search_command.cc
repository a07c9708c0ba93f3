// `gongkai search QUERY`, `gongkai search reindex` and `gongkai search misses`: the search index
// from the command line (store/search_index.h). Every command takes --db and --data (the
// directory holding search/synonyms.tsv, stop-phrases.txt and pinyin-overrides.tsv). Results
// come a page at a time per kind: `--page N` (with `--limit` hits per kind) or `--offset`; the
// totals are exact.

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "files/search_files.h"
#include "store/database.h"
#include "store/search_index.h"
#include "store/search_sources.h"

namespace gongkai::cli {
namespace {

struct SearchArgs {
  std::string url = "./gongkai.db";
  std::string data;  // --data; empty: DefaultDataDir()
  std::string query;
  std::optional<int64_t> agency;
  std::vector<std::string> kinds;
  int limit = 20;
  int offset = 0;
  std::optional<int> page;  // --page: 1-based, `limit` hits per kind a page
  bool json = false;
};

void AddCommonOptions(CLI::App* cmd, SearchArgs& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--data", a.data,
                  "数据目录（同义词、停用语、多音字表；默认：GONGKAI_DATA_DIR 或源码中的 data/）");
}

Result<SearchVocabulary> Vocabulary(const SearchArgs& a) {
  return LoadSearchVocabulary(a.data.empty() ? DefaultDataDir() : std::filesystem::path(a.data));
}

std::string Plain(const std::vector<HighlightSegment>& segments, bool marks) {
  std::string out;
  for (const auto& s : segments) out += marks && s.marked ? "【" + s.text + "】" : s.text;
  return out;
}

void PrintJson(const SearchResults& r, const SearchOptions& options) {
  nlohmann::ordered_json j;
  j["query"] = r.query;
  j["forms"] = r.forms;
  j["total"] = r.total;
  j["page"] = options.offset / options.limit + 1;
  j["per_page"] = options.limit;
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const auto& g : r.groups) {
    totals[std::string(Key(g.kind))] = g.total;
    for (const auto& h : g.hits) {
      auto segments = [](const std::vector<HighlightSegment>& ss) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& s : ss) out.push_back({{"text", s.text}, {"marked", s.marked}});
        return out;
      };
      hits.push_back({{"kind", Key(h.kind)},
                      {"kind_label", Label(h.kind)},
                      {"title", h.title},
                      {"agency", h.agency_name},
                      {"agency_id", h.agency_id},
                      {"date", h.date},
                      {"url", h.url},
                      {"ref", h.ref},
                      {"exact_code", h.exact_code},
                      {"snippet", Plain(h.snippet, false)},
                      {"title_segments", segments(h.title_segments)},
                      {"snippet_segments", segments(h.snippet)}});
    }
  }
  j["totals"] = totals;
  j["hits"] = hits;
  std::cout << j.dump(2) << "\n";
}

void PrintPlain(GlobalOptions& g, const SearchResults& r, const SearchOptions& options) {
  if (r.total == 0) {
    std::cout << Tr(g, "没有找到与“{}”相关的内容\n", "nothing found for \"{}\"\n", r.query);
    return;
  }
  std::cout << Tr(g, "“{}”共 {} 条结果\n", "{1} results for \"{0}\"\n", r.query, r.total);
  const int page = options.offset / options.limit + 1;
  for (const auto& group : r.groups) {
    const int64_t pages = (group.total + options.limit - 1) / options.limit;
    std::cout << "\n" << Label(group.kind) << Tr(g, "（{} 条", " ({}", group.total);
    if (pages > 1) std::cout << Tr(g, "，第 {}/{} 页", ", page {}/{}", page, pages);
    std::cout << Say(g, "）\n", ")\n");
    if (group.hits.empty()) {
      std::cout << Say(g, "  本页没有此类结果\n", "  none of this kind on this page\n");
    }
    for (const auto& h : group.hits) {
      std::cout << "  " << (h.exact_code ? "★ " : "") << Plain(h.title_segments, true) << "\n";
      std::cout << "    " << h.agency_name << (h.date.empty() ? "" : "  " + h.date)
                << (h.url.empty() ? "" : "  " + h.url) << "\n";
      if (!h.snippet.empty()) std::cout << "    " << Plain(h.snippet, true) << "\n";
    }
  }
}

void AddReindex(CLI::App* search, GlobalOptions& g) {
  auto a = std::make_shared<SearchArgs>();
  auto* cmd = search->add_subcommand(
      "reindex", "按登记的来源重建检索索引，并按当前读音表重算所有条目 / rebuild the index");
  AddCommonOptions(cmd, *a);
  cmd->callback([&g, a] {
    auto vocabulary = Vocabulary(*a);
    if (!Check(g, vocabulary)) return;
    auto db = Database::OpenForUse(a->url);
    if (!Check(g, db)) return;
    auto report = Reindex(*db, *vocabulary, SearchSources());
    if (!Check(g, report)) return;
    if (SearchSources().empty()) {
      std::cout << Say(
          g, "尚无登记的检索来源（公开信息登记簿合并后将登记为来源）\n",
          "no search sources registered yet (the publications register will be one)\n");
    }
    for (const auto& [name, n] : report->per_source) {
      std::cout << Tr(g, "{}：已索引 {} 条\n", "{}: {} documents indexed\n", name, n);
    }
    std::cout << Tr(g, "已按当前读音表重算 {} 条索引\n", "{} index entries re-derived\n",
                    report->rebuilt);
  });
}

void AddMisses(CLI::App* search, GlobalOptions& g) {
  auto a = std::make_shared<SearchArgs>();
  auto* cmd = search->add_subcommand(
      "misses", "列出没有结果的查询，供补充同义词 / queries that found nothing");
  AddCommonOptions(cmd, *a);
  cmd->add_option("--limit", a->limit, "最多列出条数 / at most N")->check(CLI::Range(1, 10000));
  cmd->add_flag("--json", a->json, "输出 JSON / print JSON");
  cmd->callback([&g, a] {
    SearchVocabulary vocabulary;  // listing needs no tables
    auto db = Database::OpenForUse(a->url);
    if (!Check(g, db)) return;
    auto misses = SearchIndex(*db, vocabulary).Misses(a->limit);
    if (!Check(g, misses)) return;
    if (a->json) {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const auto& m : *misses) {
        j.push_back({{"query", m.query}, {"count", m.count}, {"last_at", m.last_at}});
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    if (misses->empty()) {
      std::cout << Say(g, "没有无结果的查询\n", "no zero-result queries\n");
      return;
    }
    std::cout << Say(g, "次数\t最近一次\t查询（6 位以上数字已隐去）\n",
                     "count\tlast\tquery (digit runs of 6+ masked)\n");
    for (const auto& m : *misses)
      std::cout << m.count << "\t" << m.last_at << "\t" << m.query << "\n";
  });
}

}  // namespace

void AddSearchCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<SearchArgs>();
  auto* search = app.add_subcommand(
      "search", "检索公开信息、办事事项等（至少两个汉字的查询不漏检）/ search the index");
  search->require_subcommand(0, 1);
  AddCommonOptions(search, *a);
  search->add_option("QUERY", a->query, "查询：词语、文号、索引号或拼音首字母 / query");
  search->add_flag("--json", a->json, "输出 JSON / print JSON");
  search->add_option("--agency", a->agency, "只查此机关 / only this agency's documents");
  search->add_option("--kind", a->kinds, "只查此类：service | publication | policy | report")
      ->check(CLI::IsMember({"service", "publication", "policy", "report"}));
  search->add_option("--limit", a->limit, "每类最多条数 / hits per kind")
      ->check(CLI::Range(1, 200));
  auto* offset = search->add_option("--offset", a->offset, "每类跳过条数 / skip per kind")
                     ->check(CLI::Range(0, 10000));
  search->add_option("--page", a->page, "第几页（每页每类 --limit 条）/ page, 1-based")
      ->check(CLI::Range(1, 10000))
      ->excludes(offset);
  AddReindex(search, g);
  AddMisses(search, g);
  search->callback([&g, a, search] {
    if (!search->get_subcommands().empty()) return;
    if (a->query.empty()) {
      Check(g, Status::InvalidInput(Say(g, "请给出查询，例如：gongkai search 营业执照",
                                        "give a query, e.g. gongkai search 营业执照")));
      return;
    }
    auto vocabulary = Vocabulary(*a);
    if (!Check(g, vocabulary)) return;
    auto db = Database::OpenForUse(a->url);
    if (!Check(g, db)) return;
    SearchOptions options{.agency_id = a->agency,
                          .kinds = {},
                          .limit = a->limit,
                          .offset = a->page ? (*a->page - 1) * a->limit : a->offset,
                          .log_miss = true,
                          .until = ""};
    for (const auto& k : a->kinds) options.kinds.push_back(*SearchKindFromKey(k));
    auto results = SearchIndex(*db, *vocabulary).Search(a->query, options);
    if (!Check(g, results)) return;
    if (a->json) {
      PrintJson(*results, options);
    } else {
      PrintPlain(g, *results, options);
    }
  });
}

}  // namespace gongkai::cli
