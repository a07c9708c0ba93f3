// Small builders of view models shared by the pages: option lists for selects (agencies, the
// law's vocabularies, the form's choices), explanation lists, and parsing of ids from URLs.
// Pure functions except AgencyOptions, which reads the agency list.

#ifndef GONGKAI_WEB_VIEWS_H_
#define GONGKAI_WEB_VIEWS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "law/vocab.h"
#include "store/agencies.h"
#include "web/applicant.h"
#include "web/templates.h"

namespace gongkai::web {

// A positive decimal id ("17"), or nullopt.
std::optional<int64_t> ParseId(std::string_view text);

// Options {id, name, selected} of `agencies`.
View AgencyOptions(const std::vector<Agency>& agencies, std::optional<int64_t> selected);

// Options {key, label, selected} of a list of entries with a key and a label: a law
// vocabulary (VocabEntry) or a form's choice list (Choice).
template <typename Entry>
View KeyedOptions(std::span<const Entry> entries, std::string_view selected) {
  View list = List();
  for (const auto& e : entries) {
    View o;
    o.set("key", Text(e.key));
    o.set("label", Text(e.label));
    o.set("selected", Flag(e.key == selected));
    list.push_back(o);
  }
  return list;
}
template <typename E>
View VocabOptions(std::span<const VocabEntry<E>> entries, std::string_view selected) {
  return KeyedOptions(entries, selected);
}
inline View ChoiceOptions(std::span<const Choice> choices, std::string_view selected) {
  return KeyedOptions(choices, selected);
}

// A list of {line} for explanation bullets.
View Lines(const std::vector<std::string>& lines);

// "2024年10月8日" for a date, "—" for none.
std::string ShowDate(const std::optional<Date>& d);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_VIEWS_H_
