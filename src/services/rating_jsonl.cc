#include "services/rating_jsonl.h"

#include <fmt/format.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "services/rating_ticket.h"
#include "util/json_depth.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxDepth = 4;
constexpr int kMaxListed = 20;

template <typename E>
std::string Allowed(std::span<const VocabEntry<E>> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += " | ";
    out += e.key;
  }
  return out;
}

std::string AllowedTypes() { return "rating | " + Allowed(TicketStepKinds()); }

// Reads one line's fields; the problems are "字段 NAME：…" each.
class Reader {
 public:
  explicit Reader(const Json& object) : object_(object) {}

  std::vector<std::string> problems;

  void ReadRating(Rating& r) {
    Keep({"type", "id", "item", "case", "object", "channel", "level", "options", "text", "named",
          "at"},
         r.extra);
    Text("id", r.id, true);
    Text("item", r.item, true);
    Text("case", r.case_number, false);
    Enum("object", RatingObjects(), RatingObjectFromKey, r.object);
    Enum("channel", RatingChannels(), RatingChannelFromKey, r.channel);
    if (!object_.contains("level")) {
      Problem("level", "缺少必填字段（1 至 5：5 非常满意 … 1 非常不满意）");
    } else if (const Json& v = object_["level"];
               !v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 5) {
      Problem("level",
              "应为 1 至 5 的整数（5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意）");
    } else {
      r.level = v.get<int>();
    }
    if (object_.contains("options") && !object_["options"].is_null()) {
      const Json& v = object_["options"];
      bool ok = v.is_array();
      for (const Json& o : ok ? v : Json::array()) {
        if (!o.is_string()) {
          ok = false;
          break;
        }
        r.options.push_back(o.get<std::string>());
      }
      if (!ok) Problem("options", "应为字符串数组");
    }
    Text("text", r.text, false);
    if (object_.contains("named") && !object_["named"].is_null()) {
      if (!object_["named"].is_boolean()) {
        Problem("named", "应为 true（实名）或 false（匿名）");
      } else {
        r.named = object_["named"].get<bool>();
      }
    }
    std::string at;
    if (Text("at", at, true) && !at.empty()) {
      auto t = ParseLocalMinute(at);
      if (!t.ok()) {
        Problem("at", t.status().message());
      } else {
        r.at = *t;
      }
    }
  }

  void ReadStep(TicketStep& s, TicketStepKind kind) {
    s.kind = kind;
    Keep({"type", "rating", "date", "result", "days", "note"}, s.extra);
    Text("rating", s.rating, true);
    std::string date;
    if (Text("date", date, true) && !date.empty()) {
      auto d = ParseDate(date);
      if (!d.ok()) {
        Problem("date", fmt::format("应为 YYYY-MM-DD 格式的日期，实为「{}」", date));
      } else {
        s.date = *d;
      }
    }
    if (object_.contains("result") && !object_["result"].is_null()) {
      RevisitResult r{};
      if (Enum("result", RevisitResults(), RevisitResultFromKey, r)) s.result = r;
    }
    if (object_.contains("days") && !object_["days"].is_null()) {
      const Json& v = object_["days"];
      if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 60) {
        Problem("days", "应为 1 至 60 的整数（延期的天数，单位同整改期限）");
      } else {
        s.days = v.get<int>();
      }
    }
    Text("note", s.note, false);
  }

  void Problem(std::string_view field, std::string_view what) {
    problems.push_back(fmt::format("字段 {}：{}", field, what));
  }

 private:
  void Keep(std::initializer_list<std::string_view> known, std::string& extra) {
    Json out = Json::object();
    for (const auto& [key, value] : object_.items()) {
      bool is_known = false;
      for (std::string_view k : known) is_known = is_known || k == key;
      if (!is_known) out[key] = value;
    }
    extra = out.dump(-1, ' ', false, Json::error_handler_t::strict);
  }

  bool Text(std::string_view field, std::string& out, bool required) {
    std::string key(field);
    if (!object_.contains(key) || object_[key].is_null()) {
      if (required) Problem(field, "缺少必填字段");
      return !required;
    }
    if (!object_[key].is_string()) {
      Problem(field, fmt::format("应为字符串，实为 {}", object_[key].type_name()));
      return false;
    }
    out = object_[key].get<std::string>();
    if (required && out.empty()) {
      Problem(field, "不能为空");
      return false;
    }
    return true;
  }

  template <typename E, typename From>
  bool Enum(std::string_view field, std::span<const VocabEntry<E>> table, From from, E& out) {
    std::string key(field);
    if (!object_.contains(key) || !object_[key].is_string()) {
      Problem(field,
              fmt::format("{}（可选值：{}）", object_.contains(key) ? "应为字符串" : "缺少必填字段",
                          Allowed(table)));
      return false;
    }
    auto e = from(object_[key].get<std::string>());
    if (!e) {
      Problem(field, fmt::format("未知的值「{}」（可选值：{}）", object_[key].get<std::string>(),
                                 Allowed(table)));
      return false;
    }
    out = *e;
    return true;
  }

  const Json& object_;
};

Json ExtraInto(Json j, const std::string& extra) {
  Json e = Json::parse(extra.empty() ? "{}" : extra, nullptr, false);
  if (e.is_object()) {
    for (const auto& [key, value] : e.items()) {
      if (!j.contains(key)) j[key] = value;
    }
  }
  return j;
}

}  // namespace

Status RatingsProblems(const std::vector<std::string>& problems) {
  std::string message = fmt::format("有 {} 处错误，未导入任何评价或工单步骤：", problems.size());
  for (std::size_t i = 0; i < problems.size() && i < kMaxListed; ++i) {
    message += "\n" + problems[i];
  }
  if (problems.size() > kMaxListed) {
    message += fmt::format("\n……另有 {} 处错误未列出", problems.size() - kMaxListed);
  }
  return Status::InvalidInput(message);
}

Result<RatingsFile> ParseRatingsJsonl(std::string_view text, std::string_view source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  RatingsFile file;
  std::vector<std::string> problems;
  auto report = [&](int line, const std::string& what) {
    problems.push_back(fmt::format("{}:{}: {}", source, line, what));
  };
  std::map<std::string, int> ids;  // rating id → line
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.size() > kMaxRatingLineBytes) {
      report(number, fmt::format("一行超过 {} 字节", kMaxRatingLineBytes));
      continue;
    }
    if (Status s = CheckJsonDepth(line, kMaxDepth); !s.ok()) {
      report(number, s.message());
      continue;
    }
    Json object;
    try {
      object = Json::parse(line);
    } catch (const Json::parse_error& e) {
      report(number,
             fmt::format("不是有效的 JSON（第 {} 字节附近）：每行应为一个 JSON 对象", e.byte));
      continue;
    }
    if (!object.is_object()) {
      report(number, "应为 JSON 对象 {…}");
      continue;
    }
    Reader reader(object);
    const Json& type = object.contains("type") ? object["type"] : Json();
    std::optional<TicketStepKind> kind;
    if (type.is_string()) kind = TicketStepKindFromKey(type.get<std::string>());
    if (type == "rating") {
      Rating r;
      reader.ReadRating(r);
      if (reader.problems.empty()) {
        auto [it, fresh] = ids.emplace(r.id, number);
        if (!fresh) {
          reader.Problem("id", fmt::format("评价编号 {} 与第 {} 行重复", r.id, it->second));
        } else {
          file.ratings.push_back({number, std::move(r)});
        }
      }
    } else if (kind) {
      TicketStep s;
      reader.ReadStep(s, *kind);
      if (reader.problems.empty()) file.steps.push_back({number, std::move(s)});
    } else {
      reader.Problem("type", fmt::format("{}（可选值：{}）",
                                         type.is_null()     ? "缺少必填字段"
                                         : type.is_string() ? fmt::format("未知的值「{}」",
                                                                          type.get<std::string>())
                                                            : "应为字符串",
                                         AllowedTypes()));
    }
    for (const std::string& p : reader.problems) report(number, p);
  }
  if (!problems.empty()) return RatingsProblems(problems);
  return file;
}

std::vector<std::string> CheckRatingsFile(const RatingsFile& file, std::string_view source,
                                          const std::function<bool(const std::string&)>& item_known,
                                          const std::map<std::string, StoredTicket>& stored) {
  std::vector<std::string> problems;
  std::map<std::string, StoredTicket> tickets;  // rating id → rating and its steps so far
  for (const RatingLine& r : file.ratings) {
    if (!item_known(r.rating.item)) {
      problems.push_back(fmt::format("{}:{}: 字段 item：事项目录中没有编码 {}（先导入事项目录）",
                                     source, r.line, r.rating.item));
    }
    tickets[r.rating.id] = StoredTicket{r.rating, {}};
  }
  for (const StepLine& s : file.steps) {
    auto it = tickets.find(s.step.rating);
    if (it == tickets.end()) {
      auto st = stored.find(s.step.rating);
      if (st == stored.end()) {
        problems.push_back(
            fmt::format("{}:{}: 字段 rating：没有编号为 {} 的评价（评价行应在其工单"
                        "步骤之前，或已导入）",
                        source, s.line, s.step.rating));
        continue;
      }
      it = tickets.emplace(s.step.rating, st->second).first;
    }
    Status ok = CheckNextStep(it->second.rating, it->second.steps, s.step);
    if (!ok.ok()) {
      problems.push_back(fmt::format("{}:{}: {}", source, s.line, ok.message()));
      continue;
    }
    it->second.steps.push_back(s.step);
  }
  return problems;
}

std::string RatingToJsonLine(const Rating& r) {
  Json j = Json::object();
  j["type"] = "rating";
  j["id"] = r.id;
  j["item"] = r.item;
  j["case"] = r.case_number.empty() ? Json(nullptr) : Json(r.case_number);
  j["object"] = Key(r.object);
  j["channel"] = Key(r.channel);
  j["level"] = r.level;
  j["options"] = r.options;
  j["text"] = r.text;
  j["named"] = r.named;
  j["at"] = FormatLocalMinute(r.at);
  return ExtraInto(std::move(j), r.extra).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string TicketStepToJsonLine(const TicketStep& s) {
  Json j = Json::object();
  j["type"] = Key(s.kind);
  j["rating"] = s.rating;
  j["date"] = FormatDate(s.date);
  if (s.result) j["result"] = Key(*s.result);
  if (s.days) j["days"] = *s.days;
  if (!s.note.empty()) j["note"] = s.note;
  return ExtraInto(std::move(j), s.extra).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gongkai
