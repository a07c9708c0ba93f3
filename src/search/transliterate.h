// Search-internal: ICU transliteration of one code point, with a per-thread instance of each
// transliterator (ICU transliterators are not safe to share between threads) and a per-thread
// cache of results, so folding a long text costs one hash lookup per character.

#ifndef GONGKAI_SEARCH_TRANSLITERATE_H_
#define GONGKAI_SEARCH_TRANSLITERATE_H_

#include <string>

namespace gongkai::search_internal {

enum class Transform {
  kFold,    // NFKC, then "Traditional-Simplified"
  kPinyin,  // "Han-Latin; Latin-ASCII", lower case
};

// The result of `transform` on the single code point `cp`, as UTF-32. Returns `cp` itself when
// ICU cannot create the transliterator (it only fails on allocation failure or missing data).
const std::u32string& TransformCodePoint(Transform transform, char32_t cp);

}  // namespace gongkai::search_internal

#endif  // GONGKAI_SEARCH_TRANSLITERATE_H_
