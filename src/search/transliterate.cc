#include "search/transliterate.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

namespace gongkai::search_internal {
namespace {

struct ThreadTransforms {
  std::unique_ptr<icu::Transliterator> simplified;
  std::unique_ptr<icu::Transliterator> pinyin;
  std::unordered_map<char32_t, std::u32string> fold_cache;
  std::unordered_map<char32_t, std::u32string> pinyin_cache;

  ThreadTransforms() {
    UErrorCode status = U_ZERO_ERROR;
    simplified.reset(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) simplified.reset();
    status = U_ZERO_ERROR;
    pinyin.reset(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) pinyin.reset();
  }
};

std::u32string ToU32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::u32string Compute(ThreadTransforms& t, Transform transform, char32_t cp) {
  icu::UnicodeString s(static_cast<UChar32>(cp));
  UErrorCode status = U_ZERO_ERROR;
  if (transform == Transform::kFold) {
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString n = nfkc->normalize(s, status);
      if (U_SUCCESS(status)) s = n;
    }
    if (t.simplified) t.simplified->transliterate(s);
  } else {
    if (!t.pinyin) return std::u32string(1, cp);
    t.pinyin->transliterate(s);
    s.toLower();
  }
  return ToU32(s);
}

}  // namespace

const std::u32string& TransformCodePoint(Transform transform, char32_t cp) {
  thread_local ThreadTransforms transforms;
  auto& cache = transform == Transform::kFold ? transforms.fold_cache : transforms.pinyin_cache;
  auto it = cache.find(cp);
  if (it == cache.end()) it = cache.emplace(cp, Compute(transforms, transform, cp)).first;
  return it->second;
}

}  // namespace gongkai::search_internal
