#include "store/register_stamp.h"

#include <fmt/format.h>

#include "store/sql.h"

namespace gongkai {

Result<RegisterStamp> ReadRegisterStamp(Database& db, int64_t agency_id, int year) {
  return RunInTransaction(db, "读取登记簿版本", [&](soci::session& sql) -> Result<RegisterStamp> {
    long long agency = agency_id;
    std::string name, kind, region, settings;
    long long events = 0;
    sql << "SELECT name, kind, region, settings, register_version FROM agencies WHERE id = :a",
        soci::use(agency), soci::into(name), soci::into(kind), soci::into(region),
        soci::into(settings), soci::into(events);
    if (!sql.got_data()) {
      return Status::NotFound(
          fmt::format("机关 {} 不存在：请用 `gongkai agencies list` 查看编号", agency_id));
    }
    // Events are only ever appended, and every append or import bumps the agency's
    // register_version in its own transaction (store/case_rows.cc InsertEvents): one row read,
    // whatever the size of the register.
    std::string value =
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1e", events, name, kind, region, settings);
    // The documents an agency registers number in the tens or hundreds: all of them count for
    // the in-force column, so all of them are in the stamp.
    {
      std::string doc_kind, issued, abolished;
      soci::indicator abolished_ind = soci::i_null;
      soci::statement st =
          (sql.prepare << "SELECT kind, issued_date, abolished_date FROM regulatory_documents "
                          "WHERE agency_id = :a ORDER BY id",
           soci::use(agency), soci::into(doc_kind), soci::into(issued),
           soci::into(abolished, abolished_ind));
      st.execute();
      while (st.fetch()) {
        value += fmt::format("{}\x1f{}\x1f{}\x1e", doc_kind, issued,
                             abolished_ind == soci::i_ok ? abolished : "");
      }
    }
    {
      std::string category;
      long long decisions = 0;
      soci::statement st =
          (sql.prepare << "SELECT category, decisions FROM decision_counts "
                          "WHERE agency_id = :a AND year = :y ORDER BY category",
           soci::use(agency), soci::use(year), soci::into(category), soci::into(decisions));
      st.execute();
      while (st.fetch()) value += fmt::format("{}\x1f{}\x1e", category, decisions);
    }
    long long fen = -1;
    sql << "SELECT amount_fen FROM fees_collected WHERE agency_id = :a AND year = :y",
        soci::use(agency), soci::use(year), soci::into(fen);
    value += fmt::format("fees\x1f{}", sql.got_data() ? fen : -1);
    return RegisterStamp{std::move(value)};
  });
}

}  // namespace gongkai
