#include "publications/index_no.h"

#include <fmt/format.h>

namespace gongkai {
namespace {

// Calls on_text(literal) and on_field(name, width) for the parts of `pattern`; width is -1
// when the placeholder has none. Returns false at an unterminated or malformed placeholder.
template <typename Text, typename Field>
bool Walk(std::string_view pattern, Text on_text, Field on_field) {
  while (!pattern.empty()) {
    auto open = pattern.find('{');
    if (open == std::string_view::npos) {
      on_text(pattern);
      return true;
    }
    on_text(pattern.substr(0, open));
    auto close = pattern.find('}', open);
    if (close == std::string_view::npos) return false;
    std::string_view body = pattern.substr(open + 1, close - open - 1);
    int width = -1;
    if (auto colon = body.find(':'); colon != std::string_view::npos) {
      std::string_view spec = body.substr(colon + 1);
      body = body.substr(0, colon);
      if (spec.size() != 2 || spec[0] != '0' || spec[1] < '1' || spec[1] > '9') return false;
      width = spec[1] - '0';
    }
    if (!on_field(body, width)) return false;
    pattern.remove_prefix(close + 1);
  }
  return true;
}

}  // namespace

Status CheckIndexNoPattern(std::string_view pattern) {
  int seq = 0, year = 0;
  std::string bad;
  bool ok = Walk(
      pattern, [](std::string_view) {},
      [&](std::string_view name, int width) {
        if (name == "seq") return ++seq, true;
        if ((name == "year" || name == "credit_code") && width < 0) {
          if (name == "year") ++year;
          return true;
        }
        bad = std::string(name);
        return false;
      });
  if (!ok) {
    return Status::InvalidInput(fmt::format(
        "索引号格式“{}”中的占位符{}无法识别：可用 {{credit_code}}、{{year}}、{{seq}} 或 "
        "{{seq:05}}（补零到 5 位）",
        pattern, bad.empty() ? "" : "“" + bad + "”"));
  }
  if (seq != 1) {
    return Status::InvalidInput(
        fmt::format("索引号格式“{}”必须恰好含一个 {{seq}}（流水号），否则索引号会重复", pattern));
  }
  if (year > 1) return Status::InvalidInput(fmt::format("索引号格式“{}”含多个 {{year}}", pattern));
  return Status::Ok();
}

std::string FormatIndexNo(std::string_view pattern, std::string_view credit_code, int year,
                          int64_t seq) {
  std::string out;
  Walk(
      pattern, [&](std::string_view text) { out += text; },
      [&](std::string_view name, int width) {
        if (name == "credit_code") out += credit_code;
        if (name == "year") out += std::to_string(year);
        if (name == "seq")
          out += width < 0 ? std::to_string(seq) : fmt::format("{:0{}}", seq, width);
        return true;
      });
  return out;
}

}  // namespace gongkai
