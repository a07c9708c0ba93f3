// Setting an item's fields from text, shared by the JSON Lines and the table readers so both
// accept the same values and word their errors alike. Internal to publications/.

#ifndef GONGKAI_PUBLICATIONS_FIELDS_INTERNAL_H_
#define GONGKAI_PUBLICATIONS_FIELDS_INTERNAL_H_

#include <string_view>

#include "publications/item.h"
#include "util/status.h"

namespace gongkai::publications_internal {

enum class FieldResult { kSet, kUnknownField };

// Sets the field `name` (a PublicationFields name) of `item` from `text`. An empty `text` clears
// an optional field. For `channels`, `text` is one channel. Kind and status take the key or the
// Chinese label. kInvalidInput saying what is wrong and listing the allowed values (without the
// location, which the caller knows); FieldResult::kUnknownField when `name` is not a field.
Result<FieldResult> SetField(Publication& item, std::string_view name, std::string_view text);

// Whether the field must be present in every line or row.
bool IsRequiredField(std::string_view name);

}  // namespace gongkai::publications_internal

#endif  // GONGKAI_PUBLICATIONS_FIELDS_INTERNAL_H_
