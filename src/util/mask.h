// Masks for personal data (Art. 29（一）: name, ID number, phone, e-mail, address) wherever it
// leaves the office: public pages, logs, lists printed by the command line. Each works on UTF-8
// characters and never splits one; a malformed byte counts as one character. Pure functions.

#ifndef GONGKAI_UTIL_MASK_H_
#define GONGKAI_UTIL_MASK_H_

#include <string>
#include <string_view>

namespace gongkai {

std::string MaskName(std::string_view name);  // first character kept: 张三丰 → 张**, 张 → 张*
std::string MaskIdNumber(std::string_view id);      // first 4 and last 4 kept
std::string MaskPhone(std::string_view phone);      // first 3 and last 4 kept
std::string MaskEmail(std::string_view email);      // first character and the domain kept
std::string MaskAddress(std::string_view address);  // first 6 characters kept

}  // namespace gongkai

#endif  // GONGKAI_UTIL_MASK_H_
