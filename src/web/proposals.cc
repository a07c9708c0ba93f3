#include "web/proposals.h"

#include <algorithm>

namespace gongkai::web {

bool NeedsApproval(EventType type) {
  return type == EventType::kExtensionApproved || type == EventType::kAnswered;
}

int64_t ProposalBook::Add(Proposal p) {
  std::lock_guard lock(mu_);
  p.id = next_id_++;
  open_.push_back(std::move(p));
  return open_.back().id;
}

std::vector<Proposal> ProposalBook::ForCase(int64_t agency_id,
                                            const std::string& case_number) const {
  std::lock_guard lock(mu_);
  std::vector<Proposal> out;
  for (const auto& p : open_) {
    if (p.agency_id == agency_id && p.case_number == case_number) out.push_back(p);
  }
  return out;
}

std::vector<Proposal> ProposalBook::ForAgency(int64_t agency_id) const {
  std::lock_guard lock(mu_);
  std::vector<Proposal> out;
  for (const auto& p : open_) {
    if (p.agency_id == agency_id) out.push_back(p);
  }
  return out;
}

std::optional<Proposal> ProposalBook::Get(int64_t id) const {
  std::lock_guard lock(mu_);
  for (const auto& p : open_) {
    if (p.id == id) return p;
  }
  return std::nullopt;
}

bool ProposalBook::Remove(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = std::find_if(open_.begin(), open_.end(), [id](const auto& p) { return p.id == id; });
  if (it == open_.end()) return false;
  open_.erase(it);
  return true;
}

}  // namespace gongkai::web
