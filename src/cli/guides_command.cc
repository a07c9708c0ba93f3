// `gongkai services qr|guide|book|sheet`: the printed side of the service catalogue (spec
// services.md §2, §6). `qr` writes one item's QR code (PNG or SVG) holding its permanent link
// `{public base URL}/g/{code}`; the others read the catalogue and write PDFs: one item's guide,
// the guide book of a set of departments in volumes, and the hall sheets of QR codes grouped by
// window or department. The public base URL is --base-url, else $GONGKAI_PUBLIC_URL, else the
// address `gongkai serve` listens on by default.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <map>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/public_url.h"
#include "docs/hall_sheet.h"
#include "docs/pdf_writer.h"
#include "docs/qr_code.h"
#include "docs/service_guide.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/services.h"
#include "web/service_links.h"

namespace gongkai::cli {
namespace {

constexpr const char* kDefaultBaseUrl = "http://127.0.0.1:8080";

// The configured public URL (cli/public_url.h), else the local server's default address.
Result<std::string> BaseUrl(const std::string& given) {
  auto url = PublicUrl(given);
  if (!url.ok() || !url->empty()) return url;
  return std::string(kDefaultBaseUrl);
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) return Status::InvalidInput(path + "：无法写入，请检查目录是否存在、是否有写权限");
  return Status::Ok();
}

struct QrArgs {
  std::string code;
  std::string output;
  std::string base_url;
  int module_px = 10;
};

Status RunQr(const QrArgs& a, std::string* link_out) {
  const std::string ext = std::filesystem::path(a.output).extension().string();
  if (ext != ".png" && ext != ".svg") {
    return Status::InvalidInput("-o " + a.output + "：请以 .png 或 .svg 结尾，以选择图片格式");
  }
  auto base = BaseUrl(a.base_url);
  if (!base.ok()) return base.status();
  const std::string link = web::GuideLink(*base, a.code);
  Result<QrMatrix> qr = EncodeQr(link);
  if (!qr.ok()) return qr.status();
  Result<std::string> image = ext == ".png" ? QrPng(*qr, a.module_px) : QrSvg(*qr, 1.0);
  if (!image.ok()) return image.status();
  *link_out = link;
  return WriteFile(a.output, *image);
}

// What the catalogue commands share: the database, the agency (--agency, else the first agency
// whose catalogue has items) and today.
struct CatalogueArgs {
  std::string db = "gongkai.db";
  int64_t agency = 0;
  std::string output;
  std::vector<std::string> departments;  // empty: all
  std::string base_url;
};

struct Catalogue {
  Database db;
  Agency agency;
  Date today;
  std::vector<ServiceItem> items;  // in force today, parents first
};

Result<Catalogue> OpenCatalogue(const CatalogueArgs& a) {
  auto db = Database::Open(a.db);
  if (!db.ok()) return db.status();
  Calendars calendars;  // only for the register's clock: today in Asia/Shanghai
  const Date today = CaseRegister(*db, calendars).Today();
  auto agencies = ListAgencies(*db);
  if (!agencies.ok()) return agencies.status();
  for (const Agency& agency : *agencies) {
    if (a.agency != 0 && agency.id != a.agency) continue;
    auto items = ServiceItemsAt(*db, agency.id, today);
    if (!items.ok()) return items.status();
    if (items->empty() && a.agency == 0) continue;
    return Catalogue{std::move(db).value(), agency, today, std::move(items).value()};
  }
  return Status::NotFound(a.agency != 0
                              ? "没有编号为 " + std::to_string(a.agency) + " 的机关"
                              : std::string("数据库中没有政务服务事项：请先 services import"));
}

// The in-use 业务办理项 of the chosen departments (all when none is named), by department in
// the order named (else sorted) and by code within one. kInvalidInput naming a department that
// has no such item.
Result<std::map<std::string, std::vector<const ServiceItem*>>> TasksByDepartment(
    const Catalogue& c, const std::vector<std::string>& departments) {
  std::map<std::string, std::vector<const ServiceItem*>> by;
  for (const ServiceItem& item : c.items) {
    if (item.level != ItemLevel::kTask || item.status != ItemStatus::kInUse) continue;
    by[item.department].push_back(&item);
  }
  if (departments.empty()) return by;
  std::map<std::string, std::vector<const ServiceItem*>> chosen;
  for (const std::string& d : departments) {
    auto it = by.find(d);
    if (it == by.end()) {
      return Status::InvalidInput("--department " + d +
                                  "：该部门没有在用的业务办理项，请核对实施机关名称");
    }
    chosen[d] = it->second;
  }
  return chosen;
}

std::string NameIn(const Catalogue& c, const std::string& code) {
  for (const ServiceItem& item : c.items) {
    if (item.code == code) return item.name;
  }
  return "";
}

ServiceGuide GuideIn(const Catalogue& c, const ServiceItem& item) {
  return GuideFromItem(item, NameIn(c, item.parent), NameIn(c, item.successor), c.today);
}

Status RunGuide(const CatalogueArgs& a, const std::string& code) {
  auto c = OpenCatalogue(a);
  if (!c.ok()) return c.status();
  auto item = GetServiceItemAt(c->db, c->agency.id, code, c->today);
  if (!item.ok()) return item.status();
  auto pdf = WritePdf(GuideDocument(GuideIn(*c, *item)));
  if (!pdf.ok()) return pdf.status();
  return WriteFile(a.output, *pdf);
}

Status RunBook(const CatalogueArgs& a, int volumes, const std::string& title, int* pages) {
  auto c = OpenCatalogue(a);
  if (!c.ok()) return c.status();
  auto tasks = TasksByDepartment(*c, a.departments);
  if (!tasks.ok()) return tasks.status();
  std::vector<GuideBookDepartment> departments;
  auto add = [&](const std::string& name) {
    GuideBookDepartment d{name, {}};
    for (const ServiceItem* item : (*tasks)[name]) d.guides.push_back(GuideIn(*c, *item));
    departments.push_back(std::move(d));
  };
  if (a.departments.empty()) {
    for (const auto& [name, items] : *tasks) add(name);
  } else {
    for (const std::string& name : a.departments) add(name);
  }
  GuideBookOptions options;
  options.title = title.empty() ? c->agency.name + "政务服务事项办事指南" : title;
  options.publisher = c->agency.name;
  options.date = c->today;
  options.volumes = volumes;
  auto book = WriteGuideBook(departments, options);
  if (!book.ok()) return book.status();
  *pages = book->pages;
  return WriteFile(a.output, book->pdf);
}

Status RunSheet(const CatalogueArgs& a, const std::string& by, int* codes) {
  auto c = OpenCatalogue(a);
  if (!c.ok()) return c.status();
  auto tasks = TasksByDepartment(*c, a.departments);
  if (!tasks.ok()) return tasks.status();
  std::map<std::string, std::vector<const ServiceItem*>> groups;
  for (const auto& [department, items] : *tasks) {
    for (const ServiceItem* item : items) {
      const std::string window = GuideIn(*c, *item).window;
      groups[by == "window" ? (window.empty() ? department + "（未指定窗口）" : window)
                            : department]
          .push_back(item);
    }
  }
  auto base = BaseUrl(a.base_url);
  if (!base.ok()) return base.status();
  HallSheet sheet;
  sheet.title = c->agency.name + "政务服务事项办事指南二维码";
  sheet.date = c->today;
  *codes = 0;
  for (const auto& [title, items] : groups) {
    HallSheetGroup g{title, {}};
    for (const ServiceItem* item : items) {
      g.entries.push_back({item->name, item->code, web::GuideLink(*base, item->code),
                           item->effective.value_or(c->today)});
      ++*codes;
    }
    sheet.groups.push_back(std::move(g));
  }
  auto pdf = WriteHallSheetPdf(sheet);
  if (!pdf.ok()) return pdf.status();
  return WriteFile(a.output, *pdf);
}

void AddCatalogueOptions(CLI::App* cmd, CatalogueArgs& a) {
  cmd->add_option("--db", a.db, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（默认：第一个有事项目录的机关）");
  cmd->add_option("-o,--output", a.output, "输出的 PDF 文件")->required();
}

}  // namespace

CLI::App* ServicesCommand(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == "services") return sub;
  }
  CLI::App* services = app.add_subcommand("services", "政务服务事项目录、办事指南与二维码");
  services->require_subcommand(1);
  return services;
}

void AddServiceGuideCommands(CLI::App& app, GlobalOptions& global) {
  CLI::App* services = ServicesCommand(app);

  auto qr_args = std::make_shared<QrArgs>();
  CLI::App* qr = services->add_subcommand(
      "qr", "事项二维码：编码永久链接 {公开网址}/g/{编码}（M 级纠错），输出 PNG 或 SVG");
  qr->add_option("code", qr_args->code, "事项编码（业务办理项编码或实施编码）")->required();
  qr->add_option("-o,--output", qr_args->output, "输出文件：FILE.png 或 FILE.svg")->required();
  qr->add_option("--base-url,--public-url", qr_args->base_url,
                 "公开网址，默认取环境变量 GONGKAI_PUBLIC_URL，否则 http://127.0.0.1:8080");
  qr->add_option("--module-px", qr_args->module_px, "PNG 每个模块的像素数（默认 10）")
      ->check(CLI::Range(1, 100));
  qr->callback([qr_args, &global] {
    std::string link;
    if (!Check(global, RunQr(*qr_args, &link))) return;
    std::cout << Tr(global, "已写出 {}：{}", "wrote {}: {}", qr_args->output, link) << "\n";
  });

  auto guide_args = std::make_shared<CatalogueArgs>();
  auto guide_code = std::make_shared<std::string>();
  CLI::App* guide = services->add_subcommand("guide", "一个事项现行版本的办事指南（A4 PDF）");
  guide->add_option("code", *guide_code, "事项编码")->required();
  AddCatalogueOptions(guide, *guide_args);
  guide->callback([guide_args, guide_code, &global] {
    if (!Check(global, RunGuide(*guide_args, *guide_code))) return;
    std::cout << Tr(global, "已写出 {}", "wrote {}", guide_args->output) << "\n";
  });

  auto book_args = std::make_shared<CatalogueArgs>();
  auto volumes = std::make_shared<int>(3);
  auto title = std::make_shared<std::string>();
  CLI::App* book = services->add_subcommand(
      "book", "办事指南汇编：所选部门的全部在用业务办理项，分上、中、下册，带目录和页码（PDF）");
  AddCatalogueOptions(book, *book_args);
  book->add_option("--department", book_args->departments, "实施机关（可重复；默认全部）");
  book->add_option("--volumes", *volumes, "分册数：1、2 或 3（默认 3）")->check(CLI::Range(1, 3));
  book->add_option("--title", *title, "书名（默认「{机关}政务服务事项办事指南」）");
  book->callback([book_args, volumes, title, &global] {
    int pages = 0;
    if (!Check(global, RunBook(*book_args, *volumes, *title, &pages))) return;
    std::cout << Tr(global, "已写出 {}（{} 页）", "wrote {} ({} pages)", book_args->output, pages)
              << "\n";
  });

  auto sheet_args = std::make_shared<CatalogueArgs>();
  auto by = std::make_shared<std::string>("department");
  CLI::App* sheet = services->add_subcommand(
      "sheet", "大厅张贴的二维码页（A4 PDF，每页 9 个，含名称、编码和更新日期），按部门或窗口分组");
  AddCatalogueOptions(sheet, *sheet_args);
  sheet->add_option("--department", sheet_args->departments, "实施机关（可重复；默认全部）");
  sheet->add_option("--by", *by, "分组：department（部门）或 window（窗口）")
      ->check(CLI::IsMember({"department", "window"}));
  sheet->add_option("--base-url,--public-url", sheet_args->base_url,
                    "公开网址，默认取环境变量 GONGKAI_PUBLIC_URL，否则 http://127.0.0.1:8080");
  sheet->callback([sheet_args, by, &global] {
    int codes = 0;
    if (!Check(global, RunSheet(*sheet_args, *by, &codes))) return;
    std::cout << Tr(global, "已写出 {}（{} 个二维码）", "wrote {} ({} QR codes)",
                    sheet_args->output, codes)
              << "\n";
  });
}

}  // namespace gongkai::cli
