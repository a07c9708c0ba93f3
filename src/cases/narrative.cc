#include "cases/narrative.h"

#include <fmt/format.h>

#include <array>

namespace gongkai {

std::string_view SectionTitle(int section) {
  static constexpr std::array<std::string_view, 6> kTitles{
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
  };
  return section >= 1 && section <= 6 ? kTitles[section - 1] : "";
}

std::vector<int> EmptyRequiredSections(const std::map<int, std::string>& narratives) {
  std::vector<int> out;
  for (int section : {5, 6}) {
    auto it = narratives.find(section);
    if (it == narratives.end() || it->second.find_first_not_of(" \t\r\n") == std::string::npos) {
      out.push_back(section);
    }
  }
  return out;
}

std::vector<std::string> NarrativeFactLines(const NarrativeFacts& f) {
  return {
      fmt::format("本年新收政府信息公开申请 {} 件，上年结转 {} 件。", f.received, f.carried_over),
      fmt::format("本年办结 {} 件，其中按期答复 {} 件，逾期答复 {} 件；结转下年度 {} 件。",
                  f.closed, f.answered_on_time, f.answered_late, f.carried_forward),
      fmt::format("发出补正告知 {} 次，延期答复 {} 件。", f.correction_requests, f.extensions),
      fmt::format("收取信息处理费 {} 件，共 {}.{:02d} 元。", f.fee_cases, f.fees_charged_fen / 100,
                  f.fees_charged_fen % 100),
      fmt::format("被申请行政复议 {} 件，被提起行政诉讼 {} 件。", f.reconsiderations_filed,
                  f.litigations_filed),
  };
}

std::string GeneratedSectionText(int section, const NarrativeFacts& facts) {
  switch (section) {
    case 1: {
      std::string text;
      for (const std::string& line : NarrativeFactLines(facts)) text += line;
      return text;
    }
    case 2:
      return "本年度主动公开政府信息情况见下表。";
    case 3:
      return "本年度收到和处理政府信息公开申请情况见下表。";
    case 4:
      return "本年度政府信息公开行政复议、行政诉讼情况见下表。";
    default:
      return "";
  }
}

}  // namespace gongkai
