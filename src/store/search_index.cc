#include "store/search_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "search/normalize.h"
#include "search/query.h"
#include "search/tokens.h"
#include "store/search_index_sql.h"
#include "store/sql.h"
#include "util/date.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr int kMaxLimit = 200;
constexpr int kMaxOffset = 10000;

// The FTS5 rowid of a document (migration 15 computes the same for rows it found): its kind,
// date and id packed so that within a kind the index's own order is newest first (then the
// higher id), and a kind, or a kind up to a date, is one rowid range. Ids stay below kIdSpan.
constexpr long long kIdSpan = 1000000000;            // 1e9
constexpr long long kKindSpan = 100000000000000000;  // 1e17 = 1e8 dates of 1e9 ids
long long DateNumber(std::string_view date) {        // YYYY-MM-DD → YYYYMMDD; "" → 0
  long long n = 0;
  for (char c : date) {
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  }
  return n;
}
long long FtsKey(SearchKind kind, std::string_view date, long long id) {
  return static_cast<long long>(kind) * kKindSpan + DateNumber(date) * kIdSpan + id;
}
// The keys of `kind` dated on or before `until` ("" = any date).
std::pair<long long, long long> FtsRange(SearchKind kind, std::string_view until) {
  long long lo = static_cast<long long>(kind) * kKindSpan;
  long long hi = until.empty() ? lo + kKindSpan - 1 : lo + (DateNumber(until) + 1) * kIdSpan - 1;
  return {lo, hi};
}

// `s` as an SQL string literal. Only the fold's letters, digits and Han characters, FTS and
// tsquery syntax built from them, and canonical codes reach SQL this way; quotes are doubled all
// the same (standard_conforming_strings: backslashes are ordinary on both databases).
std::string Literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

bool AllHan(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (!IsHan(NextCodePoint(s, &pos))) return false;
  }
  return !s.empty();
}

bool AllAsciiAlnum(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

// "instr(column, 'x') > 0" or its PostgreSQL twin, OR-ed over `forms`.
std::string ContainsAny(Dialect dialect, std::string_view column,
                        const std::vector<std::string>& forms) {
  std::vector<std::string> parts;
  for (const auto& f : forms) {
    parts.push_back(dialect == Dialect::kSqlite
                        ? fmt::format("instr({}, {}) > 0", column, Literal(f))
                        : fmt::format("strpos({}, {}) > 0", column, Literal(f)));
  }
  return "(" + Join(parts, " OR ") + ")";
}

// What the index can be asked for one (non-ASCII) form of a query: its tokens as a phrase.
// A form is runs of Han characters and of other letters/digits, alternating. An inner run meets
// a document's run exactly (both its neighbours are of the other sort), so its tokens are the
// document's; the first run may be the tail of a document's run (its bigrams still are the
// document's, a lone character or a word is not, and is left out); the last run may be the head
// of one (its bigrams are the document's; a lone character or a word is the head of the
// document's next token: a prefix). FTS5 allows a prefix on the last token of a phrase only,
// which is where it falls.
struct FormPlan {
  std::vector<std::string> tokens;  // empty: the index cannot help (e.g. one character)
  bool last_is_prefix = false;
  bool exact = true;  // the phrase alone decides (nothing was left out)
};

FormPlan PlanForm(std::string_view form) {
  struct Run {
    bool han;
    std::string text;
    std::size_t chars = 0;
  };
  std::vector<Run> runs;
  for (std::size_t pos = 0; pos < form.size();) {
    std::size_t begin = pos;
    bool han = IsHan(NextCodePoint(form, &pos));
    if (runs.empty() || runs.back().han != han) runs.push_back({han, "", 0});
    runs.back().text.append(form.substr(begin, pos - begin));
    ++runs.back().chars;
  }
  FormPlan plan;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& run = runs[i];
    bool first = i == 0, last = i + 1 == runs.size();
    bool whole = run.han && run.chars >= 2;  // gives bigrams wherever it sits
    if (first && !whole) {
      plan.exact = false;
      continue;
    }
    if (whole) {
      auto bigrams = RequiredBigrams(run.text);
      plan.tokens.insert(plan.tokens.end(), bigrams.begin(), bigrams.end());
      continue;
    }
    std::string token = run.han ? run.text : Tokenize(run.text).front().text;
    plan.tokens.push_back(token);
    plan.last_is_prefix = last;
  }
  if (plan.tokens.empty()) plan.exact = false;
  return plan;
}

// The condition (over alias d) that a document matches the text of `q`, and how to rank it.
// On SQLite, when the FTS index alone decides the match, also the FTS5 expressions of a match
// and of a title match (the title's own column, or its pinyin), so that counts and pages are
// answered from the index without reading the matching rows.
struct TextMatch {
  std::string where;
  std::string title_rank;  // 0 when the title matches, 1 otherwise
  std::string fts;         // "" when the index alone cannot decide (use `where`)
  std::string fts_title;   // the matches whose title matches: a subset of `fts`
};

TextMatch MatchText(Dialect dialect, const SearchQuery& q) {
  const auto& forms = q.forms;
  TextMatch m;
  std::string title = ContainsAny(dialect, "d.title_folded", forms);
  if (q.ascii_letters)
    title = "(" + title + " OR " + ContainsAny(dialect, "d.title_pinyin", forms) + ")";
  m.title_rank = fmt::format("CASE WHEN {} THEN 0 ELSE 1 END", title);

  // An ASCII query: words of the text by prefix, and for letters the title's pinyin.
  if (std::all_of(forms.begin(), forms.end(), AllAsciiAlnum)) {
    std::vector<std::string> alternatives, in_title;
    for (const auto& f : forms) {
      std::string word = f.substr(0, kMaxWordBytes);
      std::string pinyin = f.substr(0, kMaxPinyinTokenBytes);
      if (dialect == Dialect::kSqlite) {
        alternatives.push_back(fmt::format("tokens : \"{}\" *", word));
        in_title.push_back(fmt::format("title_tokens : \"{}\" *", word));
        if (q.ascii_letters) {
          alternatives.push_back(fmt::format("pinyin_tokens : \"{}\" *", pinyin));
          in_title.push_back(alternatives.back());
        }
      } else {
        alternatives.push_back(
            fmt::format("tsv @@ CAST({} AS tsquery)", Literal("'" + word + "':*")));
        if (q.ascii_letters) {
          alternatives.push_back(
              fmt::format("pinyin_tsv @@ CAST({} AS tsquery)", Literal("'" + pinyin + "':*")));
        }
      }
    }
    m.where =
        dialect == Dialect::kSqlite
            ? fmt::format("d.id IN (SELECT rowid % {} FROM search_fts WHERE search_fts MATCH {})",
                          kIdSpan, Literal(Join(alternatives, " OR ")))
            : "d.id IN (SELECT document_id FROM search_texts WHERE " + Join(alternatives, " OR ") +
                  ")";
    if (dialect == Dialect::kSqlite) {
      m.fts = Join(alternatives, " OR ");
      m.fts_title = Join(in_title, " OR ");
    }
    return m;
  }

  // Any form the index cannot help with (one Han character): a scan of the folded text, exact.
  std::vector<FormPlan> plans;
  for (const auto& f : forms) plans.push_back(PlanForm(f));
  if (std::any_of(plans.begin(), plans.end(), [](const FormPlan& p) { return p.tokens.empty(); })) {
    m.where = "d.id IN (SELECT document_id FROM search_texts t WHERE " +
              ContainsAny(dialect, "t.text_folded", forms) + ")";
    return m;
  }

  // Otherwise the index gives the candidates and the folded text confirms them, except where
  // the index alone is exact: on SQLite a phrase that left nothing out (fields are kept apart
  // by a break token), on PostgreSQL (no positions) a query of two Han characters.
  bool exact = true;
  std::vector<std::string> alternatives;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const FormPlan& plan = plans[i];
    if (dialect == Dialect::kSqlite) {
      alternatives.push_back("\"" + Join(plan.tokens, " ") + "\"" +
                             (plan.last_is_prefix ? " *" : ""));
      exact = exact && plan.exact;
    } else {
      std::vector<std::string> quoted;
      for (std::size_t t = 0; t < plan.tokens.size(); ++t) {
        bool prefix = plan.last_is_prefix && t + 1 == plan.tokens.size();
        quoted.push_back("'" + plan.tokens[t] + "'" + (prefix ? ":*" : ""));
      }
      alternatives.push_back("(" + Join(quoted, " & ") + ")");
      exact = exact && plan.exact && plan.tokens.size() == 1 && AllHan(forms[i]);
    }
  }
  m.where =
      dialect == Dialect::kSqlite
          ? fmt::format("d.id IN (SELECT rowid % {} FROM search_fts WHERE search_fts MATCH {})",
                        kIdSpan, Literal(Join(alternatives, " OR ")))
          : fmt::format(
                "d.id IN (SELECT document_id FROM search_texts WHERE tsv @@ CAST({} AS "
                "tsquery))",
                Literal(Join(alternatives, " | ")));
  if (exact && dialect == Dialect::kSqlite) {
    m.fts = Join(alternatives, " OR ");
    m.fts_title = "title_tokens : (" + m.fts + ")";
  }
  if (!exact) {
    m.where += " AND EXISTS (SELECT 1 FROM search_texts t WHERE t.document_id = d.id AND " +
               ContainsAny(dialect, "t.text_folded", forms) + ")";
  }
  return m;
}

std::string Filters(const SearchOptions& options) {
  std::string out;
  if (!options.until.empty()) out += " AND d.doc_date <= " + Literal(options.until);
  if (options.agency_id) out += fmt::format(" AND d.agency_id = {}", *options.agency_id);
  if (!options.kinds.empty()) {
    std::vector<std::string> keys;
    for (SearchKind k : options.kinds) keys.push_back(Literal(Key(k)));
    out += " AND d.kind IN (" + Join(keys, ", ") + ")";
  }
  return out;
}

constexpr std::string_view kHitColumns =
    "d.id, d.kind, d.agency_id, a.name, d.ref, d.title, d.doc_date, d.url, t.summary, t.body, "
    "t.attachment_text";

struct HitRow {
  long long id = 0, agency_id = 0;
  std::string kind, agency_name, ref, title, date, url, summary, body, attachment_text;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(agency_name));
    st.exchange(soci::into(ref));
    st.exchange(soci::into(title));
    st.exchange(soci::into(date));
    st.exchange(soci::into(url));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(body));
    st.exchange(soci::into(attachment_text));
  }

  SearchHit ToHit(const std::vector<std::string>& forms, bool exact_code) const {
    SearchHit h;
    h.kind = SearchKindFromKey(kind).value_or(SearchKind::kPublication);
    h.agency_id = agency_id;
    h.agency_name = agency_name;
    h.ref = ref;
    h.title = title;
    h.date = date;
    h.url = url;
    h.exact_code = exact_code;
    h.title_segments = Highlight(title, forms);
    // The snippet comes from the first field that matches, else from the summary or body.
    const std::string* source = nullptr;
    for (const std::string* field : {&summary, &body, &attachment_text}) {
      std::string folded = NormalizeForSearch(*field);
      bool matches = std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
        return folded.find(f) != std::string::npos;
      });
      if (matches) {
        source = field;
        break;
      }
    }
    if (!source) source = summary.empty() ? &body : &summary;
    if (!source->empty()) h.snippet = Snippet(*source, forms);
    return h;
  }
};

// The documents matching `where`, whole and highlighted, by id.
Result<std::map<long long, SearchHit>> SelectHits(soci::session& sql, const std::string& where,
                                                  const std::vector<std::string>& forms) {
  HitRow row;
  soci::statement st(sql);
  row.Bind(st);
  st.alloc();
  st.prepare(
      fmt::format("SELECT {} FROM search_documents d JOIN agencies a ON a.id = d.agency_id "
                  "JOIN search_texts t ON t.document_id = d.id WHERE {}",
                  kHitColumns, where));
  st.define_and_bind();
  st.execute();
  std::map<long long, SearchHit> out;
  while (st.fetch()) out.emplace(row.id, row.ToHit(forms, false));
  return out;
}

void LogMiss(soci::session& sql, const std::string& query, const std::string& now) {
  sql << "INSERT INTO search_misses (query, count, first_at, last_at) VALUES (:q, 1, :f, :l) "
         "ON CONFLICT (query) DO UPDATE SET count = search_misses.count + 1, "
         "last_at = excluded.last_at",
      soci::use(query), soci::use(now), soci::use(now);
}

// Writes the derived entry and the texts of document `id` (its row in search_documents exists).
Status WriteEntry(soci::session& sql, long long id, const SearchDocument& doc, const SearchEntry& e,
                  const std::string& now) {
  if (id >= kIdSpan) {
    return Status::Internal(fmt::format(
        "检索索引的文档编号 {} 超出上限 {}：请用 `gongkai search reindex` 重建索引", id, kIdSpan));
  }
  long long key = FtsKey(doc.kind, doc.date, id);
  std::string tags = fmt::format("a{}", doc.agency_id);
  sql << "UPDATE search_documents SET title_folded = :tf, title_pinyin = :tp, updated_at = :u "
         "WHERE id = :id",
      soci::use(e.title_folded), soci::use(e.title_pinyin), soci::use(now), soci::use(id);
  sql << "DELETE FROM search_texts WHERE document_id = :id", soci::use(id);
  sql << "INSERT INTO search_texts (document_id, summary, body, attachment_text, text_folded, "
         "tokens, pinyin_tokens, title_tokens, tags, fts_key) VALUES (:id, :s, :b, :x, :xf, :tk, "
         ":pt, :tt, :tg, :key)",
      soci::use(id), soci::use(doc.summary), soci::use(doc.body), soci::use(doc.attachment_text),
      soci::use(e.text_folded), soci::use(e.tokens), soci::use(e.pinyin_tokens),
      soci::use(e.title_tokens), soci::use(tags), soci::use(key);
  sql << "DELETE FROM search_codes WHERE document_id = :id", soci::use(id);
  for (const auto& code : e.codes) {
    sql << "INSERT INTO search_codes (code, document_id) VALUES (:c, :id)", soci::use(code),
        soci::use(id);
  }
  return Status::Ok();
}

}  // namespace

Status UpsertSearchDocument(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                            const SearchDocument& doc) {
  if (Status s = CheckSearchDocument(doc); !s.ok()) return s;
  SearchEntry e = BuildSearchEntry(doc, pinyin);
  std::string now = FormatUtc(db.Now());
  long long agency = doc.agency_id;
  std::string kind(Key(doc.kind));
  std::string codes = Join(doc.codes, "\n");
  long long id = 0;
  soci::indicator found = soci::i_null;
  sql << "SELECT id FROM search_documents WHERE agency_id = :a AND kind = :k AND ref = :r",
      soci::into(id, found), soci::use(agency), soci::use(kind), soci::use(doc.ref);
  if (found == soci::i_ok) {
    sql << "UPDATE search_documents SET title = :t, codes = :c, doc_date = :d, url = :url "
           "WHERE id = :id",
        soci::use(doc.title), soci::use(codes), soci::use(doc.date), soci::use(doc.url),
        soci::use(id);
  } else {
    sql << "INSERT INTO search_documents (agency_id, kind, ref, doc_date, title, url, codes, "
           "title_folded, title_pinyin, updated_at) VALUES (:a, :k, :r, :d, :t, :url, :c, '', '', "
           ":u)",
        soci::use(agency), soci::use(kind), soci::use(doc.ref), soci::use(doc.date),
        soci::use(doc.title), soci::use(doc.url), soci::use(codes), soci::use(now);
    sql << "SELECT id FROM search_documents WHERE agency_id = :a AND kind = :k AND ref = :r",
        soci::into(id), soci::use(agency), soci::use(kind), soci::use(doc.ref);
  }
  return WriteEntry(sql, id, doc, e, now);
}

Status RemoveSearchDocument(soci::session& sql, int64_t agency_id, SearchKind kind,
                            std::string_view ref) {
  long long agency = agency_id;
  std::string key(Key(kind));
  std::string r(ref);
  sql << "DELETE FROM search_documents WHERE agency_id = :a AND kind = :k AND ref = :r",
      soci::use(agency), soci::use(key), soci::use(r);
  return Status::Ok();
}

Status SearchIndex::Upsert(const SearchDocument& doc) {
  if (Status s = CheckSearchDocument(doc); !s.ok()) return s;
  return RunInTransaction(db_, "写入检索索引", [&](soci::session& sql) {
    return UpsertSearchDocument(db_, sql, vocabulary_.pinyin, doc);
  });
}

Status SearchIndex::Remove(int64_t agency_id, SearchKind kind, std::string_view ref) {
  return RunInTransaction(db_, "删除检索索引条目", [&](soci::session& sql) {
    return RemoveSearchDocument(sql, agency_id, kind, ref);
  });
}

Result<SearchResults> SearchIndex::Search(std::string_view query, const SearchOptions& options) {
  if (options.limit < 1 || options.limit > kMaxLimit) {
    return Status::InvalidInput(
        fmt::format("每类结果条数 limit 应在 1 到 {} 之间，现为 {}", kMaxLimit, options.limit));
  }
  if (options.offset < 0 || options.offset > kMaxOffset) {
    return Status::InvalidInput(
        fmt::format("跳过条数 offset 应在 0 到 {} 之间，现为 {}", kMaxOffset, options.offset));
  }
  if (!options.until.empty() && !ParseDate(options.until).ok()) {
    return Status::InvalidInput(
        fmt::format("截止日期 until 应为 YYYY-MM-DD 格式的日期，现为“{}”", options.until));
  }
  SearchQuery q = ParseSearchQuery(query, vocabulary_);
  SearchResults results;
  if (q.empty()) return results;
  results.query = q.normalized;
  results.forms = q.forms;
  const Dialect dialect = db_.dialect();
  const std::string filters = Filters(options);
  TextMatch text = MatchText(dialect, q);
  std::string now = FormatUtc(db_.Now());

  return Run(db_, "检索", [&](soci::session& sql) -> Result<SearchResults> {
    // What a page of one kind is made of, in order: exact codes, then title matches, then the
    // other matches; within each, newest first (then the higher id).
    struct Match {
      long long id = 0;
      int rank = 0;  // -1 exact code, 0 title match, 1 text match
      std::string date;
    };
    auto newest_first = [](const Match& x, const Match& y) {
      if (x.rank != y.rank) return x.rank < y.rank;
      if (x.date != y.date) return x.date > y.date;
      return x.id > y.id;
    };

    // Exact codes first: their documents are kept out of the text matches so none counts twice.
    std::map<std::string, std::vector<Match>> exact;
    std::vector<std::string> exact_ids, exact_keys;
    if (q.code) {
      long long id = 0;
      std::string kind, date;
      soci::statement st =
          (sql.prepare << "SELECT c.document_id, d.kind, d.doc_date FROM search_codes c JOIN "
                          "search_documents d ON d.id = c.document_id WHERE c.code = " +
                              Literal(q.code->code) + filters,
           soci::into(id), soci::into(kind), soci::into(date));
      st.execute();
      while (st.fetch()) {
        exact_ids.push_back(std::to_string(id));
        exact_keys.push_back(std::to_string(
            FtsKey(SearchKindFromKey(kind).value_or(SearchKind::kPublication), date, id)));
        exact[kind].push_back({id, -1, date});
      }
    }

    std::vector<SearchKind> kinds = options.kinds;
    if (kinds.empty()) {
      for (const auto& k : SearchKinds()) kinds.push_back(k.value);
    }
    auto wanted = [&](SearchKind k) {
      return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
    };

    // Per kind: the total, and the page's matches in order.
    struct KindPage {
      int64_t total = 0;
      std::vector<Match> page;
    };
    std::map<SearchKind, KindPage> pages;
    const auto offset = static_cast<std::size_t>(options.offset);
    const auto limit = static_cast<std::size_t>(options.limit);

    if (!text.fts.empty()) {
      // SQLite, and the index alone decides: counted and paged inside FTS5 (see FtsKey).
      std::string agency =
          options.agency_id ? fmt::format(" AND (tags : \"a{}\")", *options.agency_id) : "";
      std::string all = "(" + text.fts + ")" + agency;
      std::string title = "(" + text.fts_title + ")" + agency;
      std::string rest = "((" + text.fts + ") NOT (" + text.fts_title + "))" + agency;
      std::string not_exact =
          exact_keys.empty() ? "" : " AND rowid NOT IN (" + Join(exact_keys, ", ") + ")";
      auto where = [&](const std::string& match, std::pair<long long, long long> range) {
        return fmt::format(
            " FROM search_fts WHERE search_fts MATCH {} AND rowid BETWEEN {} AND {}{}",
            Literal(match), range.first, range.second, not_exact);
      };
      auto count = [&](const std::string& match, std::pair<long long, long long> range) {
        long long n = 0;
        sql << "SELECT count(*)" + where(match, range), soci::into(n);
        return static_cast<std::size_t>(n);
      };
      auto keys = [&](const std::string& match, std::pair<long long, long long> range,
                      std::size_t n, std::size_t skip, int rank, std::vector<Match>* out) {
        // The id part only: SOCI reads a virtual table's column as a 32-bit integer.
        std::vector<long long> rows(std::max<std::size_t>(n, 1));
        sql << fmt::format("SELECT rowid % {}", kIdSpan) + where(match, range) +
                   fmt::format(" ORDER BY rowid DESC LIMIT {} OFFSET {}", n, skip),
            soci::into(rows);
        for (long long id : rows) out->push_back({id, rank, ""});
        return rows.size();
      };
      for (SearchKind kind : kinds) {
        auto range = FtsRange(kind, options.until);
        std::vector<Match> codes = exact[std::string(Key(kind))];
        std::sort(codes.begin(), codes.end(), newest_first);
        std::size_t text_total = count(all, range);
        KindPage kp;
        kp.total = static_cast<int64_t>(codes.size() + text_total);
        if (kp.total == 0) continue;
        std::size_t skip = offset, want = limit;
        for (std::size_t i = skip; i < codes.size() && want > 0; ++i, --want)
          kp.page.push_back(codes[i]);
        skip -= std::min(skip, codes.size());
        if (want > 0 && text_total > 0) {
          std::size_t got = keys(title, range, want, skip, 0, &kp.page);
          if (got < want) {
            std::size_t title_total = got > 0 || skip == 0 ? skip + got : count(title, range);
            skip -= std::min(skip, title_total);
            keys(rest, range, want - got, skip, 1, &kp.page);
          }
        }
        pages[kind] = std::move(kp);
      }
    } else {
      // Otherwise one pass over the matches' narrow rows; counting, grouping and ordering are
      // done here, then only the page's documents are read whole.
      std::string text_where = text.where + filters;
      if (!exact_ids.empty()) text_where += " AND d.id NOT IN (" + Join(exact_ids, ", ") + ")";
      std::map<std::string, std::vector<Match>> by_kind = exact;
      constexpr std::size_t kBatch = 4096;  // rows per fetch: a common word matches thousands
      std::vector<long long> ids(kBatch);
      std::vector<std::string> kind_keys(kBatch), dates(kBatch);
      std::vector<int> ranks(kBatch);
      soci::statement st =
          (sql.prepare << "SELECT d.id, d.kind, " + text.title_rank +
                              ", d.doc_date FROM search_documents d WHERE " + text_where,
           soci::into(ids), soci::into(kind_keys), soci::into(ranks), soci::into(dates));
      st.execute();
      while (st.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          by_kind[kind_keys[i]].push_back({ids[i], ranks[i], std::move(dates[i])});
        }
        ids.resize(kBatch);
        kind_keys.resize(kBatch);
        ranks.resize(kBatch);
        dates.resize(kBatch);
      }
      for (auto& [key, matches] : by_kind) {
        auto kind = SearchKindFromKey(key);
        if (!kind || !wanted(*kind) || matches.empty()) continue;
        KindPage kp;
        kp.total = static_cast<int64_t>(matches.size());
        std::size_t begin = std::min(matches.size(), offset);
        std::size_t end = std::min(matches.size(), begin + limit);
        // Only the page and what precedes it need to be in order.
        std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(end),
                          matches.end(), newest_first);
        kp.page.assign(matches.begin() + static_cast<std::ptrdiff_t>(begin),
                       matches.begin() + static_cast<std::ptrdiff_t>(end));
        pages[*kind] = std::move(kp);
      }
    }

    // Only the shown documents are read whole, one statement for all kinds.
    std::vector<std::string> shown;
    for (const auto& [kind, kp] : pages) {
      for (const Match& m : kp.page) shown.push_back(std::to_string(m.id));
    }
    std::map<long long, SearchHit> hits;
    if (!shown.empty()) {
      auto read = SelectHits(sql, "d.id IN (" + Join(shown, ", ") + ")", q.forms);
      if (!read.ok()) return read.status();
      hits = std::move(read).value();
    }
    for (const auto& kind : SearchKinds()) {
      auto it = pages.find(kind.value);
      if (it == pages.end()) continue;
      SearchGroup group;
      group.kind = kind.value;
      group.total = it->second.total;
      for (const Match& m : it->second.page) {
        auto hit = hits.find(m.id);
        if (hit == hits.end()) continue;  // removed meanwhile
        hit->second.exact_code = m.rank < 0;
        group.hits.push_back(std::move(hit->second));
      }
      results.total += group.total;
      results.groups.push_back(std::move(group));
    }
    if (results.total == 0 && options.log_miss) LogMiss(sql, MaskLongDigitRuns(q.normalized), now);
    return results;
  });
}

Result<int64_t> SearchIndex::Count() {
  return Run(db_, "统计检索索引", [&](soci::session& sql) -> Result<int64_t> {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM search_documents", soci::into(n);
    return static_cast<int64_t>(n);
  });
}

Result<int64_t> SearchIndex::Rebuild() {
  return RunInTransaction(db_, "重建检索索引", [&](soci::session& sql) -> Result<int64_t> {
    struct Stored {
      long long id = 0;
      SearchDocument doc;
    };
    std::vector<Stored> stored;
    {
      Stored row;
      std::string codes, kind;
      long long agency = 0;
      soci::statement st =
          (sql.prepare << "SELECT d.id, d.agency_id, d.kind, d.doc_date, d.title, d.codes, "
                          "t.summary, t.body, t.attachment_text FROM search_documents d JOIN "
                          "search_texts t ON t.document_id = d.id ORDER BY d.id",
           soci::into(row.id), soci::into(agency), soci::into(kind), soci::into(row.doc.date),
           soci::into(row.doc.title), soci::into(codes), soci::into(row.doc.summary),
           soci::into(row.doc.body), soci::into(row.doc.attachment_text));
      st.execute();
      while (st.fetch()) {
        row.doc.agency_id = agency;
        row.doc.kind = SearchKindFromKey(kind).value_or(SearchKind::kPublication);
        row.doc.codes.clear();
        for (std::size_t start = 0; start < codes.size();) {
          std::size_t end = codes.find('\n', start);
          if (end == std::string::npos) end = codes.size();
          if (end > start) row.doc.codes.push_back(codes.substr(start, end - start));
          start = end + 1;
        }
        stored.push_back(row);
      }
    }
    std::string now = FormatUtc(db_.Now());
    for (const auto& s : stored) {
      if (Status st =
              WriteEntry(sql, s.id, s.doc, BuildSearchEntry(s.doc, vocabulary_.pinyin), now);
          !st.ok())
        return st;
    }
    return static_cast<int64_t>(stored.size());
  });
}

Result<std::vector<SearchMiss>> SearchIndex::Misses(int limit) {
  return Run(db_, "读取无结果查询", [&](soci::session& sql) -> Result<std::vector<SearchMiss>> {
    SearchMiss m;
    long long count = 0;
    soci::statement st = (sql.prepare << fmt::format(
                              "SELECT query, count, last_at FROM search_misses ORDER BY count "
                              "DESC, last_at DESC, query LIMIT {}",
                              std::clamp(limit, 1, 10000)),
                          soci::into(m.query), soci::into(count), soci::into(m.last_at));
    st.execute();
    std::vector<SearchMiss> out;
    while (st.fetch()) {
      m.count = count;
      out.push_back(m);
    }
    return out;
  });
}

}  // namespace gongkai
