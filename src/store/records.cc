#include "store/records.h"

#include <fmt/format.h>

#include <charconv>

#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/publication_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

Status LockedConflict(int year) {
  return Status::Conflict(fmt::format(
      "{0} 年度报告已公开发布，该年度的登记数据已锁定：如确需更正，请先 `gongkai report reopen "
      "--year {0}`",
      year));
}

Status CheckDocument(const StoredDocument& doc) {
  if (doc.number.empty()) return Status::InvalidInput("文号不能为空");
  if (doc.title.empty()) return Status::InvalidInput("文件标题不能为空");
  if (doc.abolished && DayNumber(*doc.abolished) < DayNumber(doc.issued)) {
    return Status::InvalidInput(fmt::format("废止日期 {} 早于制发日期 {}",
                                            FormatDate(*doc.abolished), FormatDate(doc.issued)));
  }
  return Status::Ok();
}

// The publication item a document is registered as.
Publication DocumentItem(const StoredDocument& doc, const std::string& agency_name) {
  Publication p;
  p.kind = doc.kind;
  p.doc_no = doc.number;
  p.title = doc.title;
  p.publisher = agency_name;
  p.summary = doc.title;
  p.category = "art20.1";
  p.created = doc.issued;
  p.published = doc.issued;
  if (doc.abolished) {
    p.status = Validity::kRepealed;
    p.status_date = doc.abolished;
  }
  return p;
}

constexpr PublicationKind kDocumentKinds[] = {PublicationKind::kRegulation,
                                              PublicationKind::kNormativeDocument};

// Inserts under an open transaction; the caller has checked the documents.
Status InsertDocuments(Database& db, soci::session& sql, long long agency,
                       const std::vector<StoredDocument>& docs, std::string_view actor,
                       std::string_view now) {
  std::set<std::string> taken;
  for (const StoredPublication& s : internal::SelectPublications(sql, agency, kDocumentKinds)) {
    taken.insert(s.item.doc_no);
  }
  std::string name;
  sql << "SELECT name FROM agencies WHERE id = :a", soci::use(agency), soci::into(name);
  std::vector<Publication> items;
  for (const StoredDocument& doc : docs) {
    if (!taken.insert(doc.number).second) {
      return Status::Conflict(fmt::format("文号 {} 已登记", doc.number));
    }
    items.push_back(DocumentItem(doc, name));
  }
  auto ids = internal::InsertPublications(db, sql, agency, items, actor, now);
  return ids.ok() ? Status::Ok() : ids.status();
}

Status UpsertCounts(Database& db, soci::session& sql, long long agency, int year,
                    const YearDecisionCounts& c) {
  if (internal::LockedYears(sql, agency).contains(year)) return LockedConflict(year);
  const std::pair<const char*, int> kCategories[] = {
      {"licensing", c.licensing}, {"punishment", c.punishment}, {"enforcement", c.enforcement}};
  for (const auto& [category, value] : kCategories) {
    std::string key = category;
    long long decisions = value;
    sql << "INSERT INTO decision_counts (agency_id, year, category, decisions) VALUES (:a, :y, "
           ":c, :d) ON CONFLICT (agency_id, year, category) DO UPDATE SET decisions = "
           "excluded.decisions",
        soci::use(agency), soci::use(year), soci::use(key), soci::use(decisions);
  }
  long long fen = c.fees_collected_fen;
  sql << "INSERT INTO fees_collected (agency_id, year, amount_fen) VALUES (:a, :y, :f) "
         "ON CONFLICT (agency_id, year) DO UPDATE SET amount_fen = excluded.amount_fen",
      soci::use(agency), soci::use(year), soci::use(fen);
  for (std::string_view table : {"decision_counts", "fees_collected"}) {
    internal::RecordInLedger(db, sql, table, agency, fmt::format("t.year = {}", year));
  }
  return Status::Ok();
}

Status CheckCounts(const YearDecisionCounts& c) {
  if (c.licensing < 0 || c.punishment < 0 || c.enforcement < 0 || c.fees_collected_fen < 0) {
    return Status::InvalidInput("决定数量和收费金额不能为负数");
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitCsv(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    auto comma = line.find(',');
    std::string_view cell = line.substr(0, comma);
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) {
      cell.remove_suffix(1);
    }
    out.push_back(cell);
    if (comma == std::string_view::npos) return out;
    line.remove_prefix(comma + 1);
  }
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::optional<PublicationKind> DocumentKindFromKey(std::string_view key) {
  if (key == "rules") return PublicationKind::kRegulation;
  if (key == "normative_documents") return PublicationKind::kNormativeDocument;
  return std::nullopt;
}

std::string_view DocumentKindKey(PublicationKind kind) {
  return kind == PublicationKind::kRegulation ? "rules" : "normative_documents";
}

Status AddDocument(Database& db, int64_t agency_id, const StoredDocument& doc,
                   std::string_view actor) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "登记规范性文件", [&](soci::session& sql) {
    return InsertDocuments(db, sql, agency_id, {doc}, actor, now);
  });
}

Result<std::vector<StoredDocument>> ListDocuments(Database& db, int64_t agency_id) {
  return Run(db, "列出规范性文件", [&](soci::session& sql) -> Result<std::vector<StoredDocument>> {
    std::vector<StoredDocument> out;
    for (const StoredPublication& s :
         internal::SelectPublications(sql, agency_id, kDocumentKinds)) {
      const Publication& p = s.item;
      StoredDocument d;
      d.kind = p.kind;
      d.number = p.doc_no;
      d.title = p.title;
      d.issued = p.created;
      if (p.status != Validity::kInForce) d.abolished = p.status_date;
      out.push_back(std::move(d));
    }
    return out;
  });
}

Status SetYearCounts(Database& db, int64_t agency_id, int year, const YearDecisionCounts& counts) {
  if (Status s = CheckCounts(counts); !s.ok()) return s;
  return RunInTransaction(db, "登记年度决定数量", [&](soci::session& sql) {
    return UpsertCounts(db, sql, agency_id, year, counts);
  });
}

Result<YearDecisionCounts> GetYearCounts(Database& db, int64_t agency_id, int year) {
  return Run(db, "读取年度决定数量", [&](soci::session& sql) -> Result<YearDecisionCounts> {
    YearDecisionCounts c;
    long long agency = agency_id, n = 0;
    std::string category;
    soci::statement st = (sql.prepare << "SELECT category, decisions FROM decision_counts WHERE "
                                         "agency_id = :a AND year = :y",
                          soci::use(agency), soci::use(year), soci::into(category), soci::into(n));
    st.execute();
    while (st.fetch()) {
      if (category == "licensing") c.licensing = static_cast<int>(n);
      if (category == "punishment") c.punishment = static_cast<int>(n);
      if (category == "enforcement") c.enforcement = static_cast<int>(n);
    }
    long long fen = 0;
    sql << "SELECT amount_fen FROM fees_collected WHERE agency_id = :a AND year = :y",
        soci::use(agency), soci::use(year), soci::into(fen);
    if (sql.got_data()) c.fees_collected_fen = fen;
    return c;
  });
}

Result<int> ImportRecordsCsv(Database& db, int64_t agency_id, std::string_view csv) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < csv.size();) {
    auto end = csv.find('\n', start);
    lines.push_back(
        csv.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    start = end == std::string_view::npos ? csv.size() : end + 1;
  }
  if (lines.empty()) return Status::InvalidInput("CSV 文件为空：第一行应为表头");
  auto header = SplitCsv(lines[0]);
  if (!header.empty() && header[0].starts_with("\xEF\xBB\xBF")) header[0].remove_prefix(3);
  const std::vector<std::string_view> kDocHeader{"kind", "number", "title", "issued", "abolished"};
  const std::vector<std::string_view> kCountHeader{"year", "licensing", "punishment", "enforcement",
                                                   "fees_fen"};
  bool documents = header == kDocHeader;
  if (!documents && header != kCountHeader) {
    return Status::InvalidInput(
        "第 1 行：表头无法识别。规范性文件用 kind,number,title,issued,abolished；年度数量用 "
        "year,licensing,punishment,enforcement,fees_fen");
  }
  std::vector<std::string> problems;
  std::vector<StoredDocument> docs;
  std::vector<std::pair<int, YearDecisionCounts>> counts;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto cells = SplitCsv(line);
    auto where = [&](size_t col) {
      return fmt::format("第 {} 行第 {} 列（{}）", i + 1, col + 1,
                         (documents ? kDocHeader : kCountHeader)[col]);
    };
    if (cells.size() != header.size()) {
      problems.push_back(
          fmt::format("第 {} 行：应有 {} 列，实有 {} 列", i + 1, header.size(), cells.size()));
      continue;
    }
    if (documents) {
      StoredDocument d;
      auto kind = DocumentKindFromKey(cells[0]);
      if (!kind) problems.push_back(where(0) + "：应为 rules 或 normative_documents");
      d.kind = kind.value_or(PublicationKind::kNormativeDocument);
      d.number = cells[1];
      d.title = cells[2];
      auto issued = ParseDate(cells[3]);
      if (!issued.ok()) problems.push_back(where(3) + "：" + issued.status().message());
      if (issued.ok()) d.issued = *issued;
      if (!cells[4].empty()) {
        auto abolished = ParseDate(cells[4]);
        if (!abolished.ok()) problems.push_back(where(4) + "：" + abolished.status().message());
        if (abolished.ok()) d.abolished = *abolished;
      }
      if (kind && issued.ok()) {
        if (Status s = CheckDocument(d); !s.ok()) {
          problems.push_back(fmt::format("第 {} 行：{}", i + 1, s.message()));
        }
      }
      docs.push_back(std::move(d));
    } else {
      int year = 0;
      YearDecisionCounts c;
      int* fields[] = {&year, &c.licensing, &c.punishment, &c.enforcement};
      bool ok = true;
      for (size_t col = 0; col < 4; ++col) {
        if (!ParseNumber(cells[col], fields[col]) || *fields[col] < 0) {
          problems.push_back(where(col) + fmt::format("：'{}' 不是非负整数", cells[col]));
          ok = false;
        }
      }
      if (!ParseNumber(cells[4], &c.fees_collected_fen) || c.fees_collected_fen < 0) {
        problems.push_back(where(4) + fmt::format("：'{}' 不是非负整数（单位：分）", cells[4]));
        ok = false;
      }
      if (ok) counts.emplace_back(year, c);
    }
  }
  if (!problems.empty()) {
    std::string message = "导入被拒绝，未写入任何数据：";
    for (const auto& p : problems) message += "\n" + p;
    return Status::InvalidInput(message);
  }
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "导入登记数据", [&](soci::session& sql) -> Result<int> {
    if (Status s = InsertDocuments(db, sql, agency_id, docs, "records", now); !s.ok()) return s;
    for (const auto& [year, c] : counts) {
      if (Status s = UpsertCounts(db, sql, agency_id, year, c); !s.ok()) return s;
    }
    return static_cast<int>(docs.size() + counts.size());
  });
}

}  // namespace gongkai
