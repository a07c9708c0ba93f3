// Building URLs and download headers safely: every path segment taken from data (an agency's
// category key, a case number that may carry / ? # %) is percent-encoded, so it stays one
// segment; a download's Chinese file name travels in Content-Disposition as RFC 6266 / RFC 5987
// `filename*=UTF-8''…` with an ASCII fallback for old clients. Pure functions.

#ifndef GONGKAI_WEB_URL_H_
#define GONGKAI_WEB_URL_H_

#include <string>
#include <string_view>

namespace gongkai::web {

// `segment` percent-encoded for one path segment: every byte but A–Z a–z 0–9 - . _ ~ becomes
// %XX (upper-case hex), so "/", "?", "#", "%" and non-ASCII text are encoded.
std::string EncodePathSegment(std::string_view segment);

// `value` percent-encoded for a query parameter (as EncodePathSegment; a space becomes %20).
std::string EncodeQueryValue(std::string_view value);

// The value of a Content-Disposition header offering `filename` for download:
// attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>. The
// fallback keeps ASCII letters, digits, '.', '-' and '_' and replaces the rest with '_'.
std::string AttachmentDisposition(std::string_view filename);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_URL_H_
