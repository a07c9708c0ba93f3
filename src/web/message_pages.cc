#include "web/message_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "store/outbox.h"
#include "web/errors.h"
#include "web/proposals.h"
#include "web/url.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// Rows shown; the command line (`gongkai notify list`) lists more.
constexpr int kMessageRows = 200;
// The longest case number accepted in the query string.
constexpr std::size_t kMaxCaseNumberBytes = 64;

std::string MessagesUrl(int64_t agency, std::string_view case_number) {
  std::string url = fmt::format("/office/a/{}/messages", agency);
  if (!case_number.empty()) url += "?case=" + EncodeQueryValue(case_number);
  return url;
}

}  // namespace

Response OfficeMessages(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  if (!agency_id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  std::string case_number(req.Query("case"));
  if (case_number.size() > kMaxCaseNumberBytes) return NotFound();
  OutboxFilter filter;
  filter.agency_id = *agency_id;
  filter.case_number = case_number;
  filter.limit = kMessageRows;
  auto messages = Outbox(ctx.app.db()).List(filter);
  if (!messages.ok()) return StatusPage(messages.status(), "", "listing messages");
  const auto& channels = ctx.app.options().notify_channels;
  View rows = List();
  int queued = 0, failed = 0;
  for (const OutboxMessage& m : *messages) {
    View o;
    o.set("id", Text(m.id));
    o.set("case", Text(m.case_number));
    if (!m.case_number.empty()) o.set("case_url", Text(CaseUrl(m.agency_id, m.case_number)));
    o.set("kind", Text(Label(m.message.kind)));
    o.set("channel", Text(Label(m.message.channel)));
    o.set("to", Text(MaskRecipient(m.message.channel, m.message.to)));
    o.set("subject", Text(m.message.subject));
    o.set("state", Text(Label(m.state)));
    o.set("state_key", Text(Key(m.state)));
    o.set("created_at", Text(BeijingTime(m.created_at)));
    o.set("attempts", Text(std::to_string(m.attempts)));
    if (!m.sent_at.empty()) o.set("sent_at", Text(BeijingTime(m.sent_at)));
    if (!m.last_error.empty()) o.set("error", Text(m.last_error));
    if (m.state == OutboxState::kQueued) {
      ++queued;
      if (!channels.contains(m.message.channel)) {
        o.set("waiting",
              Text(fmt::format("本服务器未配置{}发送，消息保持待发送", Label(m.message.channel))));
      } else if (m.attempts > 0) {
        o.set("next", Text(BeijingTime(m.next_attempt_at)));
      }
    }
    if (m.state == OutboxState::kFailed) {
      ++failed;
      o.set("retry_action", Text(fmt::format("/office/a/{}/messages/{}/retry", m.agency_id, m.id)));
      o.set("csrf", Text(ctx.csrf));
      o.set("from_case", Text(case_number));
    }
    rows.push_back(o);
  }
  View v;
  v.set("rows", rows);
  v.set("has_rows", Flag(!messages->empty()));
  v.set("queued", Text(std::to_string(queued)));
  v.set("failed", Text(std::to_string(failed)));
  if (!case_number.empty()) {
    v.set("case", Text(case_number));
    v.set("case_url", Text(CaseUrl(*agency_id, case_number)));
    v.set("all_url", Text(MessagesUrl(*agency_id, "")));
  }
  View missing = List();
  for (MessageChannel c : {MessageChannel::kEmail, MessageChannel::kSms}) {
    if (!channels.contains(c)) missing.push_back(Text(Label(c)));
  }
  v.set("unconfigured", missing);
  v.set("has_unconfigured", Flag(channels.size() < 2));
  if (req.Query("done") == "retry") v.set("flash", Text("已重新排队，将尽快发送。"));
  return ctx.app.Page(ctx, "messages", "通知消息", v);
}

Response OfficeMessageRetry(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  if (!agency_id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  Status s = Outbox(ctx.app.db()).Retry(*agency_id, req.Param("id"));
  if (!s.ok()) return StatusPage(s, "无法重新发送", "retrying a message");
  spdlog::info("message {} of agency {} queued again by user {}", req.Param("id"), *agency_id,
               ctx.session->user.id);
  std::string back = MessagesUrl(*agency_id, ctx.form.Get("case"));
  return Redirect(back + (back.find('?') == std::string::npos ? "?" : "&") + "done=retry");
}

}  // namespace gongkai::web
