// Personal data of an applicant (Art. 29（一）): the name, the identity document, the phone, the
// e-mail and the address. In the case-events JSON Lines (cases/events_jsonl.h) they are fields of
// the `received` line; in the register they are not: the stored, hash-chained `received` event
// carries only `applicant_ref`, a reference to the applicant's personal-data record
// (store/applicant_records.h), so the record can be corrected (Art. 41) or erased without touching
// the event chain. TakeApplicant splits the fields off an event; PutApplicant joins them back for
// an export. Also the masks (util/mask.h) for exports that leave the office's hands. Pure
// functions.

#ifndef GONGKAI_CASES_PERSONAL_DATA_H_
#define GONGKAI_CASES_PERSONAL_DATA_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cases/event.h"

namespace gongkai {

// The applicant's personal data. In JSON Lines: applicant_name, applicant_id_type,
// applicant_id_number, applicant_phone, applicant_email, applicant_address.
struct Applicant {
  std::string name;
  std::string id_type;
  std::string id_number;
  std::string phone;
  std::string email;
  std::string address;

  friend bool operator==(const Applicant&, const Applicant&) = default;
};

// DO NOT CHANGE the keys: they name corrected fields in the register (applicant_record_acts)
// and on the command line (`cases correct-applicant --field`).
enum class ApplicantField { kName, kIdType, kIdNumber, kPhone, kEmail, kAddress };

struct ApplicantFieldEntry {
  ApplicantField value;
  std::string_view key;        // --field and the stored act
  std::string_view jsonl_key;  // the received line's field
  std::string_view label;      // Chinese
  std::string Applicant::*member;
};
std::span<const ApplicantFieldEntry> ApplicantFields();
std::optional<ApplicantField> ApplicantFieldFromKey(std::string_view key);
const ApplicantFieldEntry& FieldEntry(ApplicantField field);

// The field of the stored `received` event that references the applicant's record.
inline constexpr std::string_view kApplicantRefField = "applicant_ref";

// True when `key` is a personal-data field of the JSON Lines (applicant_name … applicant_address).
bool IsApplicantJsonlField(std::string_view key);

// Removes every personal-data field from `event` (applicant_name and the extras
// applicant_id_type … applicant_address) and returns them. Other fields are untouched.
Applicant TakeApplicant(Event& event);

// Puts `applicant` into `event`: applicant_name, and the non-empty extras in the table's order at
// the place of applicant_ref (which is removed), or at the end when there is none. Empty fields
// are left out: an erased record gives a line without personal data.
void PutApplicant(Event& event, const Applicant& applicant);

// The reference `event` carries, "" when it has none.
std::string ApplicantRef(const Event& event);

// `jsonl` with every personal-data field of every line masked; a line without such a field, or
// one that is not a JSON object, is kept byte for byte. Line ends are kept. The applicant's name
// stays: a register without it cannot be worked.
std::string MaskPersonalData(std::string_view jsonl);

}  // namespace gongkai

#endif  // GONGKAI_CASES_PERSONAL_DATA_H_
