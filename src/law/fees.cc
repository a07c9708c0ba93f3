// 国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知（国办函〔2020〕109号）:
//   按件计收: 同一申请人一个自然月内累计申请 10 件以下（含 10 件）的，不收费；11—30 件（含 30 件）
//   的部分，每件收费 100 元；31 件以上的部分，以 10 件为一档，每增加一档，收费标准提高 100 元/件。
//   按量计收: 30 页以下（含 30 页）的，不收费；31—100 页（含 100 页）的部分，每页收费 10 元；
//   101—200 页（含 200 页）的部分，每页收费 20 元；200 页以上的部分，每页收费 40 元。
// Counting convention: the ordinal counts every application of the applicant in the calendar
// month, the one being charged included (the 11th application is the first that is charged).
// Page bands are marginal: each page is charged at the rate of the band it falls in.

#include "law/fees.h"

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

constexpr int64_t kFenPerYuan = 100;
// Far beyond any real month (the ordinal is one applicant's applications in one month); bounds
// the band loop and keeps the arithmetic in range.
constexpr int kMaxApplicationOrdinal = 100000;

std::string Yuan(int64_t fen) {
  if (fen % kFenPerYuan == 0) return fmt::format("{} 元", fen / kFenPerYuan);
  return fmt::format("{}.{:02d} 元", fen / kFenPerYuan, fen % kFenPerYuan);
}

// Appends the part of [from, to] that falls in the band [first, last] (last < 0: open).
void AddBand(FeeQuote& q, int from, int to, int first, int last, int64_t fen_per_unit) {
  int lo = std::max(from, first);
  int hi = last < 0 ? to : std::min(to, last);
  if (lo > hi) return;
  FeeBand b{lo, hi, fen_per_unit, hi - lo + 1, (hi - lo + 1) * fen_per_unit};
  q.amount_fen += b.subtotal_fen;
  q.bands.push_back(b);
}

std::string BandLine(const FeeBand& b, std::string_view unit) {
  std::string range = b.first == b.last ? fmt::format("第 {} {}", b.first, unit)
                                        : fmt::format("第 {}—{} {}", b.first, b.last, unit);
  if (b.fen_per_unit == 0) return fmt::format("{}：{} {}，免费", range, b.units, unit);
  return fmt::format("{}：{} {} × {}/{} = {}", range, b.units, unit, Yuan(b.fen_per_unit), unit,
                     Yuan(b.subtotal_fen));
}

}  // namespace

Result<FeeQuote> PerApplicationFee(int first_ordinal, int count) {
  if (first_ordinal < 1) {
    return Status::InvalidInput(fmt::format(
        "申请序号 {} 无效：按件计收时，序号是同一申请人本自然月内的第几件申请，从 1 开始",
        first_ordinal));
  }
  if (count < 0) {
    return Status::InvalidInput(fmt::format("申请件数 {} 无效，应为非负整数", count));
  }
  if (first_ordinal > kMaxApplicationOrdinal - count) {
    return Status::InvalidInput(
        fmt::format("申请件数过大：第 {} 件起共 {} 件，超过一个月可能的上限 {} 件；请检查序号",
                    first_ordinal, count, kMaxApplicationOrdinal));
  }
  FeeQuote q;
  q.method = FeeMethod::kPerApplication;
  q.explanation.push_back(
      "按件计收（国办函〔2020〕109号）：同一申请人一个自然月内累计申请 1—10 件免费，11—30 件每件 "
      "100 元，31 件起每 10 件为一档，每档每件加收 100 元");
  if (count == 0) {
    q.explanation.push_back("本次没有申请，不收费");
    return q;
  }
  int last = first_ordinal + count - 1;
  AddBand(q, first_ordinal, last, 1, 10, 0);
  AddBand(q, first_ordinal, last, 11, 30, 100 * kFenPerYuan);
  for (int band = 31; band <= last; band += 10) {
    int64_t per = (200 + 100 * static_cast<int64_t>((band - 31) / 10)) * kFenPerYuan;
    AddBand(q, first_ordinal, last, band, band + 9, per);
  }
  for (const auto& b : q.bands) q.explanation.push_back(BandLine(b, "件"));
  q.explanation.push_back(fmt::format("合计：{}", Yuan(q.amount_fen)));
  return q;
}

Result<FeeQuote> PerPageFee(int pages) {
  if (pages < 0) {
    return Status::InvalidInput(fmt::format("页数 {} 无效，应为非负整数", pages));
  }
  FeeQuote q;
  q.method = FeeMethod::kPerPage;
  q.explanation.push_back(
      "按量计收（国办函〔2020〕109号）：1—30 页免费，31—100 页每页 10 元，101—200 页每页 20 元，"
      "201 页起每页 40 元，各段分别计算");
  AddBand(q, 1, pages, 1, 30, 0);
  AddBand(q, 1, pages, 31, 100, 10 * kFenPerYuan);
  AddBand(q, 1, pages, 101, 200, 20 * kFenPerYuan);
  AddBand(q, 1, pages, 201, -1, 40 * kFenPerYuan);
  for (const auto& b : q.bands) q.explanation.push_back(BandLine(b, "页"));
  q.explanation.push_back(fmt::format("合计：{}", Yuan(q.amount_fen)));
  return q;
}

}  // namespace gongkai
