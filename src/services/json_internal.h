// Services-internal: an item as a JSON object, shared by the JSON Lines writer and the diff of
// two versions (services/change.h), so both see the same fields with the same values.

#ifndef GONGKAI_SERVICES_JSON_INTERNAL_H_
#define GONGKAI_SERVICES_JSON_INTERNAL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "services/item.h"

namespace gongkai::services_internal {

// Known fields in ServiceFields order (unset optional ones as null), then the unknown fields.
nlohmann::ordered_json ItemToJson(const ServiceItem& item);

// The `basis` field of a catalogue or intermediary line (null, or an array of {"title",
// "doc_no", "article"}) appended to `out`; the problem with it, for field "basis", or "".
std::string ReadBasis(const nlohmann::ordered_json& v, std::vector<ServiceBasis>& out);

}  // namespace gongkai::services_internal

#endif  // GONGKAI_SERVICES_JSON_INTERNAL_H_
