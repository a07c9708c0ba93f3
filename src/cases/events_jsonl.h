// Reading and writing case events as JSON Lines, the interchange format of
// ../shared/spec/case-events.md: one event per line, in order of occurrence within each case.
// Parsing is strict about what the format defines (types, keys, dates, field kinds) and keeps
// every field it does not define. Messages are Chinese and say the line, the field, the value
// found and what is allowed. Pure functions of their input; safe from any thread.

#ifndef GONGKAI_CASES_EVENTS_JSONL_H_
#define GONGKAI_CASES_EVENTS_JSONL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cases/event.h"
#include "util/status.h"

namespace gongkai {

// Limits on one line of outside input: its length, and how deeply its JSON nests (an event is
// an object holding at most an array of items; nothing real comes near either). Over a limit is
// a bad line like any other, with its line number.
inline constexpr std::size_t kMaxEventLineBytes = 64u << 10;
inline constexpr int kMaxEventJsonDepth = 16;

// Parses one line (without its newline). `line_no` (1-based) prefixes every message, e.g.
// "第 12 行：字段 channel 的值 'mail' 无效，应为 in_person、post_signed、…". Errors: not a JSON
// object, a missing or mistyped `case` / `type` / `date`, an unknown type, an invalid key or date
// in an extra, an extra the type does not take, an `answered` outcome from the （六） rows, a line
// over kMaxEventLineBytes or nested deeper than kMaxEventJsonDepth.
Result<Event> ParseEventLine(std::string_view line, int line_no);

// One JSON object, no newline. Field order: case, type, date, agency, note, actor, the type's
// extras in the order of the spec's table (`items` after `deadline`), then the unknown fields in
// their input order; empty optional strings (agency, note, actor) are omitted.
// ParseEventLine(EventToJsonLine(e)) == e, and a line written in this order round-trips byte for
// byte.
std::string EventToJsonLine(const Event& event);

// Parses a whole file (blank lines are skipped) and groups the events by (agency, case) in order
// of each case's first line. All or nothing: on any bad line the result is kInvalidInput listing
// EVERY bad line, one per message line. Only the syntax is checked here; the order of a case's
// events is checked by CheckHistory (cases/case_state.h), see CheckImportedCases.
Result<std::vector<CaseEvents>> ParseEventsJsonl(std::string_view text);

// Writes cases back as JSON Lines, each case's events in order, cases in the given order.
std::string CasesToJsonl(const std::vector<CaseEvents>& cases);

}  // namespace gongkai

#endif  // GONGKAI_CASES_EVENTS_JSONL_H_
