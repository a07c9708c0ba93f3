// How a sample case is drawn. The reply is planned in *counted* working days (the clock of
// Art. 33, which stops during consultations and unpaid fees and restarts after a 补正), and each
// step is placed on the calendar by walking that clock, so the proportions below are the
// proportions of on-time, extended and late replies whatever holidays the dates cross. Weights are
// per mille and chosen to resemble published reports, not measured from any one of them.

#include "cases/sample.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <optional>

#include "law/fees.h"

namespace gongkai {
namespace {

// splitmix64: small, fast, and identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Uniform(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool PerMille(int p) { return Uniform(0, 999) < p; }
  template <typename T, std::size_t N>
  T Pick(const std::array<std::pair<T, int>, N>& weighted) {
    int total = 0;
    for (const auto& [v, w] : weighted) total += w;
    int x = Uniform(0, total - 1);
    for (const auto& [v, w] : weighted) {
      if (x < w) return v;
      x -= w;
    }
    return weighted.back().first;
  }

 private:
  uint64_t state_;
};

using T = EventType;

constexpr std::array<std::pair<ApplicantKind, int>, 6> kKinds{{
    {ApplicantKind::kNaturalPerson, 860},
    {ApplicantKind::kCommercial, 60},
    {ApplicantKind::kResearch, 8},
    {ApplicantKind::kPublicInterest, 7},
    {ApplicantKind::kLegalService, 40},
    {ApplicantKind::kOtherOrg, 25},
}};

constexpr std::array<std::pair<Channel, int>, 6> kChannelMix{{
    {Channel::kInternet, 560},
    {Channel::kPostSigned, 240},
    {Channel::kInPerson, 120},
    {Channel::kPostOrdinary, 40},
    {Channel::kFax, 10},
    {Channel::kOral, 30},
}};

constexpr std::array<std::pair<Outcome, int>, 18> kAnswers{{
    {Outcome::kGranted, 430},
    {Outcome::kPartial, 100},
    {Outcome::kRefusedStateSecret, 2},
    {Outcome::kRefusedLawForbidden, 10},
    {Outcome::kRefusedSecurityStability, 3},
    {Outcome::kRefusedThirdParty, 25},
    {Outcome::kRefusedInternalAffairs, 10},
    {Outcome::kRefusedProcessInfo, 20},
    {Outcome::kRefusedEnforcementFile, 5},
    {Outcome::kRefusedInquiryMatter, 5},
    {Outcome::kUnavailableNotHeld, 230},
    {Outcome::kUnavailableNeedsCreation, 30},
    {Outcome::kUnavailableUnclear, 10},
    {Outcome::kNotProcessedPetition, 45},
    {Outcome::kNotProcessedRepeat, 40},
    {Outcome::kNotProcessedPublication, 10},
    {Outcome::kNotProcessedExcessive, 5},
    {Outcome::kNotProcessedConfirm, 20},
}};

constexpr std::array<std::pair<RemedyResult, int>, 3> kRemedyResultsMix{{
    {RemedyResult::kUpheld, 700},
    {RemedyResult::kCorrected, 150},
    {RemedyResult::kOther, 150},
}};

constexpr std::array<const char*, 12> kSurnames = {"张", "王", "李", "赵", "刘", "陈",
                                                   "杨", "黄", "周", "吴", "徐", "孙"};
constexpr std::array<const char*, 4> kDeliveryMethods = {"电子邮件", "邮寄", "当面领取",
                                                         "网上平台"};

// Appends the events of one case, refusing (and stopping at) anything past the limit or outside
// the calendar, so every prefix it leaves is a legal history.
class CaseBuilder {
 public:
  CaseBuilder(const Calendar& calendar, Date limit, std::vector<Event>& events)
      : calendar_(calendar), limit_(limit), events_(events) {}

  bool stopped() const { return stopped_; }
  Date last() const { return events_.back().date; }

  // The n-th working day after `d`; nullopt (and the case stops) outside the calendar.
  std::optional<Date> Wd(std::optional<Date> d, int n) {
    if (stopped_ || !d) return std::nullopt;
    auto r = calendar_.AddWorkingDays(*d, n);
    if (!r.ok()) {
      stopped_ = true;
      return std::nullopt;
    }
    return *r;
  }

  // Appends an event of `type` on `date` built from `proto`; false when the case has stopped.
  bool Add(Event proto, EventType type, std::optional<Date> date) {
    if (stopped_ || !date || *date > limit_) {
      stopped_ = true;
      return false;
    }
    proto.type = type;
    proto.date = *date;
    events_.push_back(std::move(proto));
    return true;
  }

 private:
  const Calendar& calendar_;
  Date limit_;
  std::vector<Event>& events_;
  bool stopped_ = false;
};

std::string ApplicantName(Rng& rng, ApplicantKind kind) {
  if (kind == ApplicantKind::kNaturalPerson) {
    return fmt::format("{}某某", kSurnames[static_cast<std::size_t>(rng.Uniform(0, 11))]);
  }
  static constexpr std::array<const char*, 6> kOrgs = {
      "", "某某科技有限公司", "某某研究院", "某某公益基金会", "某某律师事务所", "某某协会"};
  return kOrgs[static_cast<std::size_t>(kind)];
}

// The remedies after a reply: reconsideration (then maybe a lawsuit) or a direct lawsuit.
void AddRemedies(Rng& rng, CaseBuilder& b, const Event& base, bool refused) {
  Date answered = b.last();
  if (rng.PerMille(refused ? 150 : 35)) {
    Date filed = AddDays(answered, rng.Uniform(5, 55));
    Event application = base;
    application.body = "某某市人民政府";
    if (!b.Add(application, T::kReconsiderationFiled, filed)) return;
    if (!rng.PerMille(850)) return;  // still pending
    Event decided = base;
    decided.result = rng.Pick(kRemedyResultsMix);
    if (!b.Add(decided, T::kReconsiderationDecided, AddDays(filed, rng.Uniform(30, 80)))) return;
    if (!rng.PerMille(250)) return;
    Event sued = base;
    sued.after_reconsideration = true;
    Date lawsuit = AddDays(b.last(), rng.Uniform(3, 14));
    if (!b.Add(sued, T::kLitigationFiled, lawsuit)) return;
    if (!rng.PerMille(600)) return;
    Event judged = base;
    judged.result = rng.Pick(kRemedyResultsMix);
    b.Add(judged, T::kLitigationDecided, AddDays(lawsuit, rng.Uniform(60, 240)));
  } else if (rng.PerMille(refused ? 40 : 10)) {
    Event sued = base;
    sued.after_reconsideration = false;
    Date lawsuit = AddDays(answered, rng.Uniform(10, 170));
    if (!b.Add(sued, T::kLitigationFiled, lawsuit)) return;
    if (!rng.PerMille(600)) return;
    Event judged = base;
    judged.result = rng.Pick(kRemedyResultsMix);
    b.Add(judged, T::kLitigationDecided, AddDays(lawsuit, rng.Uniform(60, 300)));
  }
}

void GenerateCase(Rng& rng, const Calendar& calendar, Date limit, Date receipt,
                  std::string case_number, const std::string& agency, std::vector<Event>& events) {
  Event base;
  base.case_number = std::move(case_number);
  base.agency = agency;
  CaseBuilder b(calendar, limit, events);

  Event received = base;
  ApplicantKind kind = rng.Pick(kKinds);
  Channel channel = rng.Pick(kChannelMix);
  received.applicant_kind = kind;
  received.applicant_name = ApplicantName(rng, kind);
  received.channel = channel;
  if (channel == Channel::kPostOrdinary) {
    received.arrived = AddDays(receipt, -rng.Uniform(0, 3));  // confirmed with the applicant later
  } else if (channel == Channel::kInternet) {
    received.arrived = AddDays(receipt, -rng.Uniform(0, 1));  // confirmed the next day
  }
  if (!b.Add(received, T::kReceived, receipt)) return;

  // Art. 30 补正: one round, sometimes a second; some applicants never answer.
  Date start = receipt;  // day 0 of the reply clock
  bool corrected = false;
  if (rng.PerMille(125)) {
    for (int round = 0; round < 2; ++round) {
      int notice_wd = round == 0 && rng.PerMille(50) ? rng.Uniform(8, 10) : rng.Uniform(1, 6);
      auto requested = b.Wd(start, notice_wd);
      if (!requested) return;
      Event request = base;
      request.deadline = AddDays(*requested, 15);
      Date deadline = *request.deadline;
      if (!b.Add(request, T::kCorrectionRequested, requested)) return;
      if (rng.PerMille(200)) {
        Event gave_up = base;
        gave_up.reason = WithdrawalReason::kNoCorrection;
        b.Add(gave_up, T::kDeemedWithdrawn, AddDays(deadline, rng.Uniform(1, 5)));
        return;
      }
      auto answered = b.Wd(requested, rng.Uniform(1, 8));
      if (!answered) return;
      if (!b.Add(base, T::kCorrectionReceived, std::min(*answered, deadline))) return;
      start = b.last();
      corrected = true;
      if (!rng.PerMille(150)) break;
    }
  }

  // Art. 35: asked to explain many applications; unconvincing → 不予处理.
  if (rng.PerMille(15)) {
    auto asked = b.Wd(start, rng.Uniform(1, 3));
    if (!b.Add(base, T::kReasonsRequested, asked)) return;
    Event reasons = base;
    reasons.accepted = rng.PerMille(500);
    if (!b.Add(reasons, T::kReasonsReceived, b.Wd(asked, rng.Uniform(2, 8)))) return;
    if (!*reasons.accepted) {
      Event answer = base;
      answer.outcome = Outcome::kNotProcessedExcessive;
      b.Add(answer, T::kAnswered, b.Wd(b.last(), rng.Uniform(1, 3)));
      return;
    }
  }

  // Plan the reply in counted working days, then walk the clock.
  int extension = rng.PerMille(60) ? rng.Uniform(5, 20) : 0;
  int answer_wd = extension > 0       ? rng.Uniform(21, 20 + extension)
                  : rng.PerMille(150) ? rng.Uniform(0, 2)
                                      : rng.Uniform(3, 19);
  if (rng.PerMille(30)) answer_wd = 20 + extension + rng.Uniform(1, 10);  // late
  std::optional<Date> day0 = start;  // the clock's current day 0 (a resume point)
  int consumed = 0;                  // counted working days before day0
  int last_counted = 0;              // counted day of the last planned step
  // The date of counted day `counted`, never before the last event.
  auto at = [&](int counted) -> std::optional<Date> {
    last_counted = std::max(last_counted, counted);
    auto d = b.Wd(day0, std::max(0, counted - consumed));
    if (!d) return d;
    return std::max(*d, b.last());
  };

  bool consult = answer_wd >= 3 && rng.PerMille(80);
  bool fee = answer_wd >= 4 && rng.PerMille(30);
  int consult_at = consult ? rng.Uniform(1, std::min(8, answer_wd - 2)) : 0;
  int fee_at = fee ? rng.Uniform(std::max(consult_at, 1), std::min(12, answer_wd - 1)) : 0;
  if (consult) {
    auto sent = at(consult_at);
    Event request = base;
    bool co_author = rng.PerMille(200);
    request.party = co_author ? ConsultationParty::kCoAuthor : ConsultationParty::kThirdParty;
    request.to = co_author ? "某某区某某局" : "某某有限公司";
    if (!b.Add(request, T::kConsultationSent, sent)) return;
    if (rng.PerMille(250)) {
      if (!b.Add(base, T::kConsultationTimedOut, b.Wd(sent, 16))) return;
    } else {
      Event reply = base;
      reply.agrees = rng.PerMille(700);
      if (!b.Add(reply, T::kConsultationAnswered, b.Wd(sent, rng.Uniform(1, 15)))) return;
    }
    day0 = b.last();
    consumed = consult_at;
  }
  if (fee) {
    auto sent = at(fee_at);
    Event notice = base;
    bool per_page = rng.PerMille(300);
    auto quote =
        per_page ? PerPageFee(rng.Uniform(31, 300)) : PerApplicationFee(rng.Uniform(11, 45));
    notice.method = std::string(Key(per_page ? FeeMethod::kPerPage : FeeMethod::kPerApplication));
    notice.amount_fen = quote.ok() ? quote->amount_fen : 0;
    if (!b.Add(notice, T::kFeeNoticeSent, sent)) return;
    if (rng.PerMille(200)) {
      Event unpaid = base;
      unpaid.reason = WithdrawalReason::kFeeUnpaid;
      b.Add(unpaid, T::kDeemedWithdrawn, b.Wd(sent, 21));
      return;
    }
    if (!b.Add(base, T::kFeePaid, b.Wd(sent, rng.Uniform(1, 15)))) return;
    day0 = b.last();
    consumed = fee_at;
  }
  if (extension > 0) {
    Event approval = base;
    approval.working_days = extension;
    approval.approved_by = "政府信息公开工作机构负责人";
    if (!b.Add(approval, T::kExtensionApproved, at(rng.Uniform(std::max(consumed, 15), 19)))) {
      return;
    }
  }
  if (rng.PerMille(25)) {
    b.Add(base, T::kWithdrawn, at(rng.Uniform(last_counted, std::max(last_counted, answer_wd))));
    return;
  }

  Event answer = base;
  Outcome outcome = rng.Pick(kAnswers);
  if (outcome == Outcome::kUnavailableUnclear && !corrected) outcome = Outcome::kUnavailableNotHeld;
  if (consult && rng.PerMille(300)) outcome = Outcome::kRefusedThirdParty;
  answer.outcome = outcome;
  if (!b.Add(answer, T::kAnswered, at(std::max(answer_wd, last_counted)))) return;

  if (rng.PerMille(900)) {
    Event delivered = base;
    delivered.method = kDeliveryMethods[static_cast<std::size_t>(rng.Uniform(0, 3))];
    if (!b.Add(delivered, T::kDelivered, AddDays(b.last(), rng.Uniform(0, 3)))) return;
  }
  AddRemedies(rng, b, base, IsRefusal(outcome));
}

}  // namespace

void GenerateSampleCases(const Calendar& calendar, const SampleOptions& options,
                         const std::function<void(std::vector<Event>&&)>& sink) {
  if (options.count <= 0 || options.last_receipt < options.first_receipt) return;
  const Date calendar_end{std::chrono::year(calendar.last_year()), std::chrono::December,
                          std::chrono::day(31)};
  const Date limit = std::min(options.as_of, calendar_end);

  // Receipt dates first, sorted, so case numbers follow receipt order.
  Rng dates(options.seed);
  const int first = DayNumber(options.first_receipt);
  const int span = DayNumber(options.last_receipt) - first;
  std::vector<int> days(static_cast<std::size_t>(options.count));
  for (int& d : days) d = first + dates.Uniform(0, span);
  std::sort(days.begin(), days.end());

  int sequence_year = 0;
  int sequence = 0;
  std::vector<Event> scratch;  // reused; each case is handed over at its exact size
  for (std::size_t i = 0; i < days.size(); ++i) {
    auto receipt = calendar.NextWorkingDayOnOrAfter(FromDayNumber(days[i]));
    if (!receipt.ok() || *receipt > limit) continue;
    int year = static_cast<int>(receipt->year());
    sequence = year == sequence_year ? sequence + 1 : 1;
    sequence_year = year;
    Rng rng(options.seed * 0x2545F4914F6CDD1Dull + i);
    scratch.clear();
    GenerateCase(rng, calendar, limit, *receipt,
                 fmt::format("{}{}-{:06d}", options.case_prefix, year, sequence), options.agency,
                 scratch);
    sink(std::vector<Event>(std::make_move_iterator(scratch.begin()),
                            std::make_move_iterator(scratch.end())));
  }
}

std::vector<std::vector<Event>> GenerateSampleCases(const Calendar& calendar,
                                                    const SampleOptions& options) {
  std::vector<std::vector<Event>> cases;
  cases.reserve(static_cast<std::size_t>(std::max(0, options.count)));
  GenerateSampleCases(calendar, options,
                      [&](std::vector<Event>&& events) { cases.push_back(std::move(events)); });
  return cases;
}

}  // namespace gongkai
