#include "store/duplicates.h"

#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "store/sql.h"
#include "util/text.h"

namespace gongkai {
namespace {

// The items column (a JSON array of strings) as one normalised text.
std::string NormalizedItems(const std::string& items_json) {
  auto parsed = nlohmann::json::parse(items_json, nullptr, false);
  std::string text;
  if (parsed.is_array()) {
    for (const auto& item : parsed) {
      if (item.is_string()) text += item.get<std::string>();
    }
  }
  return NormalizedRequest(text);
}

}  // namespace

std::string NormalizedRequest(std::string_view text) {
  std::string folded = NormalizeNfkc(text);
  std::string out;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = NextCodePoint(folded, &pos);
    bool ascii_alnum =
        (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (ascii_alnum || IsHan(cp)) AppendUtf8(&out, cp);
  }
  return out;
}

Result<std::vector<LikelyDuplicate>> FindLikelyDuplicates(Database& db, int64_t agency_id,
                                                          std::string_view number,
                                                          int window_days) {
  return Run(
      db, "查找可能重复的申请", [&](soci::session& sql) -> Result<std::vector<LikelyDuplicate>> {
        long long agency = agency_id;
        std::string key(number), id_number, name, phone, received, items;
        sql << "SELECT r.id_number, r.name, r.phone, c.received_date, c.items FROM cases c JOIN "
               "applicant_records r ON r.agency_id = c.agency_id AND r.case_id = c.id "
               "WHERE c.agency_id = :a AND c.number = :n",
            soci::use(agency), soci::use(key), soci::into(id_number), soci::into(name),
            soci::into(phone), soci::into(received), soci::into(items);
        if (!sql.got_data()) return Status::NotFound(fmt::format("没有编号为 {} 的案件", number));
        auto day = ParseDate(received);
        if (!day.ok()) return Status::Internal(fmt::format("案件 {} 的收到日期无法读取", number));
        std::string from = FormatDate(AddDays(*day, -window_days));
        std::string to = FormatDate(AddDays(*day, window_days));
        std::string request = NormalizedItems(items);
        std::vector<LikelyDuplicate> out;
        if (request.empty()) return out;
        std::string other, other_received, other_items;
        soci::statement st =
            (sql.prepare
                 << "SELECT c.number, c.received_date, c.items FROM cases c JOIN "
                    "applicant_records r ON r.agency_id = c.agency_id AND r.case_id = c.id "
                    "WHERE c.agency_id = :a AND c.number <> :n AND c.received_date >= :f AND "
                    "c.received_date <= :t AND ((r.id_number <> '' AND r.id_number = :i) OR "
                    "(r.id_number = '' AND :i2 = '' AND r.phone <> '' AND r.name = :m AND "
                    "r.phone = :p)) ORDER BY c.received_date, c.id",
             soci::use(agency), soci::use(key), soci::use(from), soci::use(to),
             soci::use(id_number), soci::use(id_number), soci::use(name), soci::use(phone),
             soci::into(other), soci::into(other_received), soci::into(other_items));
        st.execute();
        while (st.fetch()) {
          if (NormalizedItems(other_items) != request) continue;
          auto d = ParseDate(other_received);
          if (d.ok()) out.push_back({other, *d});
        }
        return out;
      });
}

Result<std::map<std::string, LikelyDuplicate>> FirstLikelyDuplicates(
    Database& db, int64_t agency_id, const std::vector<std::string>& numbers, int window_days) {
  std::map<std::string, LikelyDuplicate> out;
  if (numbers.empty()) return out;
  return Run(db, "查找可能重复的申请",
             [&](soci::session& sql) -> Result<std::map<std::string, LikelyDuplicate>> {
               long long agency = agency_id;
               std::vector<std::string> keys(numbers);
               std::string in;
               for (size_t i = 0; i < keys.size(); ++i) {
                 in += fmt::format("{}:n{}", i ? ", " : "", i);
               }
               // The same applicant, as FindLikelyDuplicates judges it; the window and the
               // request are compared below, where the dates and the NFKC folding are at hand.
               std::string number, received, items, other, other_received, other_items;
               soci::statement st(sql);
               st.exchange(soci::into(number));
               st.exchange(soci::into(received));
               st.exchange(soci::into(items));
               st.exchange(soci::into(other));
               st.exchange(soci::into(other_received));
               st.exchange(soci::into(other_items));
               st.exchange(soci::use(agency, "a"));
               for (size_t i = 0; i < keys.size(); ++i) {
                 st.exchange(soci::use(keys[i], fmt::format("n{}", i)));
               }
               st.alloc();
               st.prepare(fmt::format(
                   "SELECT c.number, c.received_date, c.items, o.number, o.received_date, o.items "
                   "FROM cases c JOIN applicant_records cr ON cr.agency_id = c.agency_id AND "
                   "cr.case_id = c.id JOIN applicant_records r ON r.agency_id = c.agency_id AND "
                   "r.case_id <> c.id AND ((cr.id_number <> '' AND r.id_number = cr.id_number) OR "
                   "(cr.id_number = '' AND r.id_number = '' AND cr.phone <> '' AND "
                   "r.name = cr.name AND r.phone = cr.phone)) "
                   "JOIN cases o ON o.agency_id = r.agency_id AND o.id = r.case_id "
                   "WHERE c.agency_id = :a AND c.number IN ({}) "
                   "ORDER BY c.number, o.received_date, o.id",
                   in));
               st.define_and_bind();
               st.execute();
               while (st.fetch()) {
                 if (out.contains(number)) continue;
                 auto day = ParseDate(received);
                 auto other_day = ParseDate(other_received);
                 if (!day.ok() || !other_day.ok()) continue;
                 if (std::abs(DayNumber(*other_day) - DayNumber(*day)) > window_days) continue;
                 std::string request = NormalizedItems(items);
                 if (request.empty() || NormalizedItems(other_items) != request) continue;
                 out.emplace(number, LikelyDuplicate{other, *other_day});
               }
               return out;
             });
}

}  // namespace gongkai
