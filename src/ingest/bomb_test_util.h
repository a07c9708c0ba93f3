// Hostile files generated at test time (issue 10), for the tests of the limits in
// ingest/limits.h and of `gongkai check`: zlib of zeros in a minimal valid PDF, ZIPs whose entry
// inflates far past its compressed size, ZIPs whose headers lie about the sizes. Built in
// milliseconds whatever the inflated size, and a few kilobytes on disk.

#ifndef GONGKAI_INGEST_BOMB_TEST_UTIL_H_
#define GONGKAI_INGEST_BOMB_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace gongkai::testing {

inline constexpr std::uint64_t kChunk = 1u << 20;

inline std::string Compress(z_stream* zs, const unsigned char* data, uInt size, int flush) {
  std::vector<unsigned char> out(1u << 16);
  std::string compressed;
  zs->next_in = const_cast<unsigned char*>(data);
  zs->avail_in = size;
  do {
    zs->next_out = out.data();
    zs->avail_out = static_cast<uInt>(out.size());
    deflate(zs, flush);
    compressed.append(reinterpret_cast<char*>(out.data()), out.size() - zs->avail_out);
  } while (zs->avail_out == 0);
  return compressed;
}

// zlib (or, with raw, bare deflate) of `size` zero bytes, REQUIRES: size a positive multiple of
// kChunk.
// After a full flush the compressor starts afresh, so every chunk after the first compresses
// to the same bytes: a gigabyte of zeros is built by repeating them, in milliseconds.
inline std::string DeflateZeros(std::uint64_t size, bool raw, std::uint32_t* crc = nullptr) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, raw ? -15 : 15, 9, Z_DEFAULT_STRATEGY), Z_OK);
  const std::vector<unsigned char> zeros(kChunk, 0);
  std::string out = Compress(&zs, zeros.data(), kChunk, Z_FULL_FLUSH);
  if (size > kChunk) {
    const std::string repeated = Compress(&zs, zeros.data(), kChunk, Z_FULL_FLUSH);
    for (std::uint64_t done = 2 * kChunk; done <= size; done += kChunk) out += repeated;
  }
  std::string tail = Compress(&zs, nullptr, 0, Z_FINISH);
  deflateEnd(&zs);
  const uLong chunk_crc = crc32(crc32(0, nullptr, 0), zeros.data(), kChunk);
  uLong sum = 0;
  for (std::uint64_t done = 0; done < size; done += kChunk) {
    sum = done == 0 ? chunk_crc : crc32_combine(sum, chunk_crc, kChunk);
  }
  if (crc) *crc = static_cast<std::uint32_t>(sum);
  if (!raw) {  // the zlib trailer: Adler-32 of n zeros is a = 1, b = n mod 65521, big-endian
    const std::uint32_t adler = static_cast<std::uint32_t>(((size % 65521) << 16) | 1);
    tail.resize(tail.size() - 4);
    for (int shift = 24; shift >= 0; shift -= 8) tail.push_back(static_cast<char>(adler >> shift));
  }
  return out + tail;
}

// A minimal PDF: `pages` pages, the first drawing `content` (already FlateDecode-compressed).
inline std::string MinimalPdf(const std::string& content, int pages = 1) {
  std::vector<std::string> objects;
  std::string kids;
  for (int p = 0; p < pages; ++p) kids += std::to_string(4 + p) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) +
                    " /Filter /FlateDecode >>\nstream\n" + content + "\nendstream");
  for (int p = 0; p < pages; ++p) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline void PutLe(std::string* s, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A ZIP holding one deflated entry `name` whose data is `deflated` (raw deflate with checksum
// `crc`), whose headers claim `claimed_size` uncompressed bytes.
inline std::string ZipEntry(const std::string& name, const std::string& deflated, std::uint32_t crc,
                            std::uint64_t claimed_size) {
  const auto header = [&](bool central) {
    std::string h;
    PutLe(&h, central ? 0x02014b50 : 0x04034b50, 4);
    if (central) PutLe(&h, 20, 2);  // version made by
    PutLe(&h, 20, 2);               // version needed
    PutLe(&h, 0, 2);                // flags
    PutLe(&h, 8, 2);                // deflate
    PutLe(&h, 0, 4);                // time, date
    PutLe(&h, crc, 4);
    PutLe(&h, deflated.size(), 4);
    PutLe(&h, claimed_size, 4);
    PutLe(&h, name.size(), 2);
    PutLe(&h, 0, 2);  // extra
    if (central) {
      PutLe(&h, 0, 2);  // comment
      PutLe(&h, 0, 2);  // disk
      PutLe(&h, 0, 2);  // internal attributes
      PutLe(&h, 0, 4);  // external attributes
      PutLe(&h, 0, 4);  // offset of the local header
    }
    return h + name;
  };
  std::string zip = header(false) + deflated;
  const std::size_t central_at = zip.size();
  const std::string central = header(true);
  zip += central;
  PutLe(&zip, 0x06054b50, 4);
  PutLe(&zip, 0, 4);  // disks
  PutLe(&zip, 1, 2);
  PutLe(&zip, 1, 2);
  PutLe(&zip, central.size(), 4);
  PutLe(&zip, central_at, 4);
  PutLe(&zip, 0, 2);
  return zip;
}

inline std::string ZipOfZeros(const std::string& name, std::uint64_t size,
                              std::uint64_t claimed_size) {
  std::uint32_t crc = 0;
  const std::string data = DeflateZeros(size, /*raw=*/true, &crc);
  return ZipEntry(name, data, crc, claimed_size);
}

inline std::string ZipOf(const std::string& name, const std::string& content,
                         std::uint64_t claimed_size) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
  const std::string data = Compress(&zs, reinterpret_cast<const unsigned char*>(content.data()),
                                    static_cast<uInt>(content.size()), Z_FINISH);
  deflateEnd(&zs);
  const auto crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
  return ZipEntry(name, data, crc, claimed_size);
}

}  // namespace gongkai::testing

#endif  // GONGKAI_INGEST_BOMB_TEST_UTIL_H_
