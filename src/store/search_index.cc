#include "store/search_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "search/normalize.h"
#include "search/query.h"
#include "search/tokens.h"
#include "store/search_index_sql.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr int kMaxLimit = 200;
constexpr int kMaxOffset = 10000;

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

// The runs of Han characters of `form`, each as its bigrams (runs of one character skipped).
std::vector<std::vector<std::string>> BigramRuns(std::string_view form) {
  std::vector<std::vector<std::string>> runs;
  std::string run;
  auto flush = [&] {
    auto bigrams = RequiredBigrams(run);
    if (!bigrams.empty()) runs.push_back(std::move(bigrams));
    run.clear();
  };
  for (std::size_t pos = 0; pos < form.size();) {
    std::size_t begin = pos;
    if (IsHan(NextCodePoint(form, &pos))) {
      run.append(form.substr(begin, pos - begin));
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

// The condition (over alias d) that a document matches the text of `q`, and how to rank it.
struct TextMatch {
  std::string where;
  std::string title_rank;  // 0 when the title matches, 1 otherwise
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
    std::vector<std::string> alternatives;
    for (const auto& f : forms) {
      std::string word = f.substr(0, kMaxWordBytes);
      std::string pinyin = f.substr(0, kMaxPinyinTokenBytes);
      if (dialect == Dialect::kSqlite) {
        alternatives.push_back(fmt::format("tokens : \"{}\" *", word));
        if (q.ascii_letters)
          alternatives.push_back(fmt::format("pinyin_tokens : \"{}\" *", pinyin));
      } else {
        alternatives.push_back(
            fmt::format("d.tsv @@ CAST({} AS tsquery)", Literal("'" + word + "':*")));
        if (q.ascii_letters) {
          alternatives.push_back(
              fmt::format("d.pinyin_tsv @@ CAST({} AS tsquery)", Literal("'" + pinyin + "':*")));
        }
      }
    }
    m.where = dialect == Dialect::kSqlite
                  ? fmt::format("d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {})",
                                Literal(Join(alternatives, " OR ")))
                  : "(" + Join(alternatives, " OR ") + ")";
    return m;
  }

  // Any form without a bigram (one Han character, 12号): a scan of the folded text, exact.
  std::vector<std::vector<std::vector<std::string>>> runs_per_form;
  for (const auto& f : forms) runs_per_form.push_back(BigramRuns(f));
  if (std::any_of(runs_per_form.begin(), runs_per_form.end(),
                  [](const auto& runs) { return runs.empty(); })) {
    m.where = ContainsAny(dialect, "d.text_folded", forms);
    return m;
  }

  // Otherwise the index gives the candidates and the folded text confirms them, except where
  // the index alone is exact: on SQLite a phrase of bigrams is (fields are kept apart by a
  // break token), on PostgreSQL (no positions) a single bigram is.
  bool exact = true;
  std::vector<std::string> alternatives;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const auto& runs = runs_per_form[i];
    std::vector<std::string> parts;
    for (const auto& bigrams : runs) {
      if (dialect == Dialect::kSqlite) {
        parts.push_back("\"" + Join(bigrams, " ") + "\"");
      } else {
        std::vector<std::string> quoted;
        for (const auto& b : bigrams) quoted.push_back("'" + b + "'");
        parts.push_back(Join(quoted, " & "));
      }
    }
    alternatives.push_back("(" + Join(parts, dialect == Dialect::kSqlite ? " AND " : " & ") + ")");
    if (dialect == Dialect::kSqlite) {
      exact = exact && AllHan(forms[i]);
    } else {
      exact = exact && AllHan(forms[i]) && runs.size() == 1 && runs[0].size() == 1;
    }
  }
  m.where = dialect == Dialect::kSqlite
                ? fmt::format("d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {})",
                              Literal(Join(alternatives, " OR ")))
                : fmt::format("d.tsv @@ CAST({} AS tsquery)", Literal(Join(alternatives, " | ")));
  if (!exact) m.where += " AND " + ContainsAny(dialect, "d.text_folded", forms);
  return m;
}

std::string Filters(const SearchOptions& options) {
  std::string out;
  if (options.agency_id) out += fmt::format(" AND d.agency_id = {}", *options.agency_id);
  if (!options.kinds.empty()) {
    std::vector<std::string> keys;
    for (SearchKind k : options.kinds) keys.push_back(Literal(Key(k)));
    out += " AND d.kind IN (" + Join(keys, ", ") + ")";
  }
  return out;
}

constexpr std::string_view kHitColumns =
    "d.id, d.kind, d.agency_id, a.name, d.ref, d.title, d.doc_date, d.url, d.summary, d.body, "
    "d.attachment_text";

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

Result<std::vector<SearchHit>> SelectHits(soci::session& sql, const std::string& where,
                                          const std::string& order, int limit, int offset,
                                          const std::vector<std::string>& forms, bool exact_code) {
  HitRow row;
  soci::statement st(sql);
  row.Bind(st);
  st.alloc();
  st.prepare(
      fmt::format("SELECT {} FROM search_documents d JOIN agencies a ON a.id = d.agency_id "
                  "WHERE {} ORDER BY {} LIMIT {} OFFSET {}",
                  kHitColumns, where, order, limit, offset));
  st.define_and_bind();
  st.execute();
  std::vector<SearchHit> out;
  while (st.fetch()) out.push_back(row.ToHit(forms, exact_code));
  return out;
}

// Counts of the documents matching `where`, per kind key.
std::map<std::string, int64_t> CountByKind(soci::session& sql, const std::string& where) {
  std::map<std::string, int64_t> out;
  std::string kind;
  long long count = 0;
  soci::statement st = (sql.prepare << "SELECT d.kind, COUNT(*) FROM search_documents d WHERE " +
                                           where + " GROUP BY d.kind",
                        soci::into(kind), soci::into(count));
  st.execute();
  while (st.fetch()) out[kind] = count;
  return out;
}

void LogMiss(soci::session& sql, const std::string& query, const std::string& now) {
  sql << "INSERT INTO search_misses (query, count, first_at, last_at) VALUES (:q, 1, :f, :l) "
         "ON CONFLICT (query) DO UPDATE SET count = search_misses.count + 1, "
         "last_at = excluded.last_at",
      soci::use(query), soci::use(now), soci::use(now);
}

Status WriteEntry(soci::session& sql, long long id, const SearchEntry& e, const std::string& now) {
  sql << "UPDATE search_documents SET title_folded = :tf, text_folded = :xf, tokens = :tk, "
         "title_pinyin = :tp, pinyin_tokens = :pt, updated_at = :u WHERE id = :id",
      soci::use(e.title_folded), soci::use(e.text_folded), soci::use(e.tokens),
      soci::use(e.title_pinyin), soci::use(e.pinyin_tokens), soci::use(now), soci::use(id);
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
    sql << "UPDATE search_documents SET title = :t, codes = :c, doc_date = :d, url = :url, "
           "summary = :s, body = :b, attachment_text = :x WHERE id = :id",
        soci::use(doc.title), soci::use(codes), soci::use(doc.date), soci::use(doc.url),
        soci::use(doc.summary), soci::use(doc.body), soci::use(doc.attachment_text), soci::use(id);
  } else {
    sql << "INSERT INTO search_documents (agency_id, kind, ref, title, codes, doc_date, url, "
           "summary, body, attachment_text, title_folded, text_folded, tokens, title_pinyin, "
           "pinyin_tokens, updated_at) VALUES (:a, :k, :r, :t, :c, :d, :url, :s, :b, :x, '', '', "
           "'', '', '', :u)",
        soci::use(agency), soci::use(kind), soci::use(doc.ref), soci::use(doc.title),
        soci::use(codes), soci::use(doc.date), soci::use(doc.url), soci::use(doc.summary),
        soci::use(doc.body), soci::use(doc.attachment_text), soci::use(now);
    sql << "SELECT id FROM search_documents WHERE agency_id = :a AND kind = :k AND ref = :r",
        soci::into(id), soci::use(agency), soci::use(kind), soci::use(doc.ref);
  }
  return WriteEntry(sql, id, e, now);
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
    // Exact codes first: their documents are kept out of the text matches so none counts twice.
    std::vector<std::string> exact_ids;
    if (q.code) {
      long long id = 0;
      soci::statement st =
          (sql.prepare << "SELECT c.document_id FROM search_codes c JOIN search_documents d ON "
                          "d.id = c.document_id WHERE c.code = " +
                              Literal(q.code->code) + filters,
           soci::into(id));
      st.execute();
      while (st.fetch()) exact_ids.push_back(std::to_string(id));
    }
    std::string exact_where = exact_ids.empty() ? "" : "d.id IN (" + Join(exact_ids, ", ") + ")";
    std::string text_where = text.where + filters;
    if (!exact_ids.empty()) text_where += " AND d.id NOT IN (" + Join(exact_ids, ", ") + ")";

    auto exact_counts =
        exact_where.empty() ? std::map<std::string, int64_t>{} : CountByKind(sql, exact_where);
    auto text_counts = CountByKind(sql, text_where);
    for (const auto& kind : SearchKinds()) {
      std::string key(kind.key);
      int64_t exact_n = exact_counts.contains(key) ? exact_counts[key] : 0;
      int64_t text_n = text_counts.contains(key) ? text_counts[key] : 0;
      if (exact_n + text_n == 0) continue;
      SearchGroup group;
      group.kind = kind.value;
      group.total = exact_n + text_n;
      std::string of_kind = " AND d.kind = " + Literal(key);
      int limit = options.limit;
      int offset = options.offset;
      if (offset < exact_n) {
        auto hits = SelectHits(sql, exact_where + of_kind, "d.doc_date DESC, d.id DESC", limit,
                               offset, q.forms, true);
        if (!hits.ok()) return hits.status();
        group.hits = std::move(hits).value();
        limit -= static_cast<int>(group.hits.size());
        offset = 0;
      } else {
        offset -= static_cast<int>(exact_n);
      }
      if (limit > 0 && text_n > 0) {
        auto hits =
            SelectHits(sql, text_where + of_kind, text.title_rank + ", d.doc_date DESC, d.id DESC",
                       limit, offset, q.forms, false);
        if (!hits.ok()) return hits.status();
        group.hits.insert(group.hits.end(), hits->begin(), hits->end());
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
      std::string codes;
      soci::statement st =
          (sql.prepare << "SELECT id, title, codes, summary, body, attachment_text FROM "
                          "search_documents ORDER BY id",
           soci::into(row.id), soci::into(row.doc.title), soci::into(codes),
           soci::into(row.doc.summary), soci::into(row.doc.body),
           soci::into(row.doc.attachment_text));
      st.execute();
      while (st.fetch()) {
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
      if (Status st = WriteEntry(sql, s.id, BuildSearchEntry(s.doc, vocabulary_.pinyin), now);
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
