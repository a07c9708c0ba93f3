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
    // register_version in its own transaction (store/case_rows.cc InsertEvents), as does every
    // write to the publications register (store/publications.cc AppendEvents), which holds the
    // 规章 and 规范性文件: one row read, whatever the size of the registers.
    std::string value =
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1e", events, name, kind, region, settings);
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
