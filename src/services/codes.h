// What can be checked in an item code that the provincial item system minted (spec §2): codes are
// opaque, so only two things are checked, and only when they are there.
//  - An embedded 18-character 统一社会信用代码 (GB 32100-2015): its check character, the 18th,
//    is 31 − (Σ value(cᵢ)·wᵢ mod 31) over the first 17 (weights 1,3,9,27,19,26,16,17,20,29,25,
//    13,8,24,10,30,28), in the alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V); 31 maps to 0.
//  - A 12-digit 行政区划代码 segment (a 实施编码 like `511A0138000000-511602000000-000-
//    115113010833722043-1-00` carries the implementing body's division as its second segment):
//    it must lie within the agency's division (its code with trailing "00" pairs dropped is a
//    prefix). The agency's division code is a setting (agency settings `division_code`).
// Pure functions.

#ifndef GONGKAI_SERVICES_CODES_H_
#define GONGKAI_SERVICES_CODES_H_

#include <optional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

// True when `code` is 18 characters of the GB 32100 alphabet with the right check character.
bool IsValidCreditCode(std::string_view code);
// The check character the first 17 characters call for; nullopt when one is not in the alphabet.
// REQUIRES: prefix.size() == 17.
std::optional<char> CreditCodeCheckChar(std::string_view prefix);

// The parts of an item code that can be checked.
struct CodeParts {
  std::optional<std::string> credit_code;  // an embedded 18-character segment, as written
  std::optional<std::string> division;     // a 12-digit 行政区划 segment
};
// Splits a code on '-' and picks out an 18-character segment of the credit-code alphabet with
// at least one digit and a 12-digit segment. A code without '-' (e.g. `00016421300301`) has none.
CodeParts SplitItemCode(std::string_view code);

// Checks `code`: an embedded credit code must have its check character, an embedded division
// must lie within `agency_division` (skipped when that is empty). kInvalidInput saying which part
// is wrong and what was expected.
Status CheckItemCode(std::string_view code, std::string_view agency_division);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_CODES_H_
