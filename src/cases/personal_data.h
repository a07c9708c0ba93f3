// Personal data in the case-events JSON Lines (cases/events_jsonl.h): the fields of a received
// event that identify or reach the applicant — ID number, phone, e-mail, address — and their
// masks from util/mask.h, for exports that leave the office's hands. The applicant's name stays:
// a register without it cannot be worked. Pure functions.

#ifndef GONGKAI_CASES_PERSONAL_DATA_H_
#define GONGKAI_CASES_PERSONAL_DATA_H_

#include <string>
#include <string_view>

namespace gongkai {

// `jsonl` with every personal-data field of every line masked; a line without such a field, or
// one that is not a JSON object, is kept byte for byte. Line ends are kept.
std::string MaskPersonalData(std::string_view jsonl);

}  // namespace gongkai

#endif  // GONGKAI_CASES_PERSONAL_DATA_H_
