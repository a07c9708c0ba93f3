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
            fmt::format("tsv @@ CAST({} AS tsquery)", Literal("'" + word + "':*")));
        if (q.ascii_letters) {
          alternatives.push_back(
              fmt::format("pinyin_tsv @@ CAST({} AS tsquery)", Literal("'" + pinyin + "':*")));
        }
      }
    }
    m.where = dialect == Dialect::kSqlite
                  ? fmt::format("d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {})",
                                Literal(Join(alternatives, " OR ")))
                  : "d.id IN (SELECT document_id FROM search_texts WHERE " +
                        Join(alternatives, " OR ") + ")";
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
  m.where = dialect == Dialect::kSqlite
                ? fmt::format("d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {})",
                              Literal(Join(alternatives, " OR ")))
                : fmt::format(
                      "d.id IN (SELECT document_id FROM search_texts WHERE tsv @@ CAST({} AS "
                      "tsquery))",
                      Literal(Join(alternatives, " | ")));
  if (!exact) {
    m.where += " AND EXISTS (SELECT 1 FROM search_texts t WHERE t.document_id = d.id AND " +
               ContainsAny(dialect, "t.text_folded", forms) + ")";
  }
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
  sql << "UPDATE search_documents SET title_folded = :tf, title_pinyin = :tp, updated_at = :u "
         "WHERE id = :id",
      soci::use(e.title_folded), soci::use(e.title_pinyin), soci::use(now), soci::use(id);
  sql << "DELETE FROM search_texts WHERE document_id = :id", soci::use(id);
  sql << "INSERT INTO search_texts (document_id, summary, body, attachment_text, text_folded, "
         "tokens, pinyin_tokens) VALUES (:id, :s, :b, :x, :xf, :tk, :pt)",
      soci::use(id), soci::use(doc.summary), soci::use(doc.body), soci::use(doc.attachment_text),
      soci::use(e.text_folded), soci::use(e.tokens), soci::use(e.pinyin_tokens);
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
    std::string text_where = text.where + filters;
    if (!exact_ids.empty()) text_where += " AND d.id NOT IN (" + Join(exact_ids, ", ") + ")";

    // One pass over the matches' narrow rows; counting, grouping and ordering are done here,
    // then only the page's documents are read whole.
    struct Match {
      long long id = 0;
      int rank = 0;  // -1 exact code, 0 title match, 1 text match
      std::string date;
    };
    std::map<std::string, std::vector<Match>> by_kind;
    auto collect = [&](const std::string& rank, const std::string& where) {
      constexpr std::size_t kBatch = 4096;  // rows per fetch: a common word matches thousands
      std::vector<long long> ids(kBatch);
      std::vector<std::string> kinds(kBatch), dates(kBatch);
      std::vector<int> ranks(kBatch);
      soci::statement st =
          (sql.prepare << "SELECT d.id, d.kind, " + rank +
                              ", d.doc_date FROM search_documents d WHERE " + where,
           soci::into(ids), soci::into(kinds), soci::into(ranks), soci::into(dates));
      st.execute();
      while (st.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          by_kind[kinds[i]].push_back({ids[i], ranks[i], std::move(dates[i])});
        }
        ids.resize(kBatch);
        kinds.resize(kBatch);
        ranks.resize(kBatch);
        dates.resize(kBatch);
      }
    };
    if (!exact_ids.empty()) collect("-1", "d.id IN (" + Join(exact_ids, ", ") + ")");
    collect(text.title_rank, text_where);

    for (const auto& kind : SearchKinds()) {
      auto it = by_kind.find(std::string(kind.key));
      if (it == by_kind.end() || it->second.empty()) continue;
      std::vector<Match>& matches = it->second;
      SearchGroup group;
      group.kind = kind.value;
      group.total = static_cast<int64_t>(matches.size());
      std::size_t begin = std::min(matches.size(), static_cast<std::size_t>(options.offset));
      std::size_t end = std::min(matches.size(), begin + static_cast<std::size_t>(options.limit));
      // Only the page and what precedes it need to be in order.
      std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(end),
                        matches.end(), [](const Match& x, const Match& y) {
                          if (x.rank != y.rank) return x.rank < y.rank;
                          if (x.date != y.date) return x.date > y.date;
                          return x.id > y.id;
                        });
      if (begin < end) {
        std::vector<std::string> ids;
        for (std::size_t i = begin; i < end; ++i) ids.push_back(std::to_string(matches[i].id));
        auto hits = SelectHits(sql, "d.id IN (" + Join(ids, ", ") + ")", q.forms);
        if (!hits.ok()) return hits.status();
        for (std::size_t i = begin; i < end; ++i) {
          auto hit = hits->find(matches[i].id);
          if (hit == hits->end()) continue;  // removed meanwhile
          hit->second.exact_code = matches[i].rank < 0;
          group.hits.push_back(std::move(hit->second));
        }
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
          (sql.prepare << "SELECT d.id, d.title, d.codes, t.summary, t.body, t.attachment_text "
                          "FROM search_documents d JOIN search_texts t ON t.document_id = d.id "
                          "ORDER BY d.id",
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
