#include "web/search_pages.h"

#include <fmt/format.h>

#include "docs/escape.h"
#include "util/date.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// What to try when nothing is found: the usual reasons a search of a government site misses.
constexpr std::string_view kSuggestions[] = {
    "换一个说法或用更短的词，例如“公积金”而不是“住房公积金提取需要什么材料”；至少两个汉字。",
    "检查有无错别字；繁体字、全角字母和数字都可以直接搜索。",
    "查文件可直接输入文号（如 甲政发〔2024〕3号）或索引号。",
    "也可以输入拼音或首字母，例如 yyzz 查“营业执照”。",
    "在政府信息公开目录中按机关和主题分类浏览。",
};

std::string CutQuery(std::string_view q) {
  std::string text = ToValidUtf8(q.substr(0, std::min(q.size(), kMaxQueryBytes * 2)));
  if (text.size() <= kMaxQueryBytes) return text;
  std::size_t end = kMaxQueryBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string HighlightHtml(std::span<const HighlightSegment> segments) {
  std::string out;
  for (const auto& s : segments) {
    if (s.marked) {
      out += "<mark>" + EscapeXml(s.text) + "</mark>";
    } else {
      out += EscapeXml(s.text);
    }
  }
  return out;
}

Result<SearchResults> PublicSearch(RequestContext& ctx, std::string_view query,
                                   const SearchOptions& options) {
  SearchOptions bounded = options;
  bounded.until = FormatDate(ctx.app.Today());
  return ctx.app.search().Search(CutQuery(query), bounded);
}

Response SearchPage(RequestContext& ctx, const Request& req) {
  std::string q = CutQuery(Trim(req.Query("q")));
  View v;
  v.set("q", Text(q));
  if (Trim(q).empty()) {
    v.set("empty_query", Flag(true));
    return ctx.app.Page(ctx, "search", "搜索", v);
  }
  SearchOptions options;
  options.limit = kSearchHitsPerKind;
  std::optional<SearchKind> only;
  if (!req.Query("kind").empty()) {
    only = SearchKindFromKey(req.Query("kind"));
    if (!only) return BadRequest("类别 kind 应为 service、publication、policy 或 report。");
    options.kinds = {*only};
  }
  int page = 1;
  if (!req.Query("page").empty()) {
    auto n = ParseId(req.Query("page"));
    if (!n || *n > kMaxSearchPage) {
      return BadRequest(fmt::format("页码 page 应为 1 到 {} 之间的整数。", kMaxSearchPage));
    }
    page = static_cast<int>(*n);
  }
  options.offset = (page - 1) * kSearchHitsPerKind;
  auto results = PublicSearch(ctx, q, options);
  if (!results.ok()) {
    if (results.status().code() == Status::Code::kInvalidInput) {
      return BadRequest(results.status().message());
    }
    return InternalFailure(results.status(), "search");
  }
  // The URL of page `n` of `kind`'s hits.
  auto href = [&](SearchKind kind, int64_t n) {
    std::string out = "/search?q=" + EncodeQueryValue(q) + "&kind=" + std::string(Key(kind));
    if (n > 1) out += fmt::format("&page={}", n);
    return out;
  };
  View groups = List();
  for (const auto& g : results->groups) {
    View group;
    group.set("label", Text(Label(g.kind)));
    group.set("kind", Text(Key(g.kind)));
    group.set("total", Text(std::to_string(g.total)));
    View hits = List();
    for (const auto& h : g.hits) {
      View o;
      o.set("href", Text(h.url));
      o.set("title_html",
            Text(h.title_segments.empty() ? EscapeXml(h.title) : HighlightHtml(h.title_segments)));
      // Sections in the template: set only when there is something to show.
      if (!h.snippet.empty()) o.set("snippet_html", Text(HighlightHtml(h.snippet)));
      o.set("agency", Text(h.agency_name));
      if (!h.date.empty()) o.set("date", Text(h.date));
      o.set("exact", Flag(h.exact_code));
      hits.push_back(o);
    }
    group.set("hits", hits);
    group.set("none_here", Flag(g.hits.empty()));
    const int64_t pages = (g.total + kSearchHitsPerKind - 1) / kSearchHitsPerKind;
    if (pages > 1) {
      group.set("paged", Flag(true));
      group.set("page", Text(std::to_string(page)));
      group.set("pages", Text(std::to_string(pages)));
      if (!g.hits.empty()) {
        group.set("first", Text(std::to_string(options.offset + 1)));
        group.set("last",
                  Text(std::to_string(options.offset + static_cast<int64_t>(g.hits.size()))));
      }
      if (page > 1) group.set("prev_href", Text(href(g.kind, std::min<int64_t>(page - 1, pages))));
      if (page < pages) group.set("next_href", Text(href(g.kind, page + 1)));
      if (!only) group.set("kind_href", Text(href(g.kind, 1)));
    }
    groups.push_back(group);
  }
  v.set("groups", groups);
  v.set("total", Text(std::to_string(results->total)));
  v.set("found", Flag(results->total > 0));
  if (only) {
    v.set("only_label", Text(Label(*only)));
    v.set("all_href", Text("/search?q=" + EncodeQueryValue(q)));
  }
  View suggestions = List();
  for (std::string_view s : kSuggestions) {
    View o;
    o.set("line", Text(s));
    suggestions.push_back(o);
  }
  v.set("suggestions", suggestions);
  std::string title = fmt::format("搜索：{}", q);
  if (page > 1) title += fmt::format("（第 {} 页）", page);
  return ctx.app.Page(ctx, "search", title, v);
}

}  // namespace gongkai::web
