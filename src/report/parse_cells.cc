// Splitting concatenated digits. Some published reports lost every cell separator
// (「一、本年新收政府信息公开申请数量640020470」 is 64, 0, 0, 2, 0, 4, 70). The digits alone cannot
// be split; the layout can help: the row has a known number of cells, a count never has a
// leading zero, and the row obeys its sums (table B: total = the six applicant columns; table C:
// each block's total = upheld + corrected + other + pending). Every cut that satisfies all of
// that is returned; the caller flags the row ambiguous when more than one survives.

#include <algorithm>
#include <cstdint>

#include "report/parse_internal.h"

namespace gongkai::parse_internal {
namespace {

constexpr std::size_t kMaxDigits = 40;
constexpr std::size_t kMaxNumberDigits = 9;
constexpr long kStepBudget = 200000;

class Splitter {
 public:
  Splitter(std::u32string digits, std::vector<std::size_t> group_ends, int n,
           std::span<const SumRule> rules, std::size_t limit)
      : s_(std::move(digits)),
        group_ends_(std::move(group_ends)),
        n_(n),
        rules_(rules),
        limit_(limit),
        values_(n, 0),
        cuts_(n + 1, 0) {}

  // False when the search gave up (budget exhausted).
  bool Run() {
    Part(0, 0);
    return steps_ <= kStepBudget;
  }
  std::vector<std::vector<std::u32string>>& results() { return results_; }

 private:
  std::size_t NextGroupEnd(std::size_t pos) const {
    for (std::size_t e : group_ends_) {
      if (e > pos) return e;
    }
    return s_.size();
  }
  int GroupsAfter(std::size_t pos) const {
    int k = 0;
    for (std::size_t e : group_ends_) {
      if (e > pos) ++k;
    }
    return k;
  }

  bool RulesHoldUpTo(int k) const {
    for (const auto& r : rules_) {
      int last = r.total;
      for (int a : r.addends) last = std::max(last, a);
      if (last != k) continue;
      std::int64_t sum = 0;
      for (int a : r.addends) sum += values_[a];
      if (sum != values_[r.total]) return false;
    }
    return true;
  }

  void Part(int k, std::size_t pos) {
    if (results_.size() >= limit_ || ++steps_ > kStepBudget) return;
    const int parts_left = n_ - k;
    const std::size_t group_end = NextGroupEnd(pos);
    std::size_t max_end = std::min(group_end, pos + kMaxNumberDigits);
    if (parts_left == 1) {
      if (group_end != s_.size() || s_.size() - pos > kMaxNumberDigits) return;
      max_end = s_.size();
    }
    for (std::size_t e = max_end; e > pos; --e) {
      if (parts_left == 1 && e != s_.size()) break;
      if (e - pos > 1 && s_[pos] == U'0') continue;  // a count has no leading zero
      const int rest = parts_left - 1;
      if (rest > 0 && (s_.size() - e < static_cast<std::size_t>(rest) || GroupsAfter(e) > rest ||
                       (e == s_.size()))) {
        continue;
      }
      std::int64_t v = 0;
      for (std::size_t i = pos; i < e; ++i) v = v * 10 + (s_[i] - U'0');
      values_[k] = v;
      cuts_[k + 1] = e;
      if (!RulesHoldUpTo(k)) continue;
      if (rest == 0) {
        std::vector<std::u32string> parts;
        for (int i = 0; i < n_; ++i) parts.push_back(s_.substr(cuts_[i], cuts_[i + 1] - cuts_[i]));
        results_.push_back(std::move(parts));
        if (results_.size() >= limit_) return;
      } else {
        Part(k + 1, e);
      }
    }
  }

  const std::u32string s_;
  const std::vector<std::size_t> group_ends_;
  const int n_;
  const std::span<const SumRule> rules_;
  const std::size_t limit_;
  std::vector<std::int64_t> values_;
  std::vector<std::size_t> cuts_;
  std::vector<std::vector<std::u32string>> results_;
  long steps_ = 0;
};

}  // namespace

std::vector<std::vector<std::u32string>> SplitDigits(const std::vector<std::u32string>& groups,
                                                     int n, std::span<const SumRule> rules,
                                                     std::size_t limit) {
  std::u32string digits;
  std::vector<std::size_t> ends;
  for (const auto& g : groups) {
    if (g.empty()) return {};
    for (char32_t c : g) {
      if (c < U'0' || c > U'9') return {};
    }
    digits += g;
    ends.push_back(digits.size());
  }
  if (n <= 0 || digits.size() > kMaxDigits || digits.size() < static_cast<std::size_t>(n) ||
      groups.size() > static_cast<std::size_t>(n)) {
    return {};
  }
  Splitter splitter(std::move(digits), std::move(ends), n, rules, limit);
  if (!splitter.Run()) return {};
  return std::move(splitter.results());
}

}  // namespace gongkai::parse_internal
