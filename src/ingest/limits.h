// The limits on a published report's file that ingest/ enforces before or while reading it, so a
// hostile or broken file (a zip or PDF bomb, tables nested 100,000 deep, one 50 MB line) costs a
// bounded amount of memory and time and ends in a kInvalidInput Status naming the file and the
// limit, never in a crash or a hang. The values are far above any real annual report (the
// largest fixture is a 3 MB PDF of 12 pages); README.md "Limits" lists them. Constants only.

#ifndef GONGKAI_INGEST_LIMITS_H_
#define GONGKAI_INGEST_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace gongkai::ingest {

// PDF: the file's size, its pages, and the bytes its FlateDecode streams inflate to in total,
// counted by inflating them with zlib (with a running cap) before poppler sees the file.
inline constexpr std::size_t kMaxPdfBytes = 256u << 20;
inline constexpr int kMaxPdfPages = 2000;
inline constexpr std::uint64_t kMaxPdfInflatedBytes = 512u << 20;

// ZIP (DOCX and any other OOXML part): entries in the central directory, and the bytes read out
// of them as actually inflated (the header's sizes are never trusted), per entry and in total;
// an entry that inflates to more than kMaxZipRatio times its compressed size, once past
// kZipRatioFloorBytes, is a bomb.
inline constexpr std::int64_t kMaxZipEntries = 10000;
inline constexpr std::uint64_t kMaxZipEntryBytes = 64u << 20;
inline constexpr std::uint64_t kMaxZipTotalBytes = 256u << 20;
inline constexpr std::uint64_t kMaxZipRatio = 200;
inline constexpr std::uint64_t kZipRatioFloorBytes = 1u << 20;

// HTML: the page's size and how deep tables nest (the only nesting the reader keeps state for;
// each level is flattened into its enclosing cell, so unbounded depth is quadratic work).
inline constexpr std::size_t kMaxHtmlBytes = 64u << 20;
inline constexpr int kMaxHtmlTableDepth = 32;

// Text of any format, as handed to the report parser: the longest line.
inline constexpr std::size_t kMaxLineBytes = 1u << 20;

}  // namespace gongkai::ingest

#endif  // GONGKAI_INGEST_LIMITS_H_
