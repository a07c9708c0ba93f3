#include "publications/vocab.h"

#include <array>

#include "law/vocab_table.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<PublicationKind>, 3> kKinds{{
    {PublicationKind::kRegulation, "regulation", "规章"},
    {PublicationKind::kNormativeDocument, "normative_document", "行政规范性文件"},
    {PublicationKind::kOther, "other", "其他政府信息"},
}};

constexpr std::array<VocabEntry<Validity>, 3> kValidities{{
    {Validity::kInForce, "in_force", "有效"},
    {Validity::kExpired, "expired", "失效"},
    {Validity::kRepealed, "repealed", "废止"},
}};

constexpr std::array<VocabEntry<PublicationChannel>, 14> kChannels{{
    {PublicationChannel::kWebsite, "website", "政府网站"},
    {PublicationChannel::kGazette, "gazette", "政府公报"},
    {PublicationChannel::kNewMedia, "new_media", "两微一端"},
    {PublicationChannel::kPressConference, "press_conference", "发布会/听证会"},
    {PublicationChannel::kBroadcast, "broadcast", "广播电视"},
    {PublicationChannel::kPrint, "print", "纸质媒体"},
    {PublicationChannel::kReadingRoom, "reading_room", "公开查阅点"},
    {PublicationChannel::kServiceCenter, "service_center", "政务服务中心"},
    {PublicationChannel::kServiceStation, "service_station", "便民服务站"},
    {PublicationChannel::kDoorToDoor, "door_to_door", "入户/现场"},
    {PublicationChannel::kNoticeBoard, "notice_board", "公示栏(电子屏)"},
    {PublicationChannel::kTargetedPush, "targeted_push", "精准推送"},
    {PublicationChannel::kHotline, "hotline_12345", "12345热线"},
    {PublicationChannel::kOther, "other", "其他"},
}};

constexpr std::array<CategoryEntry, 30> kCategories{{
    {"art20.1", "行政法规、规章和规范性文件", "第二十条第（一）项"},
    {"art20.2", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
     "第二十条第（二）项"},
    {"art20.3", "规划及相关政策", "第二十条第（三）项"},
    {"art20.4", "统计信息", "第二十条第（四）项"},
    {"art20.5", "行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
     "第二十条第（五）项"},
    {"art20.6", "行政处罚、行政强制的依据、条件、程序以及有一定社会影响的处罚决定",
     "第二十条第（六）项"},
    {"art20.7", "财政预算、决算", "第二十条第（七）项"},
    {"art20.8", "行政事业性收费项目及其依据、标准", "第二十条第（八）项"},
    {"art20.9", "政府集中采购", "第二十条第（九）项"},
    {"art20.10", "重大建设项目", "第二十条第（十）项"},
    {"art20.11", "扶贫、教育、医疗、社会保障、促进就业", "第二十条第（十一）项"},
    {"art20.12", "突发公共事件", "第二十条第（十二）项"},
    {"art20.13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查",
     "第二十条第（十三）项"},
    {"art20.14", "公务员招考", "第二十条第（十四）项"},
    {"art20.15", "其他依法应当主动公开的信息", "第二十条第（十五）项"},
    {"art21.city.1", "市政建设", "第二十一条（设区的市级、县级）"},
    {"art21.city.2", "公共服务", "第二十一条（设区的市级、县级）"},
    {"art21.city.3", "公益事业", "第二十一条（设区的市级、县级）"},
    {"art21.city.4", "土地征收", "第二十一条（设区的市级、县级）"},
    {"art21.city.5", "房屋征收", "第二十一条（设区的市级、县级）"},
    {"art21.city.6", "治安管理", "第二十一条（设区的市级、县级）"},
    {"art21.city.7", "社会救助", "第二十一条（设区的市级、县级）"},
    {"art21.town.1", "农业农村政策", "第二十一条（乡（镇））"},
    {"art21.town.2", "农田水利", "第二十一条（乡（镇））"},
    {"art21.town.3", "土地承包经营权流转", "第二十一条（乡（镇））"},
    {"art21.town.4", "宅基地", "第二十一条（乡（镇））"},
    {"art21.town.5", "土地征收", "第二十一条（乡（镇））"},
    {"art21.town.6", "房屋征收", "第二十一条（乡（镇））"},
    {"art21.town.7", "筹资筹劳", "第二十一条（乡（镇））"},
    {"art21.town.8", "社会救助", "第二十一条（乡（镇））"},
}};

template <typename E>
std::string JoinKeys(std::span<const VocabEntry<E>> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += " | ";
    out += e.key;
  }
  return out;
}

}  // namespace

std::span<const VocabEntry<PublicationKind>> PublicationKinds() { return kKinds; }
std::span<const VocabEntry<Validity>> Validities() { return kValidities; }
std::span<const VocabEntry<PublicationChannel>> PublicationChannels() { return kChannels; }

std::optional<PublicationKind> PublicationKindFromKey(std::string_view key) {
  return VocabFromKey(kKinds, key);
}
std::optional<Validity> ValidityFromKey(std::string_view key) {
  return VocabFromKey(kValidities, key);
}
std::optional<PublicationChannel> PublicationChannelFromText(std::string_view text) {
  for (const auto& e : kChannels) {
    if (e.key == text || e.label == text) return e.value;
  }
  return std::nullopt;
}

std::string_view Key(PublicationKind v) { return VocabEntryOf(kKinds, v).key; }
std::string_view Key(Validity v) { return VocabEntryOf(kValidities, v).key; }
std::string_view Key(PublicationChannel v) { return VocabEntryOf(kChannels, v).key; }
std::string_view Label(PublicationKind v) { return VocabEntryOf(kKinds, v).label; }
std::string_view Label(Validity v) { return VocabEntryOf(kValidities, v).label; }
std::string_view Label(PublicationChannel v) { return VocabEntryOf(kChannels, v).label; }

std::string AllowedKeys(std::span<const VocabEntry<PublicationKind>> t) { return JoinKeys(t); }
std::string AllowedKeys(std::span<const VocabEntry<Validity>> t) { return JoinKeys(t); }
std::string AllowedKeys(std::span<const VocabEntry<PublicationChannel>> t) { return JoinKeys(t); }

std::span<const CategoryEntry> StatutoryCategories() { return kCategories; }

std::optional<CategoryEntry> StatutoryCategory(std::string_view key) {
  for (const auto& e : kCategories) {
    if (e.key == key) return e;
  }
  return std::nullopt;
}

bool IsValidCategoryKey(std::string_view key) {
  if (StatutoryCategory(key)) return true;
  constexpr std::string_view kLocal = "local.";
  if (!key.starts_with(kLocal) || key.size() == kLocal.size()) return false;
  for (char c : key) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  return true;
}

std::string_view AllowedCategoriesText() {
  return "art20.1…art20.15（第二十条各项）、art21.city.1…art21.city.7（第二十一条，设区的市级、"
         "县级）、art21.town.1…art21.town.8（第二十一条，乡镇）或本机关目录的 local.<编码>";
}

}  // namespace gongkai
