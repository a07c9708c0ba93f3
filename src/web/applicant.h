// The applicant's side of an application (Art. 29): the fields the online form asks for, their
// validation with a message in Chinese for each field (shown next to it), the 18-digit resident
// identity number check (GB 11643-1999: region, birth date, check digit), and the masks that keep
// personal data out of public pages and logs (name 张*, ID 1101**********1234, phone
// 138****5678). Pure functions; safe from any thread.

#ifndef GONGKAI_WEB_APPLICANT_H_
#define GONGKAI_WEB_APPLICANT_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "law/vocab.h"
#include "util/mask.h"  // the masks every page showing an applicant uses
#include "util/status.h"
#include "web/form.h"

namespace gongkai::web {

// A choice offered by a select or radio group: stable key and Chinese label.
struct Choice {
  std::string_view key;
  std::string_view label;
};

// Identity documents (身份证明). Organisations give their 统一社会信用代码.
std::span<const Choice> IdDocumentTypes();
// Form of the information (Art. 29（三）): paper or electronic.
std::span<const Choice> ProvisionForms();
// How it is to be obtained (获取信息的方式、途径).
std::span<const Choice> DeliveryMethods();
std::string_view ChoiceLabel(std::span<const Choice> choices, std::string_view key);

// Returns OK when `id` is a valid 18-character 居民身份证号码: 17 digits and a check character
// (digit or X, case-insensitive) per GB 11643's ISO 7064 MOD 11-2, a region code not starting
// with 0, and a real birth date between 1900 and 2099. Otherwise kInvalidInput saying what is
// wrong (length, characters, birth date, check digit).
Status CheckResidentId(std::string_view id);

// Returns OK when `code` is a valid 18-character 统一社会信用代码 (GB 32100-2015 check character).
Status CheckCreditCode(std::string_view code);

// An application as submitted online, validated.
struct OnlineApplication {
  ApplicantKind applicant_kind = ApplicantKind::kNaturalPerson;
  std::string name;
  std::string id_type;  // an IdDocumentTypes() key
  std::string id_number;
  std::string phone;
  std::string email;
  std::string address;
  std::string description;      // 所需政府信息的名称或特征性描述
  std::string document_number;  // 文号, optional
  std::string provision_form;   // a ProvisionForms() key
  std::string delivery;         // a DeliveryMethods() key
};

// Field name → message in Chinese, for the fields that failed.
using FieldErrors = std::map<std::string, std::string>;

// Validates the form fields of the online application (names as in OnlineApplication).
// Fills `errors` for each bad field and returns the application (meaningful only when `errors`
// is empty). Text fields are trimmed. The ID number and the phone are read width-folded with
// common separators (spaces, hyphens, dashes, dots, parentheses) dropped: the ID number is kept
// upper-cased without them, a mobile as its 11 digits, a landline as its groups joined by '-'
// (「（0375）2961111」 → 0375-2961111). Their errors end with what was read
// (「读到的号码：1390375123（10位）」).
OnlineApplication ValidateApplication(const Form& form, FieldErrors* errors);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_APPLICANT_H_
