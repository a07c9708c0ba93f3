// An agency's 基层政务公开标准目录 (国办发〔2019〕54号; ../shared/spec/proactive.md §4): the local
// standard catalogue of what a county or township must publish, one row per disclosure item, with
// the columns 序号 · 公开事项 (一级, 二级) · 公开内容(要素) · 公开依据 · 公开时限 · 公开主体 ·
// 公开渠道和载体 · 公开对象 (全社会 / 特定群体) · 公开方式 (主动 / 依申请) · 公开层级 (县级 /
// 乡级).
//
// A row is linked to the register's items through their 主题分类: the row with 序号 N is the
// category key `local.N` (publications/vocab.h), which is what the interchange format's
// `category` field names "a local catalogue key" (spec §6). So an item filed under a standard
// catalogue row carries that row instead of an Art. 20/21 category (spec §2: 主题分类 is one or
// the other).
//
// Reading a table (CSV, the first worksheet of an XLSX) is all or nothing like the register's:
// every bad cell is named by its row and column. The header is one row of column names (Chinese,
// full- or half-width brackets, or the English field names), or the official two-row layout
// whose second row names the sub-columns (一级事项 二级事项 全社会 特定群体 主动 依申请 县级 乡级);
// sub-columns hold a mark (√) for yes and nothing for no, whole columns (公开对象 …) hold the
// words ("全社会、特定群体"). An empty 一级事项 repeats the one above it (a merged cell).
// Pure functions; safe from any thread.

#ifndef GONGKAI_PUBLICATIONS_STANDARD_CATALOGUE_H_
#define GONGKAI_PUBLICATIONS_STANDARD_CATALOGUE_H_

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "publications/tabular.h"
#include "util/status.h"

namespace gongkai {

// The yes/no marks of a row, as bits. DO NOT CHANGE the keys of StandardFlagKeys: they are
// stored in standard_catalogue_rows.flags and printed by `publications standard list --json`.
enum StandardFlag : unsigned {
  kForEveryone = 1u << 0,   // 公开对象：全社会
  kForGroups = 1u << 1,     // 公开对象：特定群体
  kProactive = 1u << 2,     // 公开方式：主动
  kOnRequest = 1u << 3,     // 公开方式：依申请
  kCountyLevel = 1u << 4,   // 公开层级：县级
  kTownshipLevel = 1u << 5  // 公开层级：乡级
};

struct StandardCatalogueRow {
  std::string number;    // 序号, unique in the catalogue, no spaces: the key is "local." + number
  std::string topic;     // 公开事项（一级事项）, required
  std::string subtopic;  // 公开事项（二级事项）, may be empty
  std::string content;   // 公开内容（要素）
  std::string basis;     // 公开依据
  std::string time_limit;  // 公开时限, as written ("信息形成或者变更之日起20个工作日内")
  std::string subject;   // 公开主体
  std::string channels;  // 公开渠道和载体, as written
  unsigned flags = 0;    // StandardFlag bits
  std::string note;      // 备注
};

// "local." + row.number: the 主题分类 key of the items filed under the row.
std::string StandardRowKey(const StandardCatalogueRow& row);
// "一级事项 · 二级事项" (just the 一级 when there is no 二级).
std::string StandardRowTitle(const StandardCatalogueRow& row);

// The words of one group of marks: "audience" (全社会、特定群体), "mode" (主动、依申请) or
// "level" (县级、乡级); "—" when none is marked.
std::string StandardFlagsText(unsigned flags, std::string_view group);
// The stored form of the marks, keys joined by ",": "everyone,proactive,county".
std::string StandardFlagKeys(unsigned flags);
// Back from StandardFlagKeys; unknown keys are ignored (REQUIRES: text written by it).
unsigned StandardFlagsFromKeys(std::string_view keys);

// The rows of a table whose first row (or first two rows) is the header; `source` names the file
// in messages. kInvalidInput listing every bad cell as `source：第 R 行 C 列（列名）：problem`
// (missing 序号 or 一级事项 column, an empty or repeated 序号, a 序号 with spaces, an unknown
// column, a mark or word that is not one of the allowed ones), and no row unless all are good.
Result<std::vector<StandardCatalogueRow>> StandardCatalogueFromRows(std::span<const CellRow> rows,
                                                                    std::string_view source);

// One row as JSON: number, key, topic, subtopic, content, basis, time_limit, subject, channels,
// audience/mode/level (arrays of Chinese words), note.
nlohmann::ordered_json StandardRowJson(const StandardCatalogueRow& row);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_STANDARD_CATALOGUE_H_
