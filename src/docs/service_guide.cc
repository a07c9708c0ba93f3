#include "docs/service_guide.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "docs/pdf_writer.h"
#include "services/vocab.h"

namespace gongkai {
namespace {

// Section numbers of a guide: it has at most ten sections.
constexpr std::string_view kSection[] = {"一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", "十"};
constexpr std::string_view kItem[] = {"（一）", "（二）", "（三）", "（四）", "（五）",
                                      "（六）", "（七）", "（八）", "（九）", "（十）"};

std::string ItemNumber(size_t i) {
  return i < std::size(kItem) ? std::string(kItem[i]) : fmt::format("（{}）", i + 1);
}

std::string OrUnpublished(const std::string& s) { return s.empty() ? "未公布" : s; }

TableCell Center(std::string text) {
  TableCell c;
  c.text = std::move(text);
  return c;
}

TableCell Label(std::string text) {
  TableCell c = Center(std::move(text));
  c.header = true;
  return c;
}

TableCell Left(std::string text) {
  TableCell c = Center(std::move(text));
  c.align = CellAlign::kLeft;
  return c;
}

std::string BasisLine(const GuideBasis& b) {
  std::string s = "《" + b.title + "》";
  if (!b.doc_no.empty()) s += "（" + b.doc_no + "）";
  if (!b.article.empty()) s += b.article;
  return s;
}

class GuideWriter {
 public:
  explicit GuideWriter(Document* doc) : doc_(doc) {}
  void Heading(std::string_view title) {
    doc_->Add(ParagraphStyle::kHeading, fmt::format("{}、{}", kSection[next_++], title));
  }

 private:
  Document* doc_;
  size_t next_ = 0;
};

// The unknown fields of an item or material; an empty object when they are not a JSON object.
nlohmann::json Extra(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : nlohmann::json::object();
}

std::string ExtraText(const nlohmann::json& extra, const char* key) {
  auto it = extra.find(key);
  return it != extra.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

ServiceGuide GuideFromItem(const ServiceItem& item, const std::string& parent_name,
                           const std::string& successor_name, Date fallback_date) {
  ServiceGuide g;
  g.name = item.name;
  g.code = item.code;
  g.parent_name = parent_name;
  g.type = std::string(Label(item.type));
  g.department = item.department;
  if (item.object) g.object = std::string(Label(*item.object));
  if (item.status != ItemStatus::kInUse) g.status = std::string(Label(item.status));
  if (!item.successor.empty()) {
    g.successor =
        successor_name.empty() ? item.successor : successor_name + "（" + item.successor + "）";
  }
  g.conditions = item.conditions;
  for (const ServiceMaterial& m : item.materials) {
    g.materials.push_back({m.name, std::string(Label(m.form)), m.copies, m.required,
                           ExtraText(Extra(m.extra), "note")});
  }
  g.legal_days = item.legal_days.value_or(0);
  g.promised_days = item.promised_days.value_or(g.legal_days);
  if (item.fee) {
    g.fee_charged = item.fee->charged;
    g.fee_standard = item.fee->standard;
    g.fee_basis = item.fee->basis;
  }
  for (const ServiceBasis& b : item.basis) g.basis.push_back({b.title, b.doc_no, b.article});
  g.place = item.in_hall ? item.place : (item.handled_at.empty() ? item.place : item.handled_at);
  if (item.contacts) {
    g.consult = item.contacts->consult;
    g.complaint = item.contacts->complaint;
  }
  const nlohmann::json extra = Extra(item.extra);
  g.window = ExtraText(extra, "window");
  g.hours = ExtraText(extra, "hours");
  if (auto steps = extra.find("steps"); steps != extra.end() && steps->is_array()) {
    for (const nlohmann::json& step : *steps) {
      if (!step.is_object()) continue;
      g.steps.push_back({ExtraText(step, "name"), ExtraText(step, "time_limit")});
    }
  }
  if (auto faq = extra.find("faq"); faq != extra.end() && faq->is_array()) {
    for (const nlohmann::json& qa : *faq) {
      if (!qa.is_object()) continue;
      g.faq.push_back({ExtraText(qa, "q"), ExtraText(qa, "a")});
    }
  }
  g.version = item.version;
  g.effective = item.effective;
  g.updated = item.effective.value_or(fallback_date);
  return g;
}

Document GuideDocument(const ServiceGuide& g) {
  Document d;
  d.title = g.name + "办事指南";
  d.date = g.updated;
  d.Add(ParagraphStyle::kTitle, d.title);
  d.Add(ParagraphStyle::kDocNumber, "事项编码：" + g.code);
  if (!g.status.empty()) {
    std::string notice = "本事项已" + g.status + "，本指南仅供查阅。";
    if (!g.successor.empty()) notice += "请改为办理：" + g.successor + "。";
    d.Add(ParagraphStyle::kBody, notice);
  }
  GuideWriter w(&d);

  w.Heading("基本信息");
  DocTable info;
  info.column_weights = {1, 3};
  const std::string kind = g.promised_days == 0 ? "即办件" : "承诺件";
  std::string version = fmt::format("第{}版", g.version);
  if (g.effective) version += "，自" + FormatDateZh(*g.effective) + "起施行";
  const std::pair<const char*, std::string> rows[] = {
      {"事项名称", g.name},
      {"所属事项", g.parent_name.empty() ? "无" : g.parent_name},
      {"事项类型", OrUnpublished(g.type)},
      {"实施机关", OrUnpublished(g.department)},
      {"服务对象", OrUnpublished(g.object)},
      {"办件类型", kind},
      {"版本", version},
  };
  for (const auto& [label, value] : rows) info.rows.push_back({Label(label), Left(value)});
  d.blocks.emplace_back(std::move(info));

  w.Heading("受理条件");
  if (g.conditions.empty()) d.Add(ParagraphStyle::kBody, "无。");
  for (size_t i = 0; i < g.conditions.size(); ++i) {
    d.Add(ParagraphStyle::kBody, ItemNumber(i) + g.conditions[i]);
  }

  w.Heading("申请材料");
  if (g.materials.empty()) {
    d.Add(ParagraphStyle::kBody, "无需提交材料。");
  } else {
    DocTable t;
    t.column_weights = {0.6, 3, 1, 0.7, 0.9, 2.4};
    t.header_rows = 1;
    t.rows.push_back({Label("序号"), Label("材料名称"), Label("形式"), Label("份数"),
                      Label("必要性"), Label("说明")});
    for (size_t i = 0; i < g.materials.size(); ++i) {
      const GuideMaterial& m = g.materials[i];
      TableCell copies = Center(std::to_string(m.copies));
      copies.number = m.copies;
      t.rows.push_back({Center(std::to_string(i + 1)), Left(m.name), Center(m.form), copies,
                        Center(m.required ? "必要" : "非必要"), Left(m.note)});
    }
    d.blocks.emplace_back(std::move(t));
  }

  w.Heading("办理流程");
  if (g.steps.empty()) {
    d.Add(ParagraphStyle::kBody, "未公布。");
  } else {
    DocTable t;
    t.column_weights = {0.6, 3, 2};
    t.header_rows = 1;
    t.rows.push_back({Label("序号"), Label("环节"), Label("时限")});
    for (size_t i = 0; i < g.steps.size(); ++i) {
      t.rows.push_back({Center(std::to_string(i + 1)), Left(g.steps[i].name),
                        Center(OrUnpublished(g.steps[i].time_limit))});
    }
    d.blocks.emplace_back(std::move(t));
  }

  w.Heading("办理时限");
  d.Add(ParagraphStyle::kBody,
        fmt::format("法定办结时限：{}个工作日；承诺办结时限：{}。期限自受理次日起算，以工作日计算，"
                    "不含法定节假日。",
                    g.legal_days,
                    g.promised_days == 0 ? std::string("即办")
                                         : fmt::format("{}个工作日", g.promised_days)));

  w.Heading("收费标准");
  if (!g.fee_charged) {
    d.Add(ParagraphStyle::kBody, "不收费。");
  } else {
    d.Add(ParagraphStyle::kBody, "收费标准：" + OrUnpublished(g.fee_standard) + "。");
    d.Add(ParagraphStyle::kBody, "收费依据：" + OrUnpublished(g.fee_basis) + "。");
  }

  w.Heading("办理依据");
  if (g.basis.empty()) d.Add(ParagraphStyle::kBody, "未公布。");
  for (size_t i = 0; i < g.basis.size(); ++i) {
    d.Add(ParagraphStyle::kBody, ItemNumber(i) + BasisLine(g.basis[i]));
  }

  w.Heading("办理地点和时间");
  std::string place = "办理地点：" + OrUnpublished(g.place);
  if (!g.window.empty()) place += "（" + g.window + "）";
  d.Add(ParagraphStyle::kBody, place + "。");
  d.Add(ParagraphStyle::kBody, "办公时间：" + OrUnpublished(g.hours) + "。");

  w.Heading("咨询和监督投诉");
  d.Add(ParagraphStyle::kBody, "咨询方式：" + OrUnpublished(g.consult) + "。");
  d.Add(ParagraphStyle::kBody, "监督投诉电话：" + OrUnpublished(g.complaint) + "。");

  if (!g.faq.empty()) {
    w.Heading("常见问题");
    for (size_t i = 0; i < g.faq.size(); ++i) {
      d.Add(ParagraphStyle::kBody, fmt::format("{}. 问：{}", i + 1, g.faq[i].question));
      d.Add(ParagraphStyle::kBody, "答：" + g.faq[i].answer);
    }
  }

  d.Add(ParagraphStyle::kSignature, OrUnpublished(g.department));
  d.Add(ParagraphStyle::kSignature, "更新于" + FormatDateZh(g.updated));
  return d;
}

namespace {

std::vector<std::string> VolumeNames(int volumes) {
  switch (volumes) {
    case 1:
      return {""};
    case 2:
      return {"上册", "下册"};
    default:
      return {"上册", "中册", "下册"};
  }
}

// The first department of each volume: cuts where the running page count comes closest to an
// equal share, every volume holding at least one department.
std::vector<size_t> VolumeStarts(const std::vector<int>& department_pages, int volumes) {
  const size_t n = department_pages.size();
  std::vector<double> before(n + 1, 0);  // pages before department i
  for (size_t i = 0; i < n; ++i) before[i + 1] = before[i] + department_pages[i];
  std::vector<size_t> starts = {0};
  for (int k = 1; k < volumes; ++k) {
    const double target = before[n] * k / volumes;
    const size_t lowest = starts.back() + 1;
    const size_t highest = n - static_cast<size_t>(volumes - k);  // leave one per later volume
    size_t best = lowest;
    for (size_t i = lowest; i <= highest; ++i) {
      if (std::abs(before[i] - target) < std::abs(before[best] - target)) best = i;
    }
    starts.push_back(best);
  }
  return starts;
}

Document TitlePage(const GuideBookOptions& o, const std::string& volume, bool cover) {
  Document d;
  d.title = o.title;
  d.date = o.date;
  d.page_numbers = false;
  // Blank lines (a salutation line has no space after it) set the title a third down the page.
  for (int i = 0; i < 5; ++i) d.Add(ParagraphStyle::kSalutation, "");
  d.Add(ParagraphStyle::kTitle, o.title);
  if (!volume.empty()) d.Add(ParagraphStyle::kTitle, "（" + volume + "）");
  if (cover) {
    for (int i = 0; i < 8; ++i) d.Add(ParagraphStyle::kSalutation, "");
    if (!o.publisher.empty()) d.Add(ParagraphStyle::kDocNumber, o.publisher);
    d.Add(ParagraphStyle::kDocNumber, FormatDateZh(o.date));
  }
  return d;
}

Document Contents(const GuideBookOptions& o, const std::string& volume,
                  const std::vector<GuideBookEntry>& entries) {
  Document d;
  d.title = o.title;
  d.date = o.date;
  d.Add(ParagraphStyle::kTitle, volume.empty() ? "目录" : "目录（" + volume + "）");
  DocTable t;
  t.column_weights = {6, 1};
  t.font_pt = 12;
  t.ruled = false;
  for (const GuideBookEntry& e : entries) {
    TableCell page = Center(std::to_string(e.page));
    page.align = CellAlign::kRight;
    page.number = e.page;
    if (e.name.empty()) {
      TableCell dept = Left(e.department);
      dept.header = true;
      t.rows.push_back({dept, page});
    } else {
      t.rows.push_back({Left("　　" + e.name), page});
    }
  }
  d.blocks.emplace_back(std::move(t));
  return d;
}

}  // namespace

Result<GuideBook> WriteGuideBook(const std::vector<GuideBookDepartment>& departments,
                                 const GuideBookOptions& options) {
  if (options.volumes < 1 || options.volumes > 3) {
    return Status::InvalidInput(fmt::format(
        "分册数 {} 不可用：请选 1（不分册）、2（上、下册）或 3（上、中、下册）", options.volumes));
  }
  std::vector<const GuideBookDepartment*> depts;
  for (const GuideBookDepartment& d : departments) {
    if (!d.guides.empty()) depts.push_back(&d);
  }
  if (depts.empty()) return Status::InvalidInput("所选部门没有可印制的办事指南：请先发布指南");

  // Each guide's own length decides where the volumes split.
  std::vector<std::vector<Document>> guides(depts.size());
  std::vector<int> department_pages(depts.size(), 0);
  for (size_t i = 0; i < depts.size(); ++i) {
    for (const ServiceGuide& g : depts[i]->guides) {
      guides[i].push_back(GuideDocument(g));
      Result<PdfBook> alone = WritePdfParts({PdfPart{&guides[i].back(), {}}});
      if (!alone.ok()) return alone.status();
      department_pages[i] += alone->pages;
    }
  }
  const int volumes = std::min<int>(options.volumes, static_cast<int>(depts.size()));
  std::vector<size_t> starts = VolumeStarts(department_pages, volumes);
  starts.push_back(depts.size());

  GuideBook book;
  book.volume_names = VolumeNames(volumes);
  // The contents in print order with page 0, filled from the layout.
  for (int v = 0; v < volumes; ++v) {
    for (size_t i = starts[v]; i < starts[v + 1]; ++i) {
      book.contents.push_back({v, depts[i]->name, "", "", 0});
      for (const ServiceGuide& g : depts[i]->guides) {
        book.contents.push_back({v, depts[i]->name, g.name, g.code, 0});
      }
    }
  }

  const Document cover = TitlePage(options, "", true);
  std::vector<Document> title_pages;
  for (int v = 0; v < volumes; ++v) {
    title_pages.push_back(TitlePage(options, book.volume_names[v], false));
  }
  // The contents' length does not depend on the numbers in it, so laying out twice settles every
  // page: once to find where each guide starts, once with those numbers printed. A third pass
  // only runs if a number's width moved a line (it checks, not assumes).
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<Document> contents;
    for (int v = 0; v < volumes; ++v) {
      std::vector<GuideBookEntry> mine;
      for (const GuideBookEntry& e : book.contents) {
        if (e.volume == v) mine.push_back(e);
      }
      contents.push_back(Contents(options, book.volume_names[v], mine));
    }
    std::vector<PdfPart> parts;
    std::vector<int> entry_part;  // per contents entry, the part it points to
    parts.push_back({&cover, {{options.title, 0}}});
    for (int v = 0; v < volumes; ++v) {
      const std::string& vol = book.volume_names[v];
      const int level = vol.empty() ? 0 : 1;  // under the volume's bookmark, when named
      if (!vol.empty()) parts.push_back({&title_pages[v], {{vol, 0}}});
      parts.push_back({&contents[v], {{"目录", level}}});
      for (size_t i = starts[v]; i < starts[v + 1]; ++i) {
        for (size_t k = 0; k < guides[i].size(); ++k) {
          PdfPart part{&guides[i][k], {}};
          if (k == 0) {
            entry_part.push_back(static_cast<int>(parts.size()));  // the department's line
            part.bookmarks.push_back({depts[i]->name, level});
          }
          entry_part.push_back(static_cast<int>(parts.size()));
          part.bookmarks.push_back({guides[i][k].title, level + 1});
          parts.push_back(std::move(part));
        }
      }
    }
    Result<PdfBook> pdf = WritePdfParts(parts);
    if (!pdf.ok()) return pdf.status();
    bool settled = true;
    for (size_t e = 0; e < book.contents.size(); ++e) {
      const int page = pdf->first_pages[entry_part[e]];
      if (book.contents[e].page != page) settled = false;
      book.contents[e].page = page;
    }
    book.pdf = std::move(pdf->bytes);
    book.pages = pdf->pages;
    if (settled) return book;
  }
  return Status::Internal("办事指南汇编的目录页码三次排版仍未稳定");
}

}  // namespace gongkai
