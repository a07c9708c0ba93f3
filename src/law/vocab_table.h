// Lookups over a vocabulary table (law/vocab.h's VocabEntry arrays), shared by every file that
// defines such a table so each vocabulary is one array and two one-line accessors.

#ifndef GONGKAI_LAW_VOCAB_TABLE_H_
#define GONGKAI_LAW_VOCAB_TABLE_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "law/vocab.h"

namespace gongkai {

// Returns the value whose stable key is `key`, or nullopt.
template <typename E, std::size_t N>
std::optional<E> VocabFromKey(const std::array<VocabEntry<E>, N>& table, std::string_view key) {
  for (const auto& e : table) {
    if (e.key == key) return e.value;
  }
  return std::nullopt;
}

// Returns the entry of `v`. REQUIRES: the table is in enum order, so the value indexes it.
template <typename E, std::size_t N>
const VocabEntry<E>& VocabEntryOf(const std::array<VocabEntry<E>, N>& table, E v) {
  return table[static_cast<std::size_t>(v)];
}

}  // namespace gongkai

#endif  // GONGKAI_LAW_VOCAB_TABLE_H_
