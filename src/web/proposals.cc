// Approving records the proposed step through the store, which checks it again against the
// case as it is now (CheckNextEvent): a proposal made stale by a later step is refused with the
// register's reason and stays pending, for the head to reject. A rejection records nothing in
// the case but keeps the proposal with the head's name, the time and the optional reason.

#include "web/proposals.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "util/date.h"
#include "util/log_text.h"
#include "web/errors.h"
#include "web/handlers.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// A refusal of the store as a page: the user's or the situation's (409, with the reason), or
// ours (500, logged).
Response DecisionFailure(const Status& s, std::string_view what) {
  if (!ShowsOnPage(s)) return StatusPage(s, "", "deciding a proposal");
  return ErrorPage(HttpStatusFor(s), fmt::format("无法{}", what),
                   fmt::format("{}。请返回案件页面查看当前状态。", s.message()));
}

}  // namespace

std::string BeijingTime(const std::string& utc) {
  int y, mo, d, h, mi, s;
  if (std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return utc;
  Date date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
            std::chrono::day(static_cast<unsigned>(d))};
  h += 8;
  if (h >= 24) {
    h -= 24;
    date = AddDays(date, 1);
  }
  return fmt::format("{} {:02d}:{:02d}", FormatDate(date), h, mi);
}

View PendingProposalRows(const std::vector<Proposal>& pending) {
  View rows = List();
  for (const Proposal& p : pending) {
    View o;
    o.set("number", Text(p.case_number));
    o.set("href", Text(CaseUrl(p.agency_id, p.case_number)));
    o.set("label", Text(Label(p.event.type)));
    o.set("proposed_by", Text(p.proposed_by));
    o.set("created_at", Text(BeijingTime(p.created_at)));
    if (!p.reason.empty()) o.set("reason", Text(p.reason));
    rows.push_back(o);
  }
  return rows;
}

Response ProposalApprove(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  auto id = ParseId(req.Param("id"));
  if (!agency_id || !id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  const User& user = ctx.session->user;
  auto p = ctx.app.proposals().Approve(*agency_id, *id, user.name);
  if (!p.ok()) return DecisionFailure(p.status(), "批准");
  spdlog::info("user {} approved proposal {} ({}) on agency {} case {}", user.id, *id,
               Key(p->event.type), *agency_id, EscapeForLog(p->case_number));
  return Redirect(CaseUrl(*agency_id, p->case_number) + "?done=" + std::string(Key(p->event.type)));
}

Response ProposalReject(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  auto id = ParseId(req.Param("id"));
  if (!agency_id || !id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  const User& user = ctx.session->user;
  auto p =
      ctx.app.proposals().Reject(*agency_id, *id, user.name, std::string(ctx.form.Get("note")));
  if (!p.ok()) return DecisionFailure(p.status(), "退回");
  spdlog::info("user {} rejected proposal {} ({}) on agency {} case {}", user.id, *id,
               Key(p->event.type), *agency_id, EscapeForLog(p->case_number));
  return Redirect(CaseUrl(*agency_id, p->case_number) + "?rejected=1");
}

}  // namespace gongkai::web
