// A pre-scan that bounds how deeply a JSON text nests its arrays and objects, run before handing
// outside input to nlohmann::json (whose values are recursive: JSON nested 100,000 deep crashed
// `gongkai cases import` with SIGSEGV). Each reader of outside JSON names its own limit beside
// its parser (cases/events_jsonl.h, report/json.h). A pure function; safe from any thread.

#ifndef GONGKAI_UTIL_JSON_DEPTH_H_
#define GONGKAI_UTIL_JSON_DEPTH_H_

#include <string_view>

#include "util/status.h"

namespace gongkai {

// OK when no array or object in `text` is nested deeper than `max_depth` (a top-level object is
// depth 1). Brackets inside strings do not count. Otherwise kInvalidInput saying, in Chinese,
// the limit and the 1-based byte at which it was passed. Malformed JSON is left for the parser.
// One pass, no allocation.
Status CheckJsonDepth(std::string_view text, int max_depth);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_JSON_DEPTH_H_
