#include "cases/personal_data.h"

#include <array>
#include <nlohmann/json.hpp>

#include "util/mask.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

struct MaskedField {
  std::string_view key;
  std::string (*mask)(std::string_view);
};

// The JSONL keys of personal data (store/case_rows.cc reads the same keys).
constexpr std::array<MaskedField, 4> kMaskedFields{{
    {"applicant_id_number", &MaskIdNumber},
    {"applicant_phone", &MaskPhone},
    {"applicant_email", &MaskEmail},
    {"applicant_address", &MaskAddress},
}};

std::string MaskLine(std::string_view line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::string(line);
  bool changed = false;
  for (const MaskedField& f : kMaskedFields) {
    auto it = j.find(std::string(f.key));
    if (it == j.end() || !it->is_string()) continue;
    const std::string& value = it->get_ref<const std::string&>();
    if (value.empty()) continue;
    *it = f.mask(value);
    changed = true;
  }
  return changed ? j.dump() : std::string(line);
}

}  // namespace

std::string MaskPersonalData(std::string_view jsonl) {
  std::string out;
  out.reserve(jsonl.size());
  while (!jsonl.empty()) {
    std::size_t end = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, end);
    out += MaskLine(line);
    if (end == std::string_view::npos) break;
    out += '\n';
    jsonl.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace gongkai
