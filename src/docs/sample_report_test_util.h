// A hand-made annual report for the docs tests, with numbers checked by hand against the
// format's rules: table B balances per column (new + carried_over = closed_total +
// carried_forward; 25 + 2 = 23 + 4 in the total column) and per row, table C per block.
// Includes markup characters in the agency name and text cells, to prove escaping.

#ifndef GONGKAI_DOCS_SAMPLE_REPORT_TEST_UTIL_H_
#define GONGKAI_DOCS_SAMPLE_REPORT_TEST_UTIL_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "report/layout.h"
#include "report/model.h"

namespace gongkai::testing {

inline void SetRow(Table& t, const std::string& row,
                   std::initializer_list<std::pair<const char*, double>> cells) {
  Row& r = t.Get(row);
  for (const auto& [column, value] : cells) r.Set(column, Cell::Number(value));
}

// Table B row with the seven columns natural_person … other_org, total.
inline void SetBRow(Table& t, const std::string& row, double np, double com, double res,
                    double total) {
  SetRow(t, row,
         {{"natural_person", np},
          {"commercial", com},
          {"research", res},
          {"public_interest", 0},
          {"legal_service", 0},
          {"other_org", 0},
          {"total", total}});
}

inline Report SampleReport() {
  Report r;
  r.format = ReportFormat::k2021;
  r.agency = "新华区<政务>服务&大数据管理局";
  r.year = 2023;
  r.published = Date{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{20}};
  SetRow(r.section2, "rules", {{"issued", 0}, {"abolished", 0}, {"in_force", 0}});
  SetRow(r.section2, "normative_documents", {{"issued", 2}, {"abolished", 1}, {"in_force", 15}});
  SetRow(r.section2, "licensing", {{"decisions", 120}});
  SetRow(r.section2, "punishment", {{"decisions", 35}});
  SetRow(r.section2, "enforcement", {{"decisions", 3}});
  SetRow(r.section2, "fees", {{"amount_wan_yuan", 0.5}});
  for (const RowSpec& spec : TableBRows(ReportFormat::k2021))
    SetBRow(r.section3, std::string(spec.key), 0, 0, 0, 0);
  SetBRow(r.section3, "new", 21, 3, 1, 25);
  SetBRow(r.section3, "carried_over", 2, 0, 0, 2);
  SetBRow(r.section3, "granted", 10, 2, 1, 13);
  SetBRow(r.section3, "partial", 3, 0, 0, 3);
  SetBRow(r.section3, "refused.third_party", 1, 0, 0, 1);
  SetBRow(r.section3, "unavailable.not_held", 4, 0, 0, 4);
  SetBRow(r.section3, "not_processed.repeat", 1, 0, 0, 1);
  SetBRow(r.section3, "other.other", 1, 0, 0, 1);
  SetBRow(r.section3, "closed_total", 20, 2, 1, 23);
  SetBRow(r.section3, "carried_forward", 3, 1, 0, 4);
  for (const RowSpec& block : TableCBlocks()) {
    SetRow(r.section4, std::string(block.key),
           {{"upheld", 0}, {"corrected", 0}, {"other", 0}, {"pending", 0}, {"total", 0}});
  }
  SetRow(r.section4, "reconsideration", {{"upheld", 1}, {"pending", 1}, {"total", 2}});
  SetRow(r.section4, "litigation_direct", {{"upheld", 1}, {"total", 1}});
  r.sections = {
      {1,
       "一、总体情况",
       "2023年，本局共收到政府信息公开申请25件。\n（一）主动公开\n本年主动公开文件<12>件。",
       {}},
      {2, "二、主动公开政府信息情况", "", {}},
      {3, "三、收到和处理政府信息公开申请情况", "", {}},
      {4, "四、政府信息公开行政复议、行政诉讼情况", "", {}},
      {5, "五、存在的主要问题及改进情况", "一是公开内容不够全面。", {}},
      {6, "六、其他需要报告的事项", "本年度未收取信息处理费。", {}},
  };
  r.source = "register";
  return r;
}

}  // namespace gongkai::testing

#endif  // GONGKAI_DOCS_SAMPLE_REPORT_TEST_UTIL_H_
