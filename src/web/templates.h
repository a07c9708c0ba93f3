// The page templates (kainjow mustache, logic-less, HTML-escaped by default) under
// <data>/templates/web/*.mustache, loaded and checked once at start-up so a broken template
// stops the server with its file name instead of failing a citizen's request. A page is its
// template rendered with a view model built in C++, placed in layout.mustache as {{{body}}}.
// Thread-safe: the texts are constant after loading; each thread keeps its own parsed copies
// (kainjow's render is not safe to share).

#ifndef GONGKAI_WEB_TEMPLATES_H_
#define GONGKAI_WEB_TEMPLATES_H_

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai::web {

using View = kainjow::mustache::data;

// A string value for a view (a bare const char* would silently become a bool in kainjow).
inline View Text(std::string_view s) { return View(std::string(s)); }
inline View Flag(bool b) { return View(b); }
inline View List() { return View(View::type::list); }

class Templates {
 public:
  // Loads every *.mustache of `directory`. Error naming the file when one does not parse, or
  // when layout.mustache is missing.
  static Result<Templates> Load(const std::filesystem::path& directory);

  // Renders template `name` (file name without .mustache) with `view`. Internal error naming
  // the template when it does not exist.
  Result<std::string> Render(std::string_view name, const View& view) const;

  bool Has(std::string_view name) const { return texts_.count(std::string(name)) > 0; }

 private:
  // Constant after loading.
  std::map<std::string, std::string> texts_;
  long generation_ = 0;  // tells this set's per-thread caches from another's
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_TEMPLATES_H_
