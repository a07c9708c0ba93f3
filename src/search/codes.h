// The codes people paste into a search box to reach one document: a 索引号
// (`统一社会信用代码/YYYY-NNNNN`, e.g. 11100000000013338W/2024-00001), a 文号 (国发〔2024〕12号,
// also typed with [], (), 【】, ［］ or （） and full-width digits) and an 事项编码 (a long code of
// letters and digits, e.g. 11100000000013338W3000112345000). A code is compared in its canonical
// form: NFKC, Traditional → Simplified, ASCII letters upper case, spaces removed, the year
// brackets of a 文号 written 〔〕. Pure; safe from any thread.

#ifndef GONGKAI_SEARCH_CODES_H_
#define GONGKAI_SEARCH_CODES_H_

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

enum class CodeKind { kIndexNumber, kDocumentNumber, kItemCode };

struct CanonicalCode {
  CodeKind kind;
  std::string code;  // canonical form, as stored in the index
};

// The canonical form of `text` when the whole of it (trimmed) reads as one of the codes above;
// nullopt otherwise (ordinary words, a bare number, a year).
std::optional<CanonicalCode> ParseCode(std::string_view text);

// The canonical form of any code text, whether or not it reads as one of the kinds above: how
// a document's codes are stored, so that ParseCode(q)->code equals it for the same code.
std::string CanonicalCodeText(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_CODES_H_
