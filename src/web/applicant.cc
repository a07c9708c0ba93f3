// Art. 29 of the Regulation: an application states（一）the applicant's name, identity proof and
// contact details;（二）a name, document number or other description of the information;（三）the
// form in which it is wanted, including how it is to be obtained. The checks here reject only
// what is certainly wrong (a bad check digit, an impossible phone number) and say how to fix it.

#include "web/applicant.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include "util/text.h"

namespace gongkai::web {

namespace {

constexpr Choice kIdDocumentTypes[] = {
    {"resident_id", "居民身份证"},
    {"passport", "护照"},
    {"hk_macao_taiwan", "港澳台居民居住证或通行证"},
    {"credit_code", "统一社会信用代码（法人或其他组织）"},
    {"other", "其他有效身份证件"},
};

constexpr Choice kProvisionForms[] = {
    {"paper", "纸质文本"},
    {"electronic", "电子数据"},
};

constexpr Choice kDeliveryMethods[] = {
    {"post", "邮寄"},
    {"email", "电子邮件"},
    {"pickup", "当面领取"},
    {"online", "网上查阅下载"},
};

// Field length limits, in UTF-8 characters.
constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxAddressChars = 200;
constexpr std::size_t kMaxDescriptionChars = 2000;
constexpr std::size_t kMaxShortFieldChars = 100;

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool ValidChoice(std::span<const Choice> choices, std::string_view key) {
  for (const auto& c : choices) {
    if (c.key == key) return true;
  }
  return false;
}

// True for the separators people type inside numbers: spaces (any width, after FoldWidth),
// hyphens and dashes (- – — ― −), dots, slashes and parentheses.
bool IsNumberSeparator(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '-' || cp == '.' || cp == '/' || cp == '(' || cp == ')' ||
         cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
         cp == 0x2015 || cp == 0x2212 || cp == 0x30FC || cp == 0xFF08 || cp == 0xFF09 ||
         cp == 0x3001 || cp == 0x00B7;
}

// The groups of a number as typed, width-folded and split at separators: 「１３９-0375 1234」
// → {"139", "0375", "1234"}; anything else (letters, other punctuation) stays in its group.
std::vector<std::string> NumberGroups(std::string_view typed) {
  std::string folded = FoldWidth(typed);
  std::vector<std::string> groups(1);
  for (std::size_t i = 0; i < folded.size();) {
    char32_t cp = NextCodePoint(folded, &i);
    if (IsNumberSeparator(cp)) {
      if (!groups.back().empty()) groups.emplace_back();
    } else {
      AppendUtf8(&groups.back(), cp);
    }
  }
  if (groups.back().empty()) groups.pop_back();
  return groups;
}

// 「读到的号码：13903751234（11位）」: what the checks saw, so a citizen can spot the slip.
std::string ReadBack(std::string_view number) {
  return fmt::format("读到的号码：{}（{}位）", number, CodePointCount(number));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Mobile: 11 digits, 1[3-9]…, optionally after +86 / 0086. Landline: with the area code (0 + 2–3
// digits) 10–12 digits and an optional extension, e.g. 0375-2345678 or 0375-2345678-801;
// without it 7–8 digits. Returns the number in its stored form (mobile as 11 digits, landline
// as its groups joined by '-'), or kInvalidInput saying what was read.
Result<std::string> NormalizePhone(std::string_view typed) {
  std::vector<std::string> groups = NumberGroups(typed);
  if (!groups.empty() && (groups.front() == "+86" || groups.front() == "0086")) {
    groups.erase(groups.begin());
  } else if (!groups.empty() && groups.front().starts_with("+86")) {
    groups.front().erase(0, 3);
  }
  std::string digits, joined;
  bool ok = !groups.empty();
  for (const auto& g : groups) {
    ok = ok && AllDigits(g);
    digits += g;
    joined += (joined.empty() ? "" : "-") + g;
  }
  if (ok && digits[0] == '1') {
    ok = digits.size() == 11 && digits[1] >= '3' && digits[1] <= '9';
    joined = digits;
  } else if (ok && digits[0] == '0') {
    ok = digits.size() >= 10 && digits.size() <= 18;
  } else if (ok) {
    ok = digits.size() >= 7 && digits.size() <= 8;
  }
  if (ok) return joined;
  std::string read;
  for (const auto& g : groups) read += g;
  return Status::InvalidInput(
      fmt::format("请填写11位手机号码或带区号的固定电话（如 0375-2345678）。{}", ReadBack(read)));
}

bool LooksLikeEmail(std::string_view email) {
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at != email.rfind('@')) return false;
  std::string_view domain = email.substr(at + 1);
  std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == '"') return false;
  }
  return email.size() <= 254;
}

}  // namespace

std::span<const Choice> IdDocumentTypes() { return kIdDocumentTypes; }
std::span<const Choice> ProvisionForms() { return kProvisionForms; }
std::span<const Choice> DeliveryMethods() { return kDeliveryMethods; }

std::string_view ChoiceLabel(std::span<const Choice> choices, std::string_view key) {
  for (const auto& c : choices) {
    if (c.key == key) return c.label;
  }
  return key;
}

Status CheckResidentId(std::string_view id) {
  if (id.size() != 18) {
    return Status::InvalidInput(
        fmt::format("居民身份证号码应为18位，您填写了{}位", CodePointCount(id)));
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (!IsDigit(id[i])) return Status::InvalidInput("居民身份证号码前17位应全部为数字");
  }
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!IsDigit(last) && last != 'X') {
    return Status::InvalidInput("居民身份证号码最后一位应为数字或 X");
  }
  if (id[0] == '0') return Status::InvalidInput("居民身份证号码的地址码（前6位）无效");
  int year = std::stoi(std::string(id.substr(6, 4)));
  unsigned month = static_cast<unsigned>(std::stoi(std::string(id.substr(10, 2))));
  unsigned day = static_cast<unsigned>(std::stoi(std::string(id.substr(12, 2))));
  std::chrono::year_month_day birth{std::chrono::year(year), std::chrono::month(month),
                                    std::chrono::day(day)};
  if (year < 1900 || year > 2099 || !birth.ok()) {
    return Status::InvalidInput("居民身份证号码中的出生日期（第7–14位）不是有效日期");
  }
  // ISO 7064 MOD 11-2: weights 2^(17-i) mod 11.
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  if (kCheck[sum % 11] != last) {
    return Status::InvalidInput("居民身份证号码校验位不正确，请核对是否有数字填错");
  }
  return Status::Ok();
}

Status CheckCreditCode(std::string_view code) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                   29, 25, 13, 8,  24, 10, 30, 28};
  if (code.size() != 18) {
    return Status::InvalidInput(
        fmt::format("统一社会信用代码应为18位，您填写了{}位", CodePointCount(code)));
  }
  int sum = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    std::size_t v = kAlphabet.find(code[i]);
    if (v == std::string_view::npos) {
      return Status::InvalidInput("统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）");
    }
    if (i < 17) sum += static_cast<int>(v) * kWeights[i];
  }
  if (kAlphabet[(31 - sum % 31) % 31] != code[17]) {
    return Status::InvalidInput("统一社会信用代码校验位不正确，请核对是否有字符填错");
  }
  return Status::Ok();
}

OnlineApplication ValidateApplication(const Form& form, FieldErrors* errors) {
  OnlineApplication app;
  auto field = [&](std::string_view name) { return Trim(form.Get(name)); };
  auto too_long = [](const std::string& s, std::size_t max) { return CodePointCount(s) > max; };

  std::string kind = field("applicant_kind");
  if (auto k = ApplicantKindFromKey(kind)) {
    app.applicant_kind = *k;
  } else {
    (*errors)["applicant_kind"] = "请选择申请人类型";
  }

  app.name = field("name");
  if (app.name.empty()) {
    (*errors)["name"] = app.applicant_kind == ApplicantKind::kNaturalPerson
                            ? "请填写申请人姓名"
                            : "请填写法人或其他组织的名称";
  } else if (too_long(app.name, kMaxNameChars)) {
    (*errors)["name"] = fmt::format("名称不能超过{}个字", kMaxNameChars);
  }

  app.id_type = field("id_type");
  // Full-width characters and the separators people type for legibility are dropped:
  // 「110105 19491231 002x」 and 「１１０１０５…」 are both 11010519491231002X.
  app.id_number.clear();
  for (const auto& g : NumberGroups(field("id_number"))) app.id_number += g;
  for (char& c : app.id_number) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  auto id_error = [&](const Status& s) {
    (*errors)["id_number"] = fmt::format("{}。{}", s.message(), ReadBack(app.id_number));
  };
  if (!ValidChoice(kIdDocumentTypes, app.id_type)) {
    (*errors)["id_type"] = "请选择身份证明类型";
  } else if (app.id_number.empty()) {
    (*errors)["id_number"] = "请填写证件号码";
  } else if (app.id_type == "resident_id") {
    if (Status s = CheckResidentId(app.id_number); !s.ok()) id_error(s);
  } else if (app.id_type == "credit_code") {
    if (Status s = CheckCreditCode(app.id_number); !s.ok()) id_error(s);
  } else if (too_long(app.id_number, kMaxShortFieldChars)) {
    (*errors)["id_number"] = "证件号码过长";
  }

  app.phone = field("phone");
  if (app.phone.empty()) {
    (*errors)["phone"] = "请填写联系电话，以便我们与您确认申请";
  } else if (auto phone = NormalizePhone(app.phone); !phone.ok()) {
    (*errors)["phone"] = phone.status().message();
  } else {
    app.phone = *phone;
  }

  app.email = field("email");
  if (!app.email.empty() && !LooksLikeEmail(app.email)) {
    (*errors)["email"] = "电子邮箱格式不正确（如 name@example.com）";
  }

  app.address = field("address");
  if (too_long(app.address, kMaxAddressChars)) {
    (*errors)["address"] = fmt::format("通信地址不能超过{}个字", kMaxAddressChars);
  }

  app.description = field("description");
  if (app.description.empty()) {
    (*errors)["description"] =
        "请填写所需政府信息的名称或便于查询的特征性描述（如文件标题、发文时间、内容范围）";
  } else if (too_long(app.description, kMaxDescriptionChars)) {
    (*errors)["description"] = fmt::format("描述不能超过{}个字", kMaxDescriptionChars);
  }

  app.document_number = field("document_number");
  if (too_long(app.document_number, kMaxShortFieldChars)) {
    (*errors)["document_number"] = "文号过长";
  }

  app.provision_form = field("provision_form");
  if (!ValidChoice(kProvisionForms, app.provision_form)) {
    (*errors)["provision_form"] = "请选择信息的提供形式";
  }
  app.delivery = field("delivery");
  if (!ValidChoice(kDeliveryMethods, app.delivery)) {
    (*errors)["delivery"] = "请选择获取信息的方式";
  } else if (app.delivery == "post" && app.address.empty()) {
    (*errors)["address"] = "选择邮寄时请填写通信地址";
  } else if (app.delivery == "email" && app.email.empty()) {
    (*errors)["email"] = "选择电子邮件时请填写电子邮箱";
  }
  return app;
}

}  // namespace gongkai::web
