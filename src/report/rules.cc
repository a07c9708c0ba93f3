// The document rules: FORMAT-YEAR, SECTIONS, LATE and the township half of IMPLAUSIBLE; and the
// entry point that runs every group.
//
// 《政府信息公开条例》第四十九条：「县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作
// 主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。县级以上地方人民政府的
// 政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度
// 报告。」 LATE counts "before 31 January" as "on or before": a report dated 31 January is on
// time. The report does not say whether its agency is a department or a government, so the
// deadline is a setting (department by default) and the finding says which one it assumed.
//
// Formats: 国办公开办函〔2021〕30号 for report years 2021 on, the trial format
// 国办公开办函〔2019〕60号 for 2019–2020 (FORMAT-YEAR). Towns and townships (乡镇、街道) have no
// power to make 规章 (under the Legislation Law 立法法, 规章 are made by the governments of
// provinces and of cities with districts and autonomous prefectures), so a township reporting 规章
// is IMPLAUSIBLE.

#include "report/rules.h"

#include <fmt/format.h>

#include "report/rules_internal.h"
#include "util/text.h"

namespace gongkai {
namespace {

using rules_internal::FormatNumber;
using rules_internal::MakeFinding;
using Severity = Finding::Severity;

constexpr std::string_view kSectionTitles[] = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

std::string_view FormatNameZh(ReportFormat f) {
  return f == ReportFormat::k2021 ? "2021年格式（国办公开办函〔2021〕30号）"
                                  : "2019年试行格式（国办公开办函〔2019〕60号）";
}

std::string_view FormatNameEn(ReportFormat f) {
  return f == ReportFormat::k2021 ? "the 2021 format (国办公开办函〔2021〕30号)"
                                  : "the 2019 trial format (国办公开办函〔2019〕60号)";
}

void CheckFormatYear(const Report& r, std::vector<Finding>* out) {
  if (r.year == 0) {
    out->push_back(MakeFinding("FORMAT-YEAR", Severity::kWarning, "", "", "",
                               "报告年度不明：无法核对应使用的格式和发布期限",
                               "The report year is unknown: the required format and the "
                               "publication deadline could not be checked"));
  } else if (r.format != RequiredFormat(r.year)) {
    ReportFormat need = RequiredFormat(r.year);
    out->push_back(MakeFinding("FORMAT-YEAR", Severity::kWarning, "", "", "",
                               fmt::format("{}年度报告应使用{}，本报告使用的是{}", r.year,
                                           FormatNameZh(need), FormatNameZh(r.format)),
                               fmt::format("A report for {} must use {}; this one uses {}", r.year,
                                           FormatNameEn(need), FormatNameEn(r.format)),
                               std::string(FormatKey(need)), std::string(FormatKey(r.format))));
  }
  // Rows that belong to the other format only.
  for (const Row& row : r.section2.rows) {
    bool in_format = false;
    for (const RowSpec& spec : TableARows(r.format)) in_format = in_format || spec.key == row.key;
    if (in_format || !rules_internal::FindRowSpec(r.format, "section2", row.key)) continue;
    std::string_view label = rules_internal::RowLabel(r.format, "section2", row.key);
    out->push_back(
        MakeFinding("FORMAT-YEAR", Severity::kWarning, "section2", row.key, "",
                    fmt::format("表二有「{}」行，这不是{}的行", label, FormatNameZh(r.format)),
                    fmt::format("Table A has the row 「{}」, which is not in {}", label,
                                FormatNameEn(r.format)),
                    "", "", row.pos));
  }
  const bool single_other = r.section3.Find("other") != nullptr;
  const bool split_other = r.section3.Find("other.other") ||
                           r.section3.Find("other.no_correction") ||
                           r.section3.Find("other.fee_unpaid");
  if (r.format == ReportFormat::k2021 && single_other && !split_other) {
    out->push_back(MakeFinding(
        "FORMAT-YEAR", Severity::kNotice, "section3", "other", "",
        "表三「（六）其他处理」只有一行，未按2021年格式分为三项（部分省份的格式）；已作为一个办理结"
        "果行核对",
        "Table B prints 「（六）其他处理」 as one row instead of the 2021 format's three (a "
        "provincial variant); it was checked as one result row",
        "", "", r.section3.Find("other")->pos));
  } else if (r.format == ReportFormat::k2019Trial && split_other && !single_other) {
    out->push_back(MakeFinding(
        "FORMAT-YEAR", Severity::kWarning, "section3", "other", "",
        "表三「（六）其他处理」分为三项，这是2021年格式的行，不是2019年试行格式的",
        "Table B splits 「（六）其他处理」 into three rows as the 2021 format does, not as the "
        "2019 trial format"));
  }
}

// SECTIONS: all six, in order. Tables stand for their sections (a parser may keep only the
// narrative sections); a missing table itself is reported by CheckTables.
void CheckSections(const Report& r, const CheckSettings& s, std::vector<Finding>* out) {
  if (r.sections.empty()) return;
  bool present[7] = {};
  for (const Section& s : r.sections) {
    if (s.number >= 1 && s.number <= 6) present[s.number] = true;
  }
  present[2] = present[2] || !r.section2.rows.empty();
  present[3] = present[3] || !r.section3.rows.empty();
  present[4] = present[4] || !r.section4.rows.empty();
  for (int n = 1; n <= 6; ++n) {
    if (present[n] || (s.parser_reported_layout && n >= 2 && n <= 4)) continue;
    out->push_back(
        MakeFinding("SECTIONS", Severity::kWarning, "", "", "",
                    fmt::format("缺少第{}部分「{}」", n, kSectionTitles[n - 1]),
                    fmt::format("Section {} 「{}」 is missing", n, kSectionTitles[n - 1]),
                    std::string(kSectionTitles[n - 1]), ""));
  }
  for (std::size_t i = 1; i < r.sections.size(); ++i) {
    const Section& prev = r.sections[i - 1];
    const Section& cur = r.sections[i];
    if (cur.number >= prev.number) continue;
    out->push_back(
        MakeFinding("SECTIONS", Severity::kWarning, "", "", "",
                    fmt::format("各部分顺序有误：「{}」排在「{}」之后", cur.title, prev.title),
                    fmt::format("The sections are out of order: 「{}」 comes after 「{}」",
                                cur.title, prev.title),
                    "", "", cur.pos));
  }
}

void CheckLate(const Report& r, const CheckSettings& s, std::vector<Finding>* out) {
  if (!r.published || r.year == 0) return;
  const Date deadline = PublicationDeadline(r.year, s.publisher);
  if (DayNumber(*r.published) <= DayNumber(deadline)) return;
  const bool dept = s.publisher == Publisher::kDepartment;
  out->push_back(MakeFinding(
      "LATE", Severity::kWarning, "", "", "",
      fmt::format("发布日期{}晚于法定期限{}（《条例》第四十九条；按{}的期限{}）",
                  FormatDateZh(*r.published), FormatDateZh(deadline),
                  dept ? "政府部门" : "人民政府",
                  dept ? "，如为人民政府的年度报告，期限为3月31日" : ""),
      fmt::format("Published on {}, after the statutory date {} (Art. 49; the deadline for {}{})",
                  FormatDate(*r.published), FormatDate(deadline),
                  dept ? "a government department" : "a government",
                  dept ? "; a government's own report is due by 31 March" : ""),
      FormatDate(deadline), FormatDate(*r.published)));
}

// A town (镇), township (乡) or sub-district (街道), by the end of its name.
bool IsTownship(std::string_view agency) {
  std::string name = RemoveWhitespace(agency);
  for (std::string_view suffix : {"人民政府", "办事处", "党委", "委员会"}) {
    if (std::string_view(name).ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  std::string_view n = name;
  if (n.ends_with("城乡")) return false;  // 住房和城乡建设局 and the like
  return n.ends_with("镇") || n.ends_with("乡") || n.ends_with("街道");
}

void CheckTownshipRules(const Report& r, std::vector<Finding>* out) {
  if (!IsTownship(r.agency)) return;
  const Row* rules = r.section2.Find("rules");
  if (!rules) return;
  for (const auto& [column, cell] : rules->cells) {
    if (!cell.is_number() || cell.number <= 0) continue;
    out->push_back(MakeFinding(
        "IMPLAUSIBLE", Severity::kNotice, "section2", "rules", column,
        fmt::format("「{}」是乡镇（街道），乡镇不制定规章，但{}为 {}", r.agency,
                    rules_internal::WhereZh(r.format, "section2", "rules", column),
                    FormatNumber(cell.number)),
        fmt::format("「{}」 is a township, and townships do not make 规章, yet {} is {}", r.agency,
                    rules_internal::WhereEn(r.format, "section2", "rules", column),
                    FormatNumber(cell.number)),
        "0", FormatNumber(cell.number), cell.pos));
  }
}

}  // namespace

Date PublicationDeadline(int year, Publisher publisher) {
  using namespace std::chrono;
  const month m = publisher == Publisher::kDepartment ? January : March;
  return Date{std::chrono::year(year + 1), m, std::chrono::day(31)};
}

std::vector<Finding> CheckReport(const Report& report, const CheckSettings& settings) {
  std::vector<Finding> out;
  rules_internal::CheckTables(report, settings, &out);
  CheckFormatYear(report, &out);
  CheckSections(report, settings, &out);
  rules_internal::CheckNarrative(report, &out);
  CheckLate(report, settings, &out);
  CheckTownshipRules(report, &out);
  return out;
}

Finding LabelDriftFinding(ReportFormat format, std::string_view table, std::string_view row,
                          std::string_view printed_label, SourcePos pos) {
  std::string_view label = rules_internal::RowLabel(format, table, row);
  return MakeFinding(
      "FORMAT-YEAR", Severity::kWarning, table, row, "",
      fmt::format("{}「{}」行的名称应为{}的「{}」", rules_internal::TableNameZh(table),
                  printed_label, FormatNameZh(format), label),
      fmt::format("{}: the row printed as 「{}」 is 「{}」 in {}",
                  rules_internal::TableNameEn(table), printed_label, label, FormatNameEn(format)),
      std::string(label), std::string(printed_label), pos);
}

}  // namespace gongkai
