#include "web/views.h"

#include <charconv>

#include "util/date.h"

namespace gongkai::web {

std::optional<int64_t> ParseId(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

View AgencyOptions(const std::vector<Agency>& agencies, std::optional<int64_t> selected) {
  View list = List();
  for (const auto& a : agencies) {
    View o;
    o.set("id", Text(std::to_string(a.id)));
    o.set("name", Text(a.name));
    o.set("selected", Flag(selected && *selected == a.id));
    list.push_back(o);
  }
  return list;
}

View Lines(const std::vector<std::string>& lines) {
  View list = List();
  for (const auto& l : lines) {
    View o;
    o.set("line", Text(l));
    list.push_back(o);
  }
  return list;
}

std::string ShowDate(const std::optional<Date>& d) { return d ? FormatDateZh(*d) : "—"; }

}  // namespace gongkai::web
