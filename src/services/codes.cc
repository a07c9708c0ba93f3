#include "services/codes.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace gongkai {
namespace {

// GB 32100-2015 §4: the 31 characters of the code, in value order (no I, O, Z, S, V).
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};

bool InAlphabet(char c) { return kAlphabet.find(c) != std::string_view::npos; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

bool LooksLikeCreditCode(std::string_view s) {
  if (s.size() != 18) return false;
  bool digit = false;
  for (char c : s) {
    if (!InAlphabet(c)) return false;
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  return digit;
}

// The significant prefix of a division code: trailing zero groups dropped (county 3+3 digits
// after the first six, then the 2-digit city and province groups).
std::string_view DivisionPrefix(std::string_view division) {
  while (division.size() > 6 && division.ends_with("000")) division.remove_suffix(3);
  while (division.size() > 2 && division.ends_with("00")) division.remove_suffix(2);
  return division;
}

}  // namespace

std::optional<char> CreditCodeCheckChar(std::string_view prefix) {
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    std::size_t value = kAlphabet.find(prefix[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  auto check = CreditCodeCheckChar(code.substr(0, 17));
  return check && *check == code[17];
}

CodeParts SplitItemCode(std::string_view code) {
  CodeParts parts;
  if (code.find('-') == std::string_view::npos) return parts;
  for (std::size_t start = 0; start <= code.size();) {
    std::size_t end = code.find('-', start);
    if (end == std::string_view::npos) end = code.size();
    std::string_view segment = code.substr(start, end - start);
    start = end + 1;
    if (!parts.credit_code && LooksLikeCreditCode(segment)) {
      parts.credit_code = std::string(segment);
    } else if (!parts.division && segment.size() == 12 && AllDigits(segment)) {
      parts.division = std::string(segment);
    }
  }
  return parts;
}

Status CheckItemCode(std::string_view code, std::string_view agency_division) {
  CodeParts parts = SplitItemCode(code);
  if (parts.credit_code && !IsValidCreditCode(*parts.credit_code)) {
    auto expected = CreditCodeCheckChar(std::string_view(*parts.credit_code).substr(0, 17));
    return Status::InvalidInput(fmt::format(
        "编码 {} 中的统一社会信用代码 {} 校验位不对（按 GB 32100 应为 {}）：请核对实施机关的代码",
        code, *parts.credit_code, expected ? std::string(1, *expected) : "?"));
  }
  if (parts.division && !agency_division.empty()) {
    std::string_view prefix = DivisionPrefix(agency_division);
    if (!std::string_view(*parts.division).starts_with(prefix)) {
      return Status::InvalidInput(fmt::format(
          "编码 {} 中的行政区划代码 {} 不在本机关的行政区划 {} 之内：请核对编码或机关设置 "
          "division_code",
          code, *parts.division, agency_division));
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
