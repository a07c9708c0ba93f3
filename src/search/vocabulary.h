// The tables a disclosure office edits to make search understand its public, kept as data in
// data/search/ (files/search_files.h reads them; these functions only parse text):
//   synonyms.tsv        one group per line, terms separated by tabs: 户口	户籍
//   stop-phrases.txt    one phrase per line, stripped from queries: 怎么办, 需要什么材料
//   pinyin-overrides.tsv  see search/pinyin.h
// Terms are stored normalised (search/normalize.h), so a Traditional or full-width entry works.
// A SearchVocabulary is immutable after parsing; share one instance across threads.

#ifndef GONGKAI_SEARCH_VOCABULARY_H_
#define GONGKAI_SEARCH_VOCABULARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "search/pinyin.h"
#include "util/status.h"

namespace gongkai {

struct SearchVocabulary {
  std::vector<std::vector<std::string>> synonym_groups;  // each of two or more distinct terms
  std::vector<std::string> stop_phrases;                 // longest first
  PinyinOverrides pinyin;
};

// Parses synonyms.tsv: a line starting with '#' is a comment, blank lines are skipped; a line is
// two or more tab-separated terms. Errors name `file_name`:line: a group of fewer than two distinct
// terms, a term that normalises to nothing (only punctuation), a term shorter than two characters.
Result<std::vector<std::vector<std::string>>> ParseSynonyms(std::string_view text,
                                                            std::string_view file_name);

// Parses stop-phrases.txt: one phrase per line, lines starting with '#' and blank lines skipped.
// Errors name `file_name`:line when a phrase normalises to nothing. Returned longest first.
Result<std::vector<std::string>> ParseStopPhrases(std::string_view text,
                                                  std::string_view file_name);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_VOCABULARY_H_
