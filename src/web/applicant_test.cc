#include "web/applicant.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(CheckResidentId, Valid) {
  // 11010519491231002X is the worked example of GB 11643-1999 (check: sum 167, 167 mod 11 = 2 → X).
  for (std::string_view id : {"11010519491231002X", "11010519491231002x"}) {
    EXPECT_TRUE(CheckResidentId(id).ok()) << id;
  }
}

TEST(CheckResidentId, Invalid) {
  struct Case {
    std::string_view id;
    std::string_view message_part;
  } cases[] = {
      {"110105194912310021", "校验位"},  // check digit should be X
      {"11010519491231002", "18位"},     // 17 characters
      {"1101051949123100212", "18位"},    {"11010519491231A02X", "前17位"},
      {"11010519491231002Y", "最后一位"}, {"010105194912310021", "地址码"},
      {"110105194902300021", "出生日期"},  // 30 February
      {"440524188001010014", "出生日期"},  // check digit right (sum 195 → 4), born 1880
  };
  for (const auto& c : cases) {
    Status s = CheckResidentId(c.id);
    ASSERT_FALSE(s.ok()) << c.id;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << c.id << ": " << s.message();
  }
}

TEST(CheckCreditCode, Cases) {
  // 91350100M000100Y43: the check character 3 = alphabet[31 - (sum mod 31)] of GB 32100.
  EXPECT_TRUE(CheckCreditCode("91350100M000100Y43").ok());
  EXPECT_FALSE(CheckCreditCode("91350100M000100Y44").ok());
  EXPECT_FALSE(CheckCreditCode("91350100M000100I43").ok());  // I is not in the alphabet
  EXPECT_FALSE(CheckCreditCode("91350100M000100Y4").ok());
}

Form ValidForm() {
  Form f;
  f.Add("applicant_kind", "natural_person");
  f.Add("name", " 张三 ");
  f.Add("id_type", "resident_id");
  f.Add("id_number", "11010519491231002x");
  f.Add("phone", "13812345678");
  f.Add("email", "");
  f.Add("address", "河南省平顶山市新华区中兴路1号");
  f.Add("description", "2024年新华区老旧小区改造项目的批复文件");
  f.Add("document_number", "");
  f.Add("provision_form", "paper");
  f.Add("delivery", "post");
  return f;
}

TEST(ValidateApplication, Valid) {
  FieldErrors errors;
  OnlineApplication app = ValidateApplication(ValidForm(), &errors);
  EXPECT_TRUE(errors.empty()) << errors.begin()->first << ": " << errors.begin()->second;
  EXPECT_EQ(app.name, "张三");
  EXPECT_EQ(app.id_number, "11010519491231002X");
  EXPECT_EQ(app.applicant_kind, ApplicantKind::kNaturalPerson);
}

TEST(ValidateApplication, EachBadFieldIsNamed) {
  struct Case {
    std::string_view field;
    std::string_view value;
    std::string_view error_field;
  } cases[] = {
      {"applicant_kind", "alien", "applicant_kind"},
      {"name", "  ", "name"},
      {"id_type", "", "id_type"},
      {"id_number", "110105194912310021", "id_number"},
      {"phone", "12345", "phone"},
      {"phone", "23812345678", "phone"},
      {"email", "not-an-email", "email"},
      {"description", "", "description"},
      {"provision_form", "scroll", "provision_form"},
      {"delivery", "pigeon", "delivery"},
      {"address", "", "address"},  // delivery by post needs an address
  };
  const Form valid = ValidForm();
  for (const auto& c : cases) {
    Form f;
    for (const auto& [k, v] : valid.fields()) f.Add(k, k == c.field ? std::string(c.value) : v);
    FieldErrors errors;
    ValidateApplication(f, &errors);
    EXPECT_EQ(errors.size(), 1u) << c.field << "=" << c.value;
    EXPECT_TRUE(errors.count(std::string(c.error_field))) << c.field << "=" << c.value;
  }
}

TEST(ValidateApplication, LandlineAndEmailDelivery) {
  const Form valid = ValidForm();
  Form f;
  for (const auto& [k, v] : valid.fields()) {
    if (k == "phone")
      f.Add(k, "0375-2345678");
    else if (k == "delivery")
      f.Add(k, "email");
    else
      f.Add(k, v);
  }
  FieldErrors errors;
  ValidateApplication(f, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.begin()->first, "email");  // e-mail delivery needs an address
}

// A copy of ValidForm() with `field` set to `value`.
Form With(std::string_view field, std::string_view value) {
  const Form valid = ValidForm();
  Form f;
  for (const auto& [k, v] : valid.fields()) {
    f.Add(k, k == field ? std::string(value) : v);
  }
  return f;
}

TEST(ValidateApplication, FullWidthAndSeparatorsAreRead) {
  struct Case {
    std::string_view field, typed, stored;
  } cases[] = {
      {"phone", "１３９-0375-1234", "13903751234"},
      {"phone", "139 0375 1234", "13903751234"},
      {"phone", "139\u30000375\u30001234", "13903751234"},  // ideographic spaces
      {"phone", "+86 139 0375 1234", "13903751234"},
      {"phone", "0375\u20142961111", "0375-2961111"},  // em dash
      {"phone", "（0375）2961111", "0375-2961111"},
      {"phone", "0375-2345678-801", "0375-2345678-801"},
      {"id_number", "110105 19491231 002x", "11010519491231002X"},
      {"id_number", "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"},
      {"id_number", "110105-19491231-002X", "11010519491231002X"},
  };
  for (const auto& c : cases) {
    FieldErrors errors;
    OnlineApplication app = ValidateApplication(With(c.field, c.typed), &errors);
    EXPECT_TRUE(errors.empty()) << c.typed << ": " << errors.begin()->second;
    EXPECT_EQ(c.field == "phone" ? app.phone : app.id_number, c.stored) << c.typed;
  }
}

TEST(ValidateApplication, ErrorsSayWhatWasRead) {
  FieldErrors errors;
  ValidateApplication(With("phone", "１３９-0375-123"), &errors);
  ASSERT_TRUE(errors.count("phone"));
  EXPECT_NE(errors["phone"].find("读到的号码：1390375123（10位）"), std::string::npos)
      << errors["phone"];
  errors.clear();
  ValidateApplication(With("phone", "139O375 1234"), &errors);  // letter O for zero
  EXPECT_NE(errors["phone"].find("读到的号码：139O3751234（11位）"), std::string::npos)
      << errors["phone"];
  errors.clear();
  ValidateApplication(With("id_number", "110105 19491231 002"), &errors);
  EXPECT_NE(errors["id_number"].find("读到的号码：11010519491231002（17位）"), std::string::npos)
      << errors["id_number"];
  errors.clear();
  ValidateApplication(With("id_number", "110105 19491231 0021"), &errors);  // bad check digit
  EXPECT_NE(errors["id_number"].find("校验位不正确"), std::string::npos);
  EXPECT_NE(errors["id_number"].find("读到的号码：110105194912310021（18位）"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
