// The staff's daily deadline digest (issue 13): each clerk with an e-mail address (users.email)
// gets, once a day, the agency's overdue cases and those due within the reminder setting's N
// working days (`serve --reminder-days`, the same as the queue's reminders), queued in the
// outbox (store/outbox.h) under the cause digest/<user id>/<date>, so a second run the same day
// — by this server after a restart or by another — queues nothing.

#ifndef GONGKAI_STORE_STAFF_DIGESTS_H_
#define GONGKAI_STORE_STAFF_DIGESTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "store/calendars.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// Queues today's digests of every agency; returns how many were newly queued. A clerk of an
// agency with nothing overdue or due soon gets none that day.
Result<int> QueueStaffDigests(Database& db, Calendars& calendars, Date today, int reminder_days);

// Sets the e-mail address of user `name` for the digest ("" stops it). kNotFound naming the user;
// kInvalidInput when the address has no '@' or contains spaces.
Status SetStaffEmail(Database& db, std::string_view name, std::string_view email);

}  // namespace gongkai

#endif  // GONGKAI_STORE_STAFF_DIGESTS_H_
