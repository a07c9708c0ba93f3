// Parsers for what browsers send: percent-encoding, query strings and
// application/x-www-form-urlencoded bodies (RFC 3986 / WHATWG URL), Cookie headers (RFC 6265)
// and multipart/form-data bodies (RFC 7578) for the ID-proof upload. They take untrusted bytes
// and never crash, loop or allocate beyond a constant factor of their input (each has a libFuzzer
// target under fuzz/web_*_fuzz.cc). Malformed input is an error value saying what was wrong.
// Stateless functions; safe from any thread.

#ifndef GONGKAI_WEB_FORM_H_
#define GONGKAI_WEB_FORM_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace gongkai::web {

// Parsed form fields; a name may repeat (checkboxes), so lookups give the first value.
class Form {
 public:
  void Add(std::string name, std::string value);
  // The first value of `name`, or "" when absent.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  const std::multimap<std::string, std::string>& fields() const { return fields_; }

 private:
  std::multimap<std::string, std::string> fields_;
};

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Error on a truncated or non-hex
// escape, naming its position.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Parses `a=1&b=%E4%B8%AD` (query strings and urlencoded bodies). Empty pairs are skipped; a
// pair without '=' has an empty value. Error when an escape is malformed, a decoded name or value
// is not UTF-8 (naming the field), or there are more than kMaxFormFields fields.
inline constexpr std::size_t kMaxFormFields = 200;
Result<Form> ParseUrlEncoded(std::string_view text);

// Parses a Cookie header: `a=1; b=2`. Malformed pairs are skipped (browsers send what they
// have; one bad cookie must not lock a user out). Quoted values lose their quotes. The first
// occurrence of a name wins.
std::map<std::string, std::string> ParseCookies(std::string_view header);

// One part of a multipart/form-data body.
struct FormPart {
  std::string name;
  std::optional<std::string> filename;  // set for file fields (may be empty: no file chosen)
  std::string content_type;             // as declared by the browser; never trusted for files
  std::string data;
};

// Extracts the boundary from a Content-Type header value
// (`multipart/form-data; boundary=----x`). Error when it is not multipart/form-data or the
// boundary is missing or longer than 70 characters (RFC 2046).
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits a multipart/form-data body. Error, saying what was wrong, when the body does not start
// with the boundary, a part lacks its headers or a name, the closing boundary is missing, or a
// text part (one without a filename) is not UTF-8 (naming the field). At most kMaxFormFields
// parts.
Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_FORM_H_
