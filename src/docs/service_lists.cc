#include "docs/service_lists.h"

#include <fmt/format.h>

#include "docs/xlsx_writer.h"
#include "services/vocab.h"

namespace gongkai {
namespace {

TableCell ListCell(std::string text, CellAlign align = CellAlign::kCenter) {
  TableCell c;
  c.text = std::move(text);
  c.align = align;
  return c;
}

TableCell Header(std::string text, int col_span = 1, int row_span = 1) {
  TableCell c = ListCell(std::move(text));
  c.header = true;
  c.col_span = col_span;
  c.row_span = row_span;
  return c;
}

TableCell Number(int n) {
  TableCell c = ListCell(std::to_string(n));
  c.number = n;
  return c;
}

std::string AsOf(Date d) { return "（截至" + FormatDateZh(d) + "）"; }

}  // namespace

std::string NegativeListTitle(const std::string& agency) {
  return agency + "政务服务事项进驻大厅负面清单";
}

std::string CrossProvinceListTitle(const std::string& agency) {
  return agency + "“跨省通办”事项清单";
}

DocTable NegativeListTable(const std::vector<ServiceItem>& items) {
  DocTable t;
  t.column_weights = {0.6, 3, 2.2, 1.8, 1.2, 1.6, 2.4, 2.2};
  t.header_rows = 1;
  t.font_pt = 9;
  t.rows.push_back({Header("序号"), Header("事项名称"), Header("事项编码"), Header("实施机关"),
                    Header("事项类型"), Header("不进驻原因"), Header("说明"), Header("办理地点")});
  int n = 0;
  for (const ServiceItem& item : items) {
    const std::string reason =
        item.not_in_hall_reason ? std::string(Label(*item.not_in_hall_reason)) : "";
    t.rows.push_back(
        {Number(++n), ListCell(item.name, CellAlign::kLeft), ListCell(item.code),
         ListCell(item.department, CellAlign::kLeft), ListCell(std::string(Label(item.type))),
         ListCell(reason), ListCell(item.not_in_hall_note, CellAlign::kLeft),
         ListCell(item.handled_at.empty() ? item.place : item.handled_at, CellAlign::kLeft)});
  }
  return t;
}

DocTable CrossProvinceTable(const std::vector<ServiceItem>& items) {
  DocTable t;
  t.column_weights = {0.6, 3.2, 2.2, 2, 1.1, 1.3, 1.1};
  t.header_rows = 2;
  t.font_pt = 9;
  t.rows.push_back({Header("序号", 1, 2), Header("事项名称", 1, 2), Header("事项编码", 1, 2),
                    Header("实施机关", 1, 2), Header("办理模式", 3)});
  t.rows.push_back({Header(std::string(Label(CrossProvinceMode::kOnline))),
                    Header(std::string(Label(CrossProvinceMode::kProxy))),
                    Header(std::string(Label(CrossProvinceMode::kMultiSite)))});
  const struct {
    ServiceObject object;
    const char* heading;
  } parts[] = {{ServiceObject::kIndividual, "一、个人事项"},
               {ServiceObject::kLegalPerson, "二、法人事项"}};
  for (const auto& part : parts) {
    std::vector<const ServiceItem*> mine;
    for (const ServiceItem& item : items) {
      if (item.cross_province && item.cross_province->object == part.object) mine.push_back(&item);
    }
    TableCell section =
        ListCell(fmt::format("{}（{}项）", part.heading, mine.size()), CellAlign::kLeft);
    section.header = true;
    section.col_span = 7;
    t.rows.push_back({section});
    int n = 0;
    for (const ServiceItem* item : mine) {
      auto mark = [&](CrossProvinceMode m) {
        return ListCell(item->cross_province->modes.contains(m) ? "√" : "");
      };
      t.rows.push_back({Number(++n), ListCell(item->name, CellAlign::kLeft), ListCell(item->code),
                        ListCell(item->department, CellAlign::kLeft),
                        mark(CrossProvinceMode::kOnline), mark(CrossProvinceMode::kProxy),
                        mark(CrossProvinceMode::kMultiSite)});
    }
  }
  return t;
}

Result<std::string> NegativeListXlsx(const std::string& agency,
                                     const std::vector<ServiceItem>& items, Date as_of) {
  const std::string title = NegativeListTitle(agency);
  return WriteTablesXlsx({{"进厅负面清单", title + AsOf(as_of), NegativeListTable(items), 7}},
                         title, as_of);
}

Result<std::string> CrossProvinceListXlsx(const std::string& agency,
                                          const std::vector<ServiceItem>& items, Date as_of) {
  const std::string title = CrossProvinceListTitle(agency);
  return WriteTablesXlsx({{"跨省通办", title + AsOf(as_of), CrossProvinceTable(items), 7}}, title,
                         as_of);
}

}  // namespace gongkai
