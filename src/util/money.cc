#include "util/money.h"

#include <fmt/format.h>

#include <string>

namespace gongkai {
namespace {

std::string Yuan(std::int64_t fen) { return fmt::format("{}.{:02d}", fen / 100, fen % 100); }

}  // namespace

Result<std::int64_t> ParseYuanAsFen(std::string_view text, std::int64_t min_fen,
                                    std::int64_t max_fen) {
  const std::string_view typed = text;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto bad = [&] {
    return Status::InvalidInput(fmt::format(
        "“{}”不是有效金额：应为以元为单位、最多两位小数的数字，例如 100 或 100.50", typed));
  };
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view cents = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || cents.size() > 2 || (dot != std::string_view::npos && cents.empty())) {
    return bad();
  }
  std::int64_t fen = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return bad();
    fen = fen * 10 + (c - '0');
    if (fen > kMaxAmountFen) break;  // out of range; stop before int64 could overflow
  }
  for (std::size_t i = 0; i < 2 && fen <= kMaxAmountFen; ++i) {
    const char c = i < cents.size() ? cents[i] : '0';
    if (c < '0' || c > '9') return bad();
    fen = fen * 10 + (c - '0');
  }
  if (fen < min_fen || fen > max_fen) {
    return Status::InvalidInput(fmt::format("金额“{}”超出范围：应在 {} 元到 {} 元之间", typed,
                                            Yuan(min_fen), Yuan(max_fen)));
  }
  return fen;
}

}  // namespace gongkai
