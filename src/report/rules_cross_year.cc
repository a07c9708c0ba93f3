// The rules across two years of one agency's reports: CROSS-YEAR, IN-FORCE-TREND and COPY.
//
// CROSS-YEAR: the applications still open on 31 December are 四、结转下年度继续办理 of that year
// and 二、上年结转政府信息公开申请数量 of the next, so the two rows agree cell by cell.
// IN-FORCE-TREND: 现行有效件数 this year ≈ last year's + 本年制发 − 本年废止; amendments and
// recodifications make it inexact, so the tolerance is a setting and the finding only a notice.
// COPY: the narrative sections (一、五、六; the tables of 二–四 are alike by design) compared as
// sets of Han-character bigrams (Jaccard); digits, Latin letters and punctuation are left out so
// that a copied text with new years and counts is still a copy.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include "report/rules.h"
#include "report/rules_internal.h"
#include "util/text.h"

namespace gongkai {
namespace {

using rules_internal::FormatNumber;
using rules_internal::MakeFinding;
using rules_internal::NumberCell;
using Severity = Finding::Severity;

std::string NormalizeAgency(std::string_view agency) { return RemoveWhitespace(FoldWidth(agency)); }

void CheckCarriedOver(const Report& prev, const Report& cur, std::vector<Finding>* out) {
  for (const ColumnSpec& col : TableBColumns()) {
    const Cell* forward = NumberCell(prev.section3, "carried_forward", col.key);
    const Cell* over = NumberCell(cur.section3, "carried_over", col.key);
    if (!forward || !over || forward->number == over->number) continue;
    const std::string_view forward_label =
        rules_internal::RowLabel(prev.format, "section3", "carried_forward");
    out->push_back(MakeFinding(
        "CROSS-YEAR", Severity::kError, "section3", "carried_over", col.key,
        fmt::format("{}：应为 {}（{}年度报告的「{}」），实为 {}",
                    rules_internal::WhereZh(cur.format, "section3", "carried_over", col.key),
                    FormatNumber(forward->number), prev.year, forward_label,
                    FormatNumber(over->number)),
        fmt::format("{}: expected {} (「{}」 of the {} report), found {}",
                    rules_internal::WhereEn(cur.format, "section3", "carried_over", col.key),
                    FormatNumber(forward->number), forward_label, prev.year,
                    FormatNumber(over->number)),
        FormatNumber(forward->number), FormatNumber(over->number), over->pos));
  }
}

void CheckInForce(const Report& prev, const Report& cur, const CheckSettings& s,
                  std::vector<Finding>* out) {
  for (std::string_view row : {"rules", "normative_documents"}) {
    const Cell* last = NumberCell(prev.section2, row, "in_force");
    const Cell* issued = NumberCell(cur.section2, row, "issued");
    const Cell* abolished = NumberCell(cur.section2, row, "abolished");
    const Cell* now = NumberCell(cur.section2, row, "in_force");
    if (!last || !issued || !abolished || !now) continue;
    const double expected = last->number + issued->number - abolished->number;
    const double tolerance =
        std::max<double>(s.in_force_tolerance, s.in_force_tolerance_share * std::fabs(expected));
    if (std::fabs(now->number - expected) <= tolerance) continue;
    out->push_back(MakeFinding(
        "IN-FORCE-TREND", Severity::kNotice, "section2", row, "in_force",
        fmt::format("{}：约应为 {}（{}年度的 {} + 本年制发 {} − 本年废止 {}），实为 {}；"
                    "如因修订或清理所致，可在正文中说明",
                    rules_internal::WhereZh(cur.format, "section2", row, "in_force"),
                    FormatNumber(expected), prev.year, FormatNumber(last->number),
                    FormatNumber(issued->number), FormatNumber(abolished->number),
                    FormatNumber(now->number)),
        fmt::format("{}: about {} expected ({} in {} + {} issued − {} abolished), found {}; if "
                    "amendments or a clean-up explain it, say so in the text",
                    rules_internal::WhereEn(cur.format, "section2", row, "in_force"),
                    FormatNumber(expected), FormatNumber(last->number), prev.year,
                    FormatNumber(issued->number), FormatNumber(abolished->number),
                    FormatNumber(now->number)),
        FormatNumber(expected), FormatNumber(now->number), now->pos));
  }
}

struct Bigrams {
  std::unordered_set<std::uint64_t> set;
  int han = 0;  // Han characters seen
};

Bigrams NarrativeBigrams(const Report& r) {
  Bigrams out;
  char32_t prev = 0;
  for (const Section& section : r.sections) {
    if (section.number != 1 && section.number != 5 && section.number != 6) continue;
    for (char32_t cp : ToUtf32(section.text)) {
      if (!IsHan(cp)) continue;
      ++out.han;
      if (prev) out.set.insert((static_cast<std::uint64_t>(prev) << 32) | cp);
      prev = cp;
    }
  }
  return out;
}

void CheckCopy(const Report& prev, const Report& cur, const CheckSettings& s,
               std::vector<Finding>* out) {
  const Bigrams a = NarrativeBigrams(prev), b = NarrativeBigrams(cur);
  if (a.han < s.copy_min_characters || b.han < s.copy_min_characters) return;
  std::size_t common = 0;
  for (std::uint64_t g : b.set) common += a.set.contains(g);
  const double similarity =
      static_cast<double>(common) / static_cast<double>(a.set.size() + b.set.size() - common);
  if (similarity < s.copy_threshold) return;
  const int percent = static_cast<int>(std::floor(similarity * 100));
  const int threshold = static_cast<int>(std::round(s.copy_threshold * 100));
  out->push_back(MakeFinding(
      "COPY", Severity::kWarning, "", "", "",
      fmt::format("正文（第一、五、六部分）与{}年度报告的相似度为 {}%（达到 {}% 的阈值）："
                  "疑似沿用上年文字，应如实写明本年度的情况和问题",
                  prev.year, percent, threshold),
      fmt::format("The narrative (sections 1, 5, 6) is {}% similar to the {} report (threshold "
                  "{}%): it looks copied; describe this year's work and problems",
                  percent, prev.year, threshold),
      fmt::format("<{}%", threshold), fmt::format("{}%", percent)));
}

}  // namespace

std::vector<Finding> CheckAcrossYears(const Report& previous, const Report& current,
                                      const CheckSettings& settings) {
  std::vector<Finding> out;
  if (NormalizeAgency(previous.agency) != NormalizeAgency(current.agency) ||
      previous.year + 1 != current.year) {
    out.push_back(MakeFinding(
        "CROSS-YEAR", Severity::kNotice, "", "", "",
        fmt::format("未做跨年度核对：上一份报告是「{}」{}年度的，本报告是「{}」{}年度的，"
                    "应为同一机关相邻两年的报告",
                    previous.agency, previous.year, current.agency, current.year),
        fmt::format(
            "No cross-year checks: the earlier report is 「{}」 for {}, this one 「{}」 for "
            "{}; they must be the same agency's reports for consecutive years",
            previous.agency, previous.year, current.agency, current.year)));
    return out;
  }
  CheckCarriedOver(previous, current, &out);
  CheckInForce(previous, current, settings, &out);
  CheckCopy(previous, current, settings, &out);
  return out;
}

}  // namespace gongkai
