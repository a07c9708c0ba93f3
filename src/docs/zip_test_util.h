// Reads ZIP archives held in memory, for tests that look inside DOCX and XLSX files.

#ifndef GONGKAI_DOCS_ZIP_TEST_UTIL_H_
#define GONGKAI_DOCS_ZIP_TEST_UTIL_H_

#include <zip.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace gongkai::testing {

struct ZipMember {
  std::string name;
  std::string data;
  time_t mtime;
};

// All members of the archive in order; nullopt when it is not a readable ZIP.
inline std::optional<std::vector<ZipMember>> ReadZip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) return std::nullopt;
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (za == nullptr) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::vector<ZipMember> members;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    zip_file_t* f = zip_fopen_index(za, i, 0);
    std::string data(st.size, '\0');
    if (f == nullptr || zip_fread(f, data.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      if (f) zip_fclose(f);
      zip_discard(za);
      return std::nullopt;
    }
    zip_fclose(f);
    members.push_back({st.name, std::move(data), st.mtime});
  }
  zip_discard(za);
  return members;
}

inline std::string ZipMemberData(const std::vector<ZipMember>& members, const std::string& name) {
  for (const auto& m : members) {
    if (m.name == name) return m.data;
  }
  return "";
}

}  // namespace gongkai::testing

#endif  // GONGKAI_DOCS_ZIP_TEST_UTIL_H_
