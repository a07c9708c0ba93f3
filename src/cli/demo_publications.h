// The demo government's proactive disclosure for `gongkai serve --demo` (cli/demo_data.h): a few
// dozen published items of several Art. 20 categories — among them a 规章, 行政规范性文件 and one
// item published after its Art. 26 period — dated relative to today, and a published disclosure
// guide. Called once, when the demo government is created.

#ifndef GONGKAI_CLI_DEMO_PUBLICATIONS_H_
#define GONGKAI_CLI_DEMO_PUBLICATIONS_H_

#include <cstdint>

#include "search/vocabulary.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai::cli {

// Imports the demo items into `agency_id` (named `agency_name`), indexes them for search with
// `vocabulary` and publishes the agency's guide; returns the number of items. Errors from the
// store pass through.
Result<int> SeedDemoPublications(Database& db, const SearchVocabulary& vocabulary,
                                 int64_t agency_id, std::string_view agency_name, Date today);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_DEMO_PUBLICATIONS_H_
