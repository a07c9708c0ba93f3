// The counting rules of a generated report (../shared/spec/case-events.md, annual-report.md).
// Settled here: a case is "open on 1 January" when it was received before the year and not closed
// before 1 January, so a case closed on 1 January counts as carried over and closed in the year;
// "answered on time" compares the reply with the (extended, stop-shifted) due date of
// calendar/deadline.h; fees charged are the fee notices paid in the year (the fee is collected
// when paid, 国办函〔2020〕109号), whatever year the notice was sent.

#include "cases/annual.h"

#include <fmt/format.h>

#include <array>
#include <cassert>

#include "calendar/deadline.h"
#include "cases/case_fold.h"
#include "publications/table_two.h"
#include "report/layout.h"

namespace gongkai {
namespace {

constexpr int kColumns = 7;  // six applicant kinds, then total
constexpr int kTotalColumn = 6;
constexpr int kMaxListedErrors = 50;

Cell Count(int64_t n) {
  Cell c = Cell::Number(static_cast<double>(n));
  c.raw = std::to_string(n);
  return c;
}

// 万元 with 4 decimals (1 元 precision), rounded half up from fen.
Cell WanYuan(int64_t fen) {
  int64_t yuan = (fen + 50) / 100;
  Cell c = Cell::Number(static_cast<double>(yuan) / 10000.0);
  c.raw = fmt::format("{}.{:04d}", yuan / 10000, yuan % 10000);
  return c;
}

Cell Blank() { return Cell{}; }

// Table B counts, [row][column], rows in the format's order.
class TableBCounts {
 public:
  explicit TableBCounts(ReportFormat format) : rows_(TableBRows(format)) {
    counts_.assign(rows_.size(), std::array<int64_t, kColumns>{});
    for (const auto& entry : Outcomes()) {
      std::string_view key = entry.key;
      if (format == ReportFormat::k2019Trial && key.starts_with("other.")) key = "other";
      outcome_row_[static_cast<std::size_t>(entry.value)] = RowIndex(key);
    }
    new_ = RowIndex("new");
    carried_over_ = RowIndex("carried_over");
    closed_total_ = RowIndex("closed_total");
    carried_forward_ = RowIndex("carried_forward");
  }

  void AddNew(int col) { Add(new_, col); }
  void AddCarriedOver(int col) { Add(carried_over_, col); }
  void AddCarriedForward(int col) { Add(carried_forward_, col); }
  void AddClosed(Outcome o, int col) {
    Add(outcome_row_[static_cast<std::size_t>(o)], col);
    Add(closed_total_, col);
  }
  int64_t Total(std::string_view row) const { return counts_[RowIndex(row)][kTotalColumn]; }

  Table ToTable() const {
    Table t;
    auto columns = TableBColumns();
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      Row& row = t.Get(rows_[r].key);
      for (std::size_t c = 0; c < columns.size() && c < kColumns; ++c) {
        row.Set(columns[c].key, Count(counts_[r][c]));
      }
    }
    return t;
  }

 private:
  std::size_t RowIndex(std::string_view key) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].key == key) return i;
    }
    // Every key asked for is in both formats' layouts (annual-report.md); a miss is our bug.
    assert(false && "table B row missing from layout");
    return 0;
  }
  void Add(std::size_t row, int col) {
    ++counts_[row][col];
    ++counts_[row][kTotalColumn];
  }

  std::span<const RowSpec> rows_;
  std::vector<std::array<int64_t, kColumns>> counts_;
  std::array<std::size_t, 21> outcome_row_{};
  std::size_t new_ = 0, carried_over_ = 0, closed_total_ = 0, carried_forward_ = 0;
};

// Table C counts: [block][upheld, corrected, other, pending].
struct TableCCounts {
  std::array<std::array<int64_t, 4>, 3> cells{};

  void Add(const Remedy& r, int year, bool count_filed_earlier) {
    bool filed_in_year = static_cast<int>(r.filed.year()) == year;
    bool decided_in_year = r.decided && static_cast<int>(r.decided->year()) == year;
    if (!filed_in_year && !(count_filed_earlier && decided_in_year)) return;
    std::size_t col = r.decided && r.result ? static_cast<std::size_t>(*r.result) : 3;
    ++cells[static_cast<std::size_t>(r.block)][col];
  }

  Table ToTable() const {
    Table t;
    for (const auto& block : TableCBlocks()) {
      auto index = static_cast<std::size_t>(&block - TableCBlocks().data());
      Row& row = t.Get(block.key);
      const auto& c = cells[index];
      row.Set("upheld", Count(c[0]));
      row.Set("corrected", Count(c[1]));
      row.Set("other", Count(c[2]));
      row.Set("pending", Count(c[3]));
      row.Set("total", Count(c[0] + c[1] + c[2] + c[3]));
    }
    return t;
  }
};

Table BuildTableA(const AnnualInput& in, ReportFormat format) {
  const TableTwoCounts counts = CountTableTwo(in.publications, in.year);
  const DocumentCounts* docs[2] = {&counts.regulations, &counts.normative_documents};
  Table t;
  const char* doc_rows[2] = {"rules", "normative_documents"};
  const YearDecisionCounts& n = in.decisions;
  if (format == ReportFormat::k2021) {
    for (int i = 0; i < 2; ++i) {
      Row& row = t.Get(doc_rows[i]);
      row.Set("issued", Count(docs[i]->issued));
      row.Set("abolished", Count(docs[i]->abolished));
      row.Set("in_force", Count(docs[i]->in_force));
    }
    t.Get("licensing").Set("decisions", Count(n.licensing));
    t.Get("punishment").Set("decisions", Count(n.punishment));
    t.Get("enforcement").Set("decisions", Count(n.enforcement));
    t.Get("fees").Set("amount_wan_yuan", WanYuan(n.fees_collected_fen));
    return t;
  }
  for (int i = 0; i < 2; ++i) {
    Row& row = t.Get(doc_rows[i]);
    row.Set("made", Count(docs[i]->made));
    row.Set("published", Count(docs[i]->published));
    row.Set("total_published", Count(docs[i]->total_published));
  }
  const std::pair<const char*, std::optional<int>> services[] = {{"licensing", n.licensing},
                                                                 {"other_services", std::nullopt},
                                                                 {"punishment", n.punishment},
                                                                 {"enforcement", n.enforcement}};
  for (const auto& [key, decisions] : services) {
    Row& row = t.Get(key);
    row.Set("items_last_year", Blank());
    row.Set("change", Blank());
    row.Set("decisions", decisions ? Count(*decisions) : Blank());
  }
  Row& fees = t.Get("fees");
  fees.Set("items_last_year", Blank());
  fees.Set("change", Blank());
  Row& procurement = t.Get("procurement");
  procurement.Set("projects", Blank());
  procurement.Set("amount", Blank());
  return t;
}

}  // namespace

struct AnnualFold::Impl {
  Impl(const AnnualInput& in, const Calendar& cal, const CaseSettings& set)
      : input(in),
        calendar(cal),
        settings(set),
        year(in.year),
        jan1{std::chrono::year(year), std::chrono::January, std::chrono::day(1)},
        dec31{std::chrono::year(year), std::chrono::December, std::chrono::day(31)},
        format(RequiredFormat(year)),
        b(format) {
    out.facts.year = year;
  }

  void Fail(const Event& first, std::string msg) {
    if (++error_count <= kMaxListedErrors) {
      errors.push_back(fmt::format("案件 {}：{}", first.case_number, msg));
    }
  }

  void Add(const std::vector<Event>& events);

  // Constant after construction.
  const AnnualInput input;
  const Calendar& calendar;
  const CaseSettings settings;
  const int year;
  const Date jan1;
  const Date dec31;
  const ReportFormat format;
  // The running fold.
  AnnualReport out;
  TableBCounts b;
  TableCCounts c;
  std::vector<std::string> errors;
  int error_count = 0;
};

void AnnualFold::Impl::Add(const std::vector<Event>& events) {
  NarrativeFacts& facts = out.facts;
  if (events.empty() || events.front().date > dec31) return;
  internal::CaseFold fold;
  for (std::size_t i = 0; i < events.size() && events[i].date <= dec31; ++i) {
    const Event& e = events[i];
    Status s = fold.Check(e, calendar, settings);
    if (!s.ok()) {
      Fail(events.front(), fmt::format("第 {} 个事件（{}，{}）：{}", i + 1, Key(e.type),
                                       FormatDate(e.date), s.message()));
      return;
    }
    if (e.date >= jan1) {
      switch (e.type) {
        case EventType::kCorrectionRequested:
          ++facts.correction_requests;
          break;
        case EventType::kExtensionApproved:
          ++facts.extensions;
          break;
        case EventType::kFeePaid:
          ++facts.fee_cases;
          facts.fees_charged_fen += fold.fee_notice_fen;
          break;
        default:
          break;
      }
    }
    (void)fold.Apply(e, calendar, settings);
  }
  const Event& received = *fold.received;
  if (!received.applicant_kind) {
    Fail(received, "收到申请事件缺少申请人类型（applicant_kind），无法计入表三的列");
    return;
  }
  const int col = static_cast<int>(*received.applicant_kind);
  for (const Remedy& r : fold.remedies) {
    c.Add(r, year, settings.count_remedies_decided_in_year_filed_earlier);
    if (r.filed >= jan1) {
      ++(r.block == RemedyBlock::kReconsideration ? facts.reconsiderations_filed
                                                  : facts.litigations_filed);
    }
  }
  const Event* closing = fold.closing;
  // Closed in an earlier year: not in table B.
  if (closing != nullptr && closing->date < jan1) return;
  if (received.date >= jan1) {
    b.AddNew(col);
    ++facts.by_applicant[static_cast<std::size_t>(col)];
    if (received.channel) ++facts.by_channel[static_cast<std::size_t>(*received.channel)];
  } else {
    b.AddCarriedOver(col);
  }
  if (closing == nullptr) {
    b.AddCarriedForward(col);
    return;
  }
  Outcome outcome = closing->type == EventType::kAnswered
                        ? closing->outcome.value_or(Outcome::kOtherOther)
                    : closing->type == EventType::kWithdrawn          ? Outcome::kOtherOther
                    : closing->reason == WithdrawalReason::kFeeUnpaid ? Outcome::kOtherFeeUnpaid
                                                                      : Outcome::kOtherNoCorrection;
  b.AddClosed(outcome, col);
  if (closing->type != EventType::kAnswered) return;
  ++facts.answered;
  auto deadlines = ComputeDeadlines(fold.steps, calendar, settings.deadlines, dec31);
  if (!deadlines.ok()) {
    out.warnings.push_back(fmt::format("案件 {}：无法判断是否按时答复：{}", received.case_number,
                                       deadlines.status().message()));
    return;
  }
  ++(deadlines->answered_late ? facts.answered_late : facts.answered_on_time);
}

AnnualFold::AnnualFold(const AnnualInput& input, const Calendar& calendar,
                       const CaseSettings& settings)
    : impl_(std::make_unique<Impl>(input, calendar, settings)) {}

AnnualFold::~AnnualFold() = default;

void AnnualFold::Add(const std::vector<Event>& events) { impl_->Add(events); }

Result<AnnualReport> AnnualFold::Finish() {
  Impl& f = *impl_;
  if (f.year < 2019 || f.year > 9999) {
    return Status::InvalidInput(fmt::format(
        "报告年度 {} 无效：本程序按 2019 年修订的条例生成年度报告，年度应为 2019 年及以后",
        f.year));
  }
  if (f.input.decisions.fees_collected_fen < 0) {
    return Status::InvalidInput("行政事业性收费金额不能为负数，请检查本年收费登记");
  }
  if (!f.errors.empty()) {
    std::string msg = fmt::format("{} 个案件的记录不合规，无法生成 {} 年度报告；请先更正：",
                                  f.error_count, f.year);
    for (const auto& e : f.errors) msg += "\n" + e;
    if (f.error_count > kMaxListedErrors) {
      msg += fmt::format("\n……另有 {} 个案件未列出", f.error_count - kMaxListedErrors);
    }
    return Status::InvalidInput(msg);
  }
  AnnualReport out = std::move(f.out);
  NarrativeFacts& facts = out.facts;
  facts.received = static_cast<int>(f.b.Total("new"));
  facts.carried_over = static_cast<int>(f.b.Total("carried_over"));
  facts.closed = static_cast<int>(f.b.Total("closed_total"));
  facts.carried_forward = static_cast<int>(f.b.Total("carried_forward"));

  Report& r = out.report;
  r.format = f.format;
  r.agency = f.input.agency;
  r.year = f.year;
  r.source = "register";
  r.section2 = BuildTableA(f.input, f.format);
  r.section3 = f.b.ToTable();
  r.section4 = f.c.ToTable();
  return out;
}

Result<AnnualReport> BuildAnnualReport(const std::vector<std::vector<Event>>& cases,
                                       const AnnualInput& input, const Calendar& calendar,
                                       const CaseSettings& settings) {
  AnnualFold fold(input, calendar, settings);
  for (const auto& events : cases) fold.Add(events);
  return fold.Finish();
}

}  // namespace gongkai
