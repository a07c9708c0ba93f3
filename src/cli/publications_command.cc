// `gongkai publications import|export|list|stats|due|suggest|numbering|standard`: the register of
// proactive disclosure (store/publications.h) from the shell. import reads JSON Lines, CSV or
// XLSX (by the file's extension) all or nothing; stats --json prints the year's counts with
// "late" (spec §6); due lists what must be published by when, with the Art. 26 explanation;
// suggest lists information several applications asked for (Art. 44); standard imports and lists
// the agency's 基层政务公开标准目录 (store/standard_catalogue.h) with each row's published items.
// Every command takes --db and --agency (optional when the database holds one agency).

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "files/search_files.h"
#include "publications/jsonl.h"
#include "publications/standard_catalogue.h"
#include "publications/tabular.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/publications.h"
#include "store/standard_catalogue.h"

namespace gongkai::cli {
namespace {

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string file, output, format = "jsonl", as_of, category, kind, credit_code, pattern;
  std::optional<int> year;
  bool json = false, late = false;
  int min_cases = 3;
};

void AddCommon(CLI::App* cmd, Args& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
}

std::optional<std::pair<Database, int64_t>> Open(GlobalOptions& g, const Args& a) {
  auto database = Database::OpenForUse(a.url);
  if (!Check(g, database)) return std::nullopt;
  auto agency = ResolveAgency(*database, a.agency);
  if (!Check(g, agency)) return std::nullopt;
  return std::pair{std::move(database).value(), *agency};
}

// The cells of a .csv or .xlsx file (publications/tabular.h ReadTableFile).
Result<std::vector<CellRow>> ReadTable(const std::string& path, const std::string& bytes) {
  return ReadTableFile(std::filesystem::path(path).filename().string(), bytes,
                       "基层标准目录请用 .csv 或 .xlsx");
}

// The items of FILE, by its extension: .jsonl/.json/.ndjson, .csv or .xlsx.
Result<std::vector<Publication>> ReadItems(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = std::filesystem::path(path).filename().string();
  if (HasExtension(name, ".jsonl") || HasExtension(name, ".json") ||
      HasExtension(name, ".ndjson")) {
    return ParsePublicationsJsonl(*bytes, name);
  }
  auto rows = ReadTableFile(name, *bytes, "请用 .jsonl（JSON Lines）、.csv 或 .xlsx");
  if (!rows.ok()) return rows.status();
  return PublicationsFromRows(*rows, name);
}

bool Emit(GlobalOptions& g, const std::string& output, const std::string& text) {
  if (output.empty()) {
    std::cout << text;
    return true;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) {
    return Check(g, Status::InvalidInput(fmt::format("无法写入 {}：请检查路径和权限", output)));
  }
  return true;
}

Date Today(Database& db) {
  Calendars calendars;
  return CaseRegister(db, calendars).Today();
}

nlohmann::ordered_json CountsJson(const DocumentCounts& c) {
  return {{"issued", c.issued}, {"abolished", c.abolished}, {"in_force", c.in_force},
          {"made", c.made},     {"published", c.published}, {"total_published", c.total_published}};
}

void AddImport(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand(
      "import", "导入主动公开信息：.jsonl、.csv 或 .xlsx（全部成功或全部不导入）/ import items");
  AddCommon(cmd, *a);
  cmd->add_option("FILE", a->file, "文件 / file")->required();
  cmd->callback([&g, a] {
    auto items = ReadItems(a->file);
    if (!Check(g, items)) return;
    auto opened = Open(g, *a);
    if (!opened) return;
    // The import indexes its items for search as it writes them: with the office's pinyin table.
    auto vocabulary = LoadSearchVocabulary(DefaultDataDir());
    if (!Check(g, vocabulary)) return;
    opened->first.SetSearchPinyin(std::make_shared<const PinyinOverrides>(vocabulary->pinyin));
    auto n = ImportPublications(opened->first, opened->second, *items, "import");
    if (!Check(g, n.ok() ? Status::Ok() : n.status().WithContext(a->file + "："))) return;
    std::cout << Tr(g, "已导入 {} 条主动公开信息到机关 {}\n", "imported {} items into agency {}\n",
                    *n, opened->second);
  });
}

void AddExport(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand("export", "导出登记簿 / export the register");
  AddCommon(cmd, *a);
  cmd->add_option("--format", a->format, "jsonl | csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("-o,--output", a->output, "输出文件（默认标准输出）/ output file");
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto all = AllPublications(opened->first, opened->second);
    if (!Check(g, all)) return;
    std::vector<Publication> items;
    for (StoredPublication& s : *all) items.push_back(std::move(s.item));
    Emit(g, a->output, a->format == "csv" ? PublicationsToCsv(items) : PublicationsToJsonl(items));
  });
}

void AddList(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand("list", "列出条目 / list items");
  AddCommon(cmd, *a);
  cmd->add_option("--year", a->year, "生成年份 / year created");
  cmd->add_option("--category", a->category, "主题分类，如 art20.7 / category key");
  cmd->add_option("--kind", a->kind, "regulation | normative_document | other");
  cmd->add_flag("--late", a->late, "只列迟延公开和逾期未公开的 / late or overdue only");
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto& [db, agency] = *opened;
    PublicationFilter f;
    f.limit = 0;
    f.year = a->year;
    if (!a->category.empty()) f.category = a->category;
    if (!a->kind.empty()) {
      f.kind = PublicationKindFromKey(a->kind);
      if (!f.kind) {
        Check(g, Status::InvalidInput(fmt::format("--kind 的值“{}”无效（可选值：{}）", a->kind,
                                                  AllowedKeys(PublicationKinds()))));
        return;
      }
    }
    auto page = ListPublications(db, agency, f);
    if (!Check(g, page)) return;
    Calendars calendars;
    auto agency_row = GetAgency(db, agency);
    if (!Check(g, agency_row)) return;
    auto calendar = calendars.ForRegion(agency_row->region);
    if (!Check(g, calendar)) return;
    auto settings = AgencyCaseSettings(*agency_row);
    if (!Check(g, settings)) return;
    const Date today = Today(db);
    int shown = 0;
    for (const StoredPublication& s : page->items) {
      const Publication& p = s.item;
      auto clock = ComputePublicationClock(p, **calendar, settings->deadlines, today);
      if (!Check(g, clock)) return;
      const char* state = clock->late        ? Say(g, "迟延公开", "late")
                          : clock->overdue   ? Say(g, "逾期未公开", "overdue")
                          : clock->published ? Say(g, "按时公开", "on time")
                                             : Say(g, "待公开", "pending");
      if (a->late && !clock->late && !clock->overdue) continue;
      ++shown;
      std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", s.id,
                               p.index_no.empty() ? "-" : p.index_no, FormatDate(p.created),
                               p.published ? FormatDate(*p.published) : "-", FormatDate(clock->due),
                               state, Label(p.kind), p.title);
    }
    std::cerr << Tr(g, "共 {} 条\n", "{} items\n", shown);
  });
}

void AddStats(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand("stats", "年度统计与表二 / the year's counts and table 二");
  AddCommon(cmd, *a);
  cmd->add_option("--year", a->year, "年度 / year")->required();
  cmd->add_flag("--json", a->json, "输出 JSON / print JSON");
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    Calendars calendars;
    auto stats = PublicationStats(opened->first, calendars, opened->second, *a->year);
    if (!Check(g, stats)) return;
    if (a->json) {
      nlohmann::ordered_json j;
      j["agency_id"] = opened->second;
      j["year"] = stats->year;
      j["created"] = stats->created;
      j["published"] = stats->published;
      j["late"] = stats->late;
      j["table_two"] = {{"regulation", CountsJson(stats->table_two.regulations)},
                        {"normative_document", CountsJson(stats->table_two.normative_documents)}};
      std::cout << j.dump(2, ' ', false) << "\n";
      return;
    }
    std::cout << Tr(g, "{} 年：生成 {} 条，公开 {} 条，其中迟延公开（超过 20 个工作日）{} 条\n",
                    "{}: {} created, {} published, {} of them late (after 20 working days)\n",
                    stats->year, stats->created, stats->published, stats->late);
    const std::pair<const char*, const DocumentCounts*> rows[] = {
        {"规章", &stats->table_two.regulations},
        {"行政规范性文件", &stats->table_two.normative_documents}};
    for (const auto& [label, c] : rows) {
      std::cout << Tr(g,
                      "{}：本年制发 {}，本年废止 {}，现行有效 {}（试行格式：新制作 {}，新公开 {}，"
                      "对外公开总数 {}）\n",
                      "{}: issued {}, abolished {}, in force {} (trial format: made {}, published "
                      "{}, total published {})\n",
                      label, c->issued, c->abolished, c->in_force, c->made, c->published,
                      c->total_published);
    }
  });
}

void AddDue(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand("due", "须在何时前公开（第二十六条）/ what is due by when");
  AddCommon(cmd, *a);
  cmd->add_option("--as-of", a->as_of, "日期 YYYY-MM-DD（默认今天）/ as-of date");
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto& [db, agency] = *opened;
    Date as_of = Today(db);
    if (!a->as_of.empty()) {
      auto parsed = ParseDate(a->as_of);
      if (!Check(g, parsed)) return;
      as_of = *parsed;
    }
    Calendars calendars;
    std::vector<StoredPublication> items;
    auto due = PublicationsDue(db, calendars, agency, as_of, &items);
    if (!Check(g, due)) return;
    const std::pair<const char*, const std::vector<DueItem>*> groups[] = {
        {Say(g, "逾期未公开", "overdue"), &due->overdue},
        {Say(g, "即将到期", "due soon"), &due->due_soon},
        {Say(g, "待公开", "later"), &due->later}};
    std::cout << Tr(g, "截至 {}：逾期 {} 条，即将到期 {} 条，其他待公开 {} 条\n",
                    "as of {}: {} overdue, {} due soon, {} later\n", FormatDate(as_of),
                    due->overdue.size(), due->due_soon.size(), due->later.size());
    for (const auto& [label, list] : groups) {
      for (const DueItem& d : *list) {
        const StoredPublication& s = items[d.index];
        std::cout << fmt::format("\n[{}] {}（编号 {}）\n  {}：{}\n", label, s.item.title, s.id,
                                 Say(g, "期限", "due"), FormatDate(d.clock.due));
        for (const std::string& line : d.clock.explanation) std::cout << "  " << line << "\n";
      }
    }
  });
}

void AddSuggest(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand(
      "suggest", "多次被申请的信息，建议主动公开（第四十四条）/ often-requested information");
  AddCommon(cmd, *a);
  cmd->add_option("--min", a->min_cases, "至少被多少件申请提出（默认 3）/ minimum cases")
      ->check(CLI::Range(2, 1000000));
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto groups = RepeatedRequests(opened->first, opened->second, a->min_cases);
    if (!Check(g, groups)) return;
    if (groups->empty()) {
      std::cout << Tr(g, "没有被 {} 件以上申请提出的相同信息\n",
                      "no information asked for by {} or more applications\n", a->min_cases);
      return;
    }
    std::cout << Tr(g, "以下信息被多次申请，可依条例第四十四条纳入主动公开范围：\n",
                    "asked for several times; candidates for proactive disclosure (Art. 44):\n");
    for (const RepeatedRequest& r : *groups) {
      std::string numbers;
      for (const std::string& n : r.case_numbers) numbers += (numbers.empty() ? "" : "、") + n;
      std::cout << Tr(g, "{}（{} 件申请：{}）\n", "{} ({} applications: {})\n", r.text,
                      r.case_numbers.size(), numbers);
    }
  });
}

void AddNumbering(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand("numbering", "设置索引号规则 / set the 索引号 pattern");
  AddCommon(cmd, *a);
  cmd->add_option("--credit-code", a->credit_code, "统一社会信用代码 / credit code");
  cmd->add_option("--pattern", a->pattern, "格式，默认 {credit_code}/{year}-{seq:05} / pattern");
  cmd->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto current = GetPublicationNumbering(opened->first, opened->second);
    if (!Check(g, current)) return;
    PublicationNumbering n = *current;
    if (!a->credit_code.empty()) n.credit_code = a->credit_code;
    if (!a->pattern.empty()) n.pattern = a->pattern;
    if (!Check(g, SetPublicationNumbering(opened->first, opened->second, n))) return;
    std::cout << Tr(g, "索引号规则：{}（统一社会信用代码 {}）\n", "pattern {} (credit code {})\n",
                    n.pattern, n.credit_code.empty() ? "-" : n.credit_code);
  });
}

// `publications standard import FILE | list [--json]`: the agency's 基层政务公开标准目录.
void AddStandard(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* standard = group->add_subcommand(
      "standard", "基层政务公开标准目录 / the local standard disclosure catalogue");
  standard->require_subcommand(1);
  auto* import = standard->add_subcommand(
      "import", "导入目录：.csv 或 .xlsx，替换现有目录（全部成功或全部不导入）/ import, replacing");
  AddCommon(import, *a);
  import->add_option("FILE", a->file, "文件 / file")->required();
  import->callback([&g, a] {
    auto bytes = ReadFile(a->file);
  if (!Check(g, bytes)) return;
  auto table = ReadTable(a->file, *bytes);
  if (!Check(g, table)) return;
  const std::string name = std::filesystem::path(a->file).filename().string();
  auto rows = StandardCatalogueFromRows(*table, name);
  if (!Check(g, rows)) return;
  auto opened = Open(g, *a);
  if (!opened) return;
  auto n = ImportStandardCatalogue(opened->first, opened->second, *rows, name, "import");
  if (!Check(g, n.ok() ? Status::Ok() : n.status().WithContext(a->file + "："))) return;
  std::cout << Tr(g, "已导入基层政务公开标准目录 {} 项到机关 {}\n",
                  "imported {} catalogue rows into agency {}\n", *n, opened->second);
});
auto* list = standard->add_subcommand(
    "list", "列出目录各项及已公开信息数 / list the rows with their published items");
AddCommon(list, *a);
list->add_flag("--json", a->json, "输出 JSON / print JSON");
list->callback([&g, a] {
  auto opened = Open(g, *a);
  if (!opened) return;
  auto use = StandardCatalogueUse(opened->first, opened->second, Today(opened->first));
  if (!Check(g, use)) return;
  if (a->json) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const StandardRowUse& u : *use) {
      nlohmann::ordered_json j = StandardRowJson(u.row);
      j["items"] = u.items;
      j["published"] = u.published;
      rows.push_back(std::move(j));
    }
    nlohmann::ordered_json out;
    out["agency_id"] = opened->second;
    out["rows"] = std::move(rows);
    std::cout << out.dump(2, ' ', false) << "\n";
    return;
  }
  if (use->empty()) {
    std::cout << Tr(g, "机关 {} 尚未导入基层政务公开标准目录\n",
                    "agency {} has no standard catalogue\n", opened->second);
    return;
  }
  int empty = 0;
  for (const StandardRowUse& u : *use) {
    if (u.published == 0) ++empty;
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", StandardRowKey(u.row),
                             StandardRowTitle(u.row),
                             u.row.time_limit.empty() ? "-" : u.row.time_limit,
                             StandardFlagsText(u.row.flags, "mode"), u.items, u.published);
  }
  std::cerr << Tr(g, "共 {} 项，其中 {} 项尚无已公开信息\n",
                  "{} rows, {} without a published item\n", use->size(), empty);
});
}  // namespace

}  // namespace gongkai::cli

void AddPublicationsCommands(CLI::App& app, GlobalOptions& g) {
  auto* group =
      app.add_subcommand("publications", "主动公开登记簿 / the proactive disclosure register");
  group->require_subcommand(1);
  AddImport(group, g, std::make_shared<Args>());
  AddExport(group, g, std::make_shared<Args>());
  AddList(group, g, std::make_shared<Args>());
  AddStats(group, g, std::make_shared<Args>());
  AddDue(group, g, std::make_shared<Args>());
  AddSuggest(group, g, std::make_shared<Args>());
  AddNumbering(group, g, std::make_shared<Args>());
  AddStandard(group, g, std::make_shared<Args>());
}

}  // namespace gongkai::cli
