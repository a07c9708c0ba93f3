// Approving records the proposed step through the store, which checks it again against the
// case as it is now (CheckNextEvent): a proposal made stale by a later step is refused with the
// register's reason and stays pending, for the head to reject. A rejection records nothing in
// the case but keeps the proposal with the head's name, the time and the optional reason.

#include "web/proposals.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>

#include "store/agencies.h"
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

// Where a decision returns to: the inbox when made there, else the case page with `flash`.
Response AfterDecision(RequestContext& ctx, const Proposal& p, std::string_view flash) {
  if (ctx.form.Get("from") == "inbox") {
    return Redirect(fmt::format("/office/inbox?done={}", Key(p.decision)));
  }
  return Redirect(CaseUrl(p.agency_id, p.case_number) + std::string(flash));
}

Response ProposalInbox(RequestContext& ctx, const Request& req) {
  // The route is the head's alone (Action::kApproveProposal in store/permissions.h); the
  // agencies are those the head may act on, their own and every one below it.
  const User& user = ctx.session->user;
  auto agencies = AgencySubtree(ctx.app.db(), user.agency_id);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "inbox: agencies");
  auto all = ListAgencies(ctx.app.db());
  if (!all.ok()) return StatusPage(all.status(), "", "inbox: agency names");
  std::map<int64_t, std::string> names;
  for (const Agency& a : *all) names[a.id] = a.name;
  auto pending = ctx.app.proposals().PendingIn(*agencies);
  if (!pending.ok()) return StatusPage(pending.status(), "", "inbox: pending proposals");
  View rows = List();
  for (const Proposal& p : *pending) {
    View o;
    std::string base = fmt::format("/office/a/{}/proposals/{}", p.agency_id, p.id);
    o.set("id", Text(fmt::format("{}-{}", p.agency_id, p.id)));
    o.set("agency", Text(names[p.agency_id]));
    o.set("number", Text(p.case_number));
    o.set("href", Text(CaseUrl(p.agency_id, p.case_number)));
    o.set("label", Text(Label(p.event.type)));
    o.set("detail", Text(FormatDateZh(p.event.date) + " " + EventDetail(p.event)));
    o.set("proposed_by", Text(p.proposed_by));
    o.set("created_at", Text(BeijingTime(p.created_at)));
    if (!p.reason.empty()) o.set("reason", Text(p.reason));
    o.set("approve_action", Text(base + "/approve"));
    o.set("reject_action", Text(base + "/reject"));
    o.set("csrf", Text(ctx.csrf));
    rows.push_back(o);
  }
  View v;
  v.set("rows", rows);
  v.set("count", Text(std::to_string(pending->size())));
  v.set("has_rows", Flag(!pending->empty()));
  v.set("agencies", Text(std::to_string(agencies->size())));
  std::string_view done = req.Query("done");
  if (done == Key(ProposalDecision::kApproved)) v.set("flash", Text("已批准并记入案件。"));
  if (done == Key(ProposalDecision::kRejected)) {
    v.set("flash", Text("已退回，承办人将在案件页面看到退回理由。"));
  }
  return ctx.app.Page(ctx, "inbox", "审批待办", v);
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
  return AfterDecision(ctx, *p, "?done=" + std::string(Key(p->event.type)));
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
  return AfterDecision(ctx, *p, "?rejected=1");
}

}  // namespace gongkai::web
