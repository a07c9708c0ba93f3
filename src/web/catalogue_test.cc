// The public catalogue, its feeds, search and the open-data API over a real server: only items
// whose 公开日期 is set and not after today (2024-10-14) are public anywhere; an attachment
// downloads with its type and Chinese name; the Atom feeds parse as XML and hold the public
// items; every /api/v1 route is in the OpenAPI document and back, and each response validates
// against the schema the document gives it.
//
// The schema check is a small validator of the subset of OpenAPI 3.0 schemas the document uses
// (type, nullable, required, properties, items, enum, pattern, allOf, $ref to
// components/schemas), written here rather than pulled from npm so the C++ tests stay
// self-contained; an unknown keyword fails the test, so the document cannot outgrow it.

#include <expat.h>

#include <regex>
#include <set>

#include "store/publication_search.h"
#include "store/publications.h"
#include "web/openapi.h"
#include "web/public_site_test_util.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

using Json = nlohmann::json;

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

const std::string kPdf = "%PDF-1.4\n% 测试附件\n%%EOF\n";

class CatalogueTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    auto add = [](const std::string& title, std::string category, PublicationKind kind,
                  std::optional<Date> published, std::string doc_no = "") {
      Publication p;
      p.title = title;
      p.doc_no = std::move(doc_no);
      p.publisher = "甲区人民政府";
      p.summary = title + "的内容概述";
      p.kind = kind;
      p.category = std::move(category);
      p.created = Day(2024, 9, 2);
      p.published = published;
      p.channels = {PublicationChannel::kWebsite};
      p.text = "第一段。\n第二段 <b>不是标签</b>。";
      auto id = CreatePublication(*db_, agency_a_, p, "test");
      EXPECT_TRUE(id.ok()) << title << ": " << id.status().message();
      return id.ok() ? *id : 0;
    };
    budget_ = add("甲区2024年区级部门预算", "art20.7", PublicationKind::kOther, Day(2024, 10, 8));
    rule_ = add("甲区城市道路管理办法", "art20.1", PublicationKind::kRegulation, Day(2024, 9, 10),
                "甲政发〔2024〕3号");
    tomorrow_ =
        add("甲区2025年预算草案说明", "art20.7", PublicationKind::kOther, Day(2024, 10, 15));
    draft_ =
        add("甲区预算绩效管理办法（未公开）", "art20.7", PublicationKind::kOther, std::nullopt);
    Attachment file;
    file.meta.name = "附件.pdf";
    file.meta.media_type = "application/pdf";
    file.bytes = kPdf;
    file.text = "附件正文";
    auto added = AddAttachment(*db_, agency_a_, budget_, file, "test");
    ASSERT_TRUE(added.ok()) << added.status().message();
    Status indexed = SyncAgencyPublicationsSearch(*db_, app_->search_vocabulary(), agency_a_);
    ASSERT_TRUE(indexed.ok()) << indexed.message();
  }

  std::string Catalogue(const std::string& rest = "") {
    return "/catalogue/" + std::to_string(agency_a_) + rest;
  }
  std::string Item(int64_t id) { return Catalogue("/items/" + std::to_string(id)); }

  static inline int64_t budget_ = 0, rule_ = 0, tomorrow_ = 0, draft_ = 0;
};

TEST_F(CatalogueTest, OnlyPublishedItemsDatedUpToTodayArePublic) {
  auto c = Client();
  auto list = c.Get(Catalogue());
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("共 2 条"), std::string::npos);
  EXPECT_NE(list->body.find("甲区2024年区级部门预算"), std::string::npos);
  EXPECT_NE(list->body.find("甲区城市道路管理办法"), std::string::npos);
  EXPECT_EQ(list->body.find("2025年预算草案说明"), std::string::npos);
  EXPECT_EQ(list->body.find("未公开"), std::string::npos);

  EXPECT_EQ(c.Get(Item(budget_))->status, 200);
  EXPECT_EQ(c.Get(Item(tomorrow_))->status, 404);
  EXPECT_EQ(c.Get(Item(draft_))->status, 404);
  EXPECT_EQ(c.Get(Item(9999))->status, 404);
  EXPECT_EQ(c.Get(Catalogue("/items/abc"))->status, 404);

  // Filters: the category has one public item (the other two are tomorrow's and a draft).
  auto budget = c.Get(Catalogue("?category=art20.7"));
  EXPECT_NE(budget->body.find("共 1 条"), std::string::npos);
  EXPECT_EQ(budget->body.find("城市道路管理办法</a>"), std::string::npos);
  auto rules = c.Get(Catalogue("?kind=regulation&year=2024"));
  EXPECT_NE(rules->body.find("共 1 条"), std::string::npos);
  EXPECT_NE(rules->body.find("城市道路管理办法"), std::string::npos);
  EXPECT_EQ(c.Get(Catalogue("?category=art99.1"))->status, 400);
  EXPECT_EQ(c.Get(Catalogue("?page=0"))->status, 400);

  auto index = c.Get("/catalogue");
  EXPECT_NE(index->body.find("甲区人民政府</a> <span class=\"meta\">2 条"), std::string::npos);
}

TEST_F(CatalogueTest, ItemPageShowsTheMetadataEscaped) {
  auto page = Client().Get(Item(rule_));
  ASSERT_TRUE(page);
  const std::string& b = page->body;
  for (std::string_view s :
       {"<dt>文号</dt><dd>甲政发〔2024〕3号</dd>", "<dt>发布机构</dt><dd>甲区人民政府</dd>",
        "<dt>生成日期</dt><dd>2024年9月2日</dd>", "<dt>公开日期</dt><dd>2024年9月10日</dd>",
        "<dt>类别</dt><dd>规章</dd>", "<dt>公开渠道</dt><dd>政府网站</dd>",
        "&lt;b&gt;不是标签&lt;/b&gt;"}) {
    EXPECT_NE(b.find(std::string(s)), std::string::npos) << s;
  }
  EXPECT_NE(b.find("<dt>索引号</dt><dd>G" + std::to_string(agency_a_) + "/2024-"),
            std::string::npos);
}

TEST_F(CatalogueTest, AttachmentDownloadsWithItsTypeAndChineseName) {
  auto c = Client();
  auto file = c.Get(Item(budget_) + "/files/0");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  // cpp-httplib 0.11 percent-decodes the header values it receives, so the name arrives as
  // UTF-8 here; the encoded bytes on the wire are checked in url_test.cc.
  EXPECT_EQ(file->get_header_value("Content-Disposition"),
            "attachment; filename=\"______.pdf\"; filename*=UTF-8''附件.pdf");
  EXPECT_EQ(file->body, kPdf);
  EXPECT_EQ(c.Get(Item(budget_) + "/files/1")->status, 404);
  EXPECT_EQ(c.Get(Item(tomorrow_) + "/files/0")->status, 404);
}

// The feed parsed with expat: every <entry>'s <title>, and whether the document is well formed.
struct Feed {
  bool well_formed = false;
  std::string root;
  std::vector<std::string> titles;
};

Feed ParseFeed(const std::string& xml) {
  struct State {
    Feed feed;
    std::vector<std::string> path;
    std::string text;
  } state;
  XML_Parser parser = XML_ParserCreateNS("UTF-8", ' ');
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char**) {
        auto* s = static_cast<State*>(data);
        if (s->path.empty()) s->feed.root = name;
        s->path.emplace_back(name);
        s->text.clear();
      },
      [](void* data, const XML_Char* name) {
        auto* s = static_cast<State*>(data);
        const std::string kAtom = "http://www.w3.org/2005/Atom ";
        if (std::string(name) == kAtom + "title" && s->path.size() == 3 &&
            s->path[1] == kAtom + "entry") {
          s->feed.titles.push_back(s->text);
        }
        s->path.pop_back();
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int len) {
    static_cast<State*>(data)->text.append(text, len);
  });
  state.feed.well_formed =
      XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  return state.feed;
}

TEST_F(CatalogueTest, FeedsParseAsAtomWithThePublicItems) {
  auto c = Client();
  auto all = c.Get(Catalogue("/feed.atom"));
  ASSERT_TRUE(all);
  EXPECT_EQ(all->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  Feed feed = ParseFeed(all->body);
  ASSERT_TRUE(feed.well_formed) << all->body;
  EXPECT_EQ(feed.root, "http://www.w3.org/2005/Atom feed");
  // Newest 公开日期 first; tomorrow's and the draft are not in it.
  EXPECT_EQ(feed.titles,
            (std::vector<std::string>{"甲区2024年区级部门预算", "甲区城市道路管理办法"}));

  auto category = c.Get(Catalogue("/categories/art20.1/feed.atom"));
  Feed rules = ParseFeed(category->body);
  ASSERT_TRUE(rules.well_formed) << category->body;
  EXPECT_EQ(rules.titles, std::vector<std::string>{"甲区城市道路管理办法"});
  EXPECT_EQ(c.Get(Catalogue("/categories/nonsense/feed.atom"))->status, 404);
}

TEST_F(CatalogueTest, SearchHighlightsEscapesAndHidesTomorrow) {
  auto c = Client();
  auto found = c.Get("/search?q=" + std::string("%E9%A2%84%E7%AE%97"));  // 预算
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, 200);
  EXPECT_NE(found->body.find("<mark>预算</mark>"), std::string::npos) << found->body;
  EXPECT_NE(found->body.find(Item(budget_)), std::string::npos);
  EXPECT_EQ(found->body.find("2025年"), std::string::npos);        // dated tomorrow
  EXPECT_EQ(found->body.find("绩效管理办法"), std::string::npos);  // never published
  EXPECT_NE(found->body.find("公开信息（1）"), std::string::npos);

  auto code = c.Get("/search?q=" + EncodeQueryValue("甲政发〔2024〕3号"));
  EXPECT_NE(code->body.find("编号完全匹配"), std::string::npos);

  auto none = c.Get("/search?q=%3Cscript%3E%E6%B2%A1%E6%9C%89");  // <script>没有
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(none->body.find("<script>"), std::string::npos);
  EXPECT_NE(none->body.find("&lt;script&gt;没有"), std::string::npos);
  EXPECT_NE(none->body.find("可以试试"), std::string::npos);
}

// ---- The open-data API against its OpenAPI document.

// The schema `schema` resolves to (following $ref into components/schemas).
const Json& Resolve(const Json& doc, const Json& schema) {
  if (!schema.contains("$ref")) return schema;
  std::string ref = schema["$ref"];
  const std::string prefix = "#/components/schemas/";
  EXPECT_EQ(ref.rfind(prefix, 0), 0u) << ref;
  return doc["components"]["schemas"][ref.substr(prefix.size())];
}

// Appends to `problems` every way `value` breaks `schema`, naming the JSON path.
void Validate(const Json& doc, const Json& schema_in, const Json& value, const std::string& at,
              std::vector<std::string>* problems) {
  const Json& schema = Resolve(doc, schema_in);
  static const std::set<std::string> kKnown = {
      "type",  "nullable", "required",    "properties", "items",   "enum",    "pattern",
      "allOf", "format",   "description", "minimum",    "maximum", "default", "maxLength"};
  for (const auto& [key, unused] : schema.items()) {
    if (!kKnown.contains(key)) problems->push_back(at + ": the validator does not know " + key);
  }
  if (value.is_null() && schema.value("nullable", false)) return;
  if (schema.contains("allOf")) {
    for (const auto& part : schema["allOf"]) Validate(doc, part, value, at, problems);
  }
  if (schema.contains("type")) {
    std::string type = schema["type"];
    bool ok = (type == "object" && value.is_object()) || (type == "array" && value.is_array()) ||
              (type == "string" && value.is_string()) ||
              (type == "integer" && value.is_number_integer()) ||
              (type == "boolean" && value.is_boolean());
    if (!ok) {
      problems->push_back(at + ": expected " + type + ", got " + value.dump());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool listed = false;
    for (const auto& e : schema["enum"]) listed = listed || e == value;
    if (!listed) problems->push_back(at + ": " + value.dump() + " is not in the enum");
  }
  if (schema.contains("pattern") && value.is_string() &&
      !std::regex_search(value.get<std::string>(),
                         std::regex(schema["pattern"].get<std::string>()))) {
    problems->push_back(at + ": " + value.dump() + " does not match " + schema["pattern"].dump());
  }
  if (schema.contains("required")) {
    for (const auto& r : schema["required"]) {
      if (!value.contains(r.get<std::string>())) {
        problems->push_back(at + ": missing " + r.get<std::string>());
      }
    }
  }
  if (schema.contains("properties") && value.is_object()) {
    for (const auto& [key, sub] : schema["properties"].items()) {
      if (value.contains(key)) Validate(doc, sub, value[key], at + "." + key, problems);
    }
  }
  if (schema.contains("items") && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      Validate(doc, schema["items"], value[i], at + "[" + std::to_string(i) + "]", problems);
    }
  }
}

TEST_F(CatalogueTest, EveryApiRouteIsDocumentedAndBack) {
  const Json doc = Json::parse(OpenApiDocument().dump());
  std::set<std::string> routes, documented;
  for (const auto& r : app_->routes()) {
    if (r.pattern.rfind("/api/v1/", 0) == 0) routes.insert(r.pattern);
  }
  for (const auto& [path, unused] : doc["paths"].items()) documented.insert(path);
  EXPECT_EQ(routes, documented);
  EXPECT_GE(routes.size(), 6u);
}

TEST_F(CatalogueTest, ApiResponsesValidateAgainstTheirSchemas) {
  const Json doc = Json::parse(OpenApiDocument().dump());
  const std::string a = std::to_string(agency_a_);
  const std::string pub = a + "-" + std::to_string(budget_);
  struct Case {
    std::string documented;  // the path in the document
    std::string url;
    int status;
  };
  const Case kCases[] = {
      {"/api/v1/agencies", "/api/v1/agencies", 200},
      {"/api/v1/agencies/{agency}/publications", "/api/v1/agencies/" + a + "/publications", 200},
      {"/api/v1/agencies/{agency}/publications",
       "/api/v1/agencies/" + a + "/publications?per_page=1&page=2", 200},
      {"/api/v1/agencies/{agency}/publications", "/api/v1/agencies/" + a + "/publications?kind=x",
       400},
      {"/api/v1/agencies/{agency}/publications", "/api/v1/agencies/999/publications", 404},
      {"/api/v1/publications/{id}", "/api/v1/publications/" + pub, 200},
      {"/api/v1/publications/{id}", "/api/v1/publications/" + a + "-" + std::to_string(tomorrow_),
       404},
      {"/api/v1/search", "/api/v1/search?q=%E9%A2%84%E7%AE%97", 200},
      {"/api/v1/search", "/api/v1/search?q=%E9%A2%84%E7%AE%97&kind=publication&page=1", 200},
      {"/api/v1/search", "/api/v1/search", 400},
      {"/api/v1/guide/{agency}", "/api/v1/guide/" + std::to_string(agency_b_), 404},
      {"/api/v1/openapi.json", "/api/v1/openapi.json", 200},
  };
  auto c = Client();
  for (const auto& k : kCases) {
    auto res = c.Get(k.url);
    ASSERT_TRUE(res) << k.url;
    EXPECT_EQ(res->status, k.status) << k.url << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << k.url;
    Json body = Json::parse(res->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << k.url;
    const Json& responses = doc["paths"][k.documented]["get"]["responses"];
    ASSERT_TRUE(responses.contains(std::to_string(k.status))) << k.url;
    const Json& schema =
        responses[std::to_string(k.status)]["content"]["application/json"]["schema"];
    std::vector<std::string> problems;
    Validate(doc, schema, body, "$", &problems);
    EXPECT_TRUE(problems.empty()) << k.url << "\n" << ::testing::PrintToString(problems);
  }
  // The values, not only their shapes.
  Json page = Json::parse(c.Get("/api/v1/agencies/" + a + "/publications")->body);
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(page["items"][0]["title"], "甲区2024年区级部门预算");
  EXPECT_EQ(page["items"][0]["published"], "2024-10-08");
  Json second =
      Json::parse(c.Get("/api/v1/agencies/" + a + "/publications?per_page=1&page=2")->body);
  EXPECT_EQ(second["pages"], 2);
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["kind"], "regulation");
  Json item = Json::parse(c.Get("/api/v1/publications/" + pub)->body);
  EXPECT_EQ(item["attachments"][0]["name"], "附件.pdf");
  EXPECT_EQ(item["attachments"][0]["size"], static_cast<int>(kPdf.size()));
  Json search = Json::parse(c.Get("/api/v1/search?q=%E9%A2%84%E7%AE%97")->body);
  EXPECT_EQ(search["total"], 1);
}

}  // namespace
}  // namespace gongkai::web
