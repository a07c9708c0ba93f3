#include "cases/personal_data.h"

#include <array>
#include <nlohmann/json.hpp>

#include "util/mask.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<ApplicantFieldEntry, 6> kFields{{
    {ApplicantField::kName, "name", "applicant_name", "姓名或名称", &Applicant::name},
    {ApplicantField::kIdType, "id_type", "applicant_id_type", "证件类型", &Applicant::id_type},
    {ApplicantField::kIdNumber, "id_number", "applicant_id_number", "证件号码",
     &Applicant::id_number},
    {ApplicantField::kPhone, "phone", "applicant_phone", "联系电话", &Applicant::phone},
    {ApplicantField::kEmail, "email", "applicant_email", "电子邮箱", &Applicant::email},
    {ApplicantField::kAddress, "address", "applicant_address", "通信地址", &Applicant::address},
}};

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

std::span<const ApplicantFieldEntry> ApplicantFields() { return kFields; }

std::optional<ApplicantField> ApplicantFieldFromKey(std::string_view key) {
  for (const ApplicantFieldEntry& f : kFields) {
    if (f.key == key) return f.value;
  }
  return std::nullopt;
}

const ApplicantFieldEntry& FieldEntry(ApplicantField field) {
  for (const ApplicantFieldEntry& f : kFields) {
    if (f.value == field) return f;
  }
  return kFields.front();  // unreachable: every field has a row
}

bool IsApplicantJsonlField(std::string_view key) {
  for (const ApplicantFieldEntry& f : kFields) {
    if (f.jsonl_key == key) return true;
  }
  return false;
}

Applicant TakeApplicant(Event& event) {
  Applicant a;
  a.name = event.applicant_name.value_or("");
  event.applicant_name.reset();
  if (!event.extra.is_object()) return a;
  for (const ApplicantFieldEntry& f : kFields) {
    if (f.value == ApplicantField::kName) continue;
    auto it = event.extra.find(std::string(f.jsonl_key));
    if (it == event.extra.end()) continue;
    if (it->is_string()) a.*f.member = it->get<std::string>();
    event.extra.erase(it);
  }
  if (event.extra.empty()) event.extra = Json();
  return a;
}

void PutApplicant(Event& event, const Applicant& applicant) {
  if (!applicant.name.empty()) event.applicant_name = applicant.name;
  Json fields = Json::object();
  for (const ApplicantFieldEntry& f : kFields) {
    if (f.value == ApplicantField::kName || (applicant.*f.member).empty()) continue;
    fields[std::string(f.jsonl_key)] = applicant.*f.member;
  }
  Json extra = Json::object();
  bool placed = false;
  if (event.extra.is_object()) {
    for (auto& [key, value] : event.extra.items()) {
      if (key == kApplicantRefField) {
        for (auto& [k, v] : fields.items()) extra[k] = v;
        placed = true;
      } else {
        extra[key] = value;
      }
    }
  }
  if (!placed) {
    for (auto& [k, v] : fields.items()) extra[k] = v;
  }
  event.extra = extra.empty() ? Json() : std::move(extra);
}

std::string ApplicantRef(const Event& event) {
  if (!event.extra.is_object()) return "";
  auto it = event.extra.find(std::string(kApplicantRefField));
  return it != event.extra.end() && it->is_string() ? it->get<std::string>() : "";
}

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
