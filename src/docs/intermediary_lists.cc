#include "docs/intermediary_lists.h"

#include <fmt/format.h>

#include "docs/xlsx_writer.h"

namespace gongkai {
namespace {

TableCell Plain(std::string text, CellAlign align = CellAlign::kLeft) {
  TableCell c;
  c.text = std::move(text);
  c.align = align;
  return c;
}

TableCell Header(std::string text) {
  TableCell c = Plain(std::move(text), CellAlign::kCenter);
  c.header = true;
  return c;
}

TableCell Number(int n) {
  TableCell c = Plain(std::to_string(n), CellAlign::kCenter);
  c.number = n;
  return c;
}

template <typename T, typename F>
std::string Joined(const std::vector<T>& values, F text, std::string_view empty = "") {
  std::string out;
  for (const T& v : values) {
    if (!out.empty()) out += "；";
    out += text(v);
  }
  return out.empty() ? std::string(empty) : out;
}

std::string AsOf(Date d) { return "（截至" + FormatDateZh(d) + "）"; }

}  // namespace

std::string IntermediaryListTitle(const std::string& agency) {
  return agency + "行政审批中介服务事项清单";
}

std::string InstitutionDirectoryTitle(const std::string& agency) {
  return agency + "中介服务机构名录";
}

std::string NamedCodes(const std::vector<std::string>& codes, const NameIndex& names) {
  return Joined(codes, [&](const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? code : fmt::format("{}（{}）", it->second, code);
  });
}

std::string BasisText(const std::vector<ServiceBasis>& basis) {
  return Joined(
      basis,
      [](const ServiceBasis& b) {
        return fmt::format("《{}》{}{}", b.title, b.doc_no.empty() ? "" : "（" + b.doc_no + "）",
                           b.article);
      },
      "无");
}

std::string ValidityText(const Qualification& q, Date as_of) {
  std::string text = q.valid_from ? FormatDateZh(*q.valid_from) + "至" : "至";
  text += q.valid_until ? FormatDateZh(*q.valid_until) : "长期";
  if (!q.valid_from && !q.valid_until) text = "长期";
  if (ExpiredOn(q, as_of)) text += "（已过期）";
  return text;
}

DocTable IntermediaryListTable(const std::vector<IntermediaryService>& services,
                               const NameIndex& items) {
  DocTable t;
  t.column_weights = {0.6, 2.6, 1.4, 2.6, 1.8, 3, 1, 2.4, 1.6};
  t.header_rows = 1;
  t.font_pt = 9;
  t.rows.push_back({Header("序号"), Header("中介服务事项名称"), Header("编码"),
                    Header("涉及的审批事项"), Header("实施部门"), Header("设定依据"),
                    Header("时限"), Header("收费性质及标准"), Header("备注")});
  int n = 0;
  for (const IntermediaryService& s : services) {
    t.rows.push_back({Number(++n), Plain(s.name), Plain(s.code, CellAlign::kCenter),
                      Plain(NamedCodes(s.items, items)), Plain(s.department),
                      Plain(BasisText(s.basis)), Plain(TimeLimitText(s), CellAlign::kCenter),
                      Plain(FeeText(s)), Plain(s.commissioned ? "审批部门委托开展" : "")});
  }
  return t;
}

DocTable InstitutionDirectoryTable(const std::vector<Institution>& institutions,
                                   const NameIndex& services, Date as_of) {
  DocTable t;
  t.column_weights = {0.6, 2.4, 2, 3, 2.4, 2.4, 1.6, 1.4, 2};
  t.header_rows = 1;
  t.font_pt = 9;
  t.rows.push_back({Header("序号"), Header("机构名称"), Header("统一社会信用代码"),
                    Header("资质（名称、证书编号、等级）"), Header("资质有效期"),
                    Header("可提供的中介服务"), Header("收费标准"), Header("联系电话"),
                    Header("办公地址")});
  int n = 0;
  for (const Institution& i : institutions) {
    std::string quals = Joined(i.qualifications, [](const Qualification& q) {
      std::string text = q.name;
      if (!q.number.empty()) text += "，" + q.number;
      if (!q.grade.empty()) text += "，" + q.grade;
      return text;
    });
    std::string validity =
        Joined(i.qualifications, [&](const Qualification& q) { return ValidityText(q, as_of); });
    t.rows.push_back({Number(++n), Plain(i.name), Plain(i.credit_code, CellAlign::kCenter),
                      Plain(quals), Plain(validity), Plain(NamedCodes(i.services, services)),
                      Plain(i.fees), Plain(i.contacts.phone, CellAlign::kCenter),
                      Plain(i.contacts.address)});
  }
  return t;
}

Result<std::string> IntermediaryListXlsx(const std::string& agency,
                                         const std::vector<IntermediaryService>& services,
                                         const NameIndex& items, Date as_of) {
  const std::string title = IntermediaryListTitle(agency);
  return WriteTablesXlsx(
      {{"中介服务事项清单", title + AsOf(as_of), IntermediaryListTable(services, items), 7}}, title,
      as_of);
}

Result<std::string> InstitutionDirectoryXlsx(const std::string& agency,
                                             const std::vector<Institution>& institutions,
                                             const NameIndex& services, Date as_of) {
  const std::string title = InstitutionDirectoryTitle(agency);
  return WriteTablesXlsx({{"中介服务机构名录", title + AsOf(as_of),
                           InstitutionDirectoryTable(institutions, services, as_of), 7}},
                         title, as_of);
}

}  // namespace gongkai
