#include <fmt/format.h>

#include "publications/fields_internal.h"

namespace gongkai::publications_internal {
namespace {

Result<std::optional<Date>> OptionalDate(std::string_view text) {
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = ParseDate(text);
  if (!d.ok()) {
    return Status::InvalidInput(
        fmt::format("“{}”不是日期：应为 YYYY-MM-DD，例如 2024-03-05", text));
  }
  return std::optional<Date>(*d);
}

template <typename E>
std::optional<E> FromKeyOrLabel(std::span<const VocabEntry<E>> table, std::string_view text) {
  for (const auto& e : table) {
    if (e.key == text || e.label == text) return e.value;
  }
  return std::nullopt;
}

}  // namespace

bool IsRequiredField(std::string_view name) {
  return name == "title" || name == "publisher" || name == "summary" || name == "kind" ||
         name == "category" || name == "created" || name == "status";
}

Result<FieldResult> SetField(Publication& item, std::string_view name, std::string_view text) {
  std::string* plain = name == "index_no"    ? &item.index_no
                       : name == "title"     ? &item.title
                       : name == "doc_no"    ? &item.doc_no
                       : name == "publisher" ? &item.publisher
                       : name == "summary"   ? &item.summary
                       : name == "category"  ? &item.category
                       : name == "text"      ? &item.text
                       : name == "agency"    ? &item.agency
                                             : nullptr;
  if (plain != nullptr) {
    *plain = std::string(text);
    if (name == "category" && !text.empty() && !IsValidCategoryKey(text)) {
      return Status::InvalidInput(
          fmt::format("“{}”无法识别（可选值：{}）", text, AllowedCategoriesText()));
    }
    return FieldResult::kSet;
  }
  if (name == "kind") {
    auto kind = FromKeyOrLabel(PublicationKinds(), text);
    if (!kind) {
      return Status::InvalidInput(
          fmt::format("“{}”无法识别（可选值：{}）", text, AllowedKeys(PublicationKinds())));
    }
    item.kind = *kind;
    return FieldResult::kSet;
  }
  if (name == "status") {
    auto status = FromKeyOrLabel(Validities(), text);
    if (!status) {
      return Status::InvalidInput(
          fmt::format("“{}”无法识别（可选值：{}）", text, AllowedKeys(Validities())));
    }
    item.status = *status;
    return FieldResult::kSet;
  }
  if (name == "channels") {
    auto channel = PublicationChannelFromText(text);
    if (!channel) {
      return Status::InvalidInput(fmt::format("公开渠道“{}”无法识别（可选值：{}，或其中文名称）",
                                              text, AllowedKeys(PublicationChannels())));
    }
    item.channels.push_back(*channel);
    return FieldResult::kSet;
  }
  std::optional<Date>* date = name == "changed"       ? &item.changed
                              : name == "published"   ? &item.published
                              : name == "status_date" ? &item.status_date
                                                      : nullptr;
  if (date != nullptr || name == "created") {
    auto d = OptionalDate(text);
    if (!d.ok()) return d.status();
    if (name == "created") {
      if (!*d) return Status::InvalidInput("不能为空：应为 YYYY-MM-DD");
      item.created = **d;
    } else {
      *date = *d;
    }
    return FieldResult::kSet;
  }
  return FieldResult::kUnknownField;
}

}  // namespace gongkai::publications_internal
