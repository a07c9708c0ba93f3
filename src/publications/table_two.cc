#include "publications/table_two.h"

#include <chrono>

namespace gongkai {

TableTwoCounts CountTableTwo(std::span<const Publication> items, int year) {
  const Date last{std::chrono::year(year), std::chrono::December, std::chrono::day(31)};
  auto in_year = [&](const std::optional<Date>& d) {
    return d && static_cast<int>(d->year()) == year;
  };
  TableTwoCounts out;
  for (const Publication& p : items) {
    if (p.kind == PublicationKind::kOther) continue;
    DocumentCounts& c =
        p.kind == PublicationKind::kRegulation ? out.regulations : out.normative_documents;
    const bool ended = p.status != Validity::kInForce;
    const bool ended_by_year_end = ended && p.status_date && *p.status_date <= last;
    const bool in_force_at_year_end = p.created <= last && !ended_by_year_end;
    if (static_cast<int>(p.created.year()) == year) ++c.issued;
    if (ended && in_year(p.status_date)) ++c.abolished;
    if (in_force_at_year_end) ++c.in_force;
    if (in_year(p.published)) ++c.published;
    if (in_force_at_year_end && p.published && *p.published <= last) ++c.total_published;
  }
  out.regulations.made = out.regulations.issued;
  out.normative_documents.made = out.normative_documents.issued;
  return out;
}

}  // namespace gongkai
