// The route table: every URL of the application, who may call it, and its handler. Adding a
// page is one line here. Office routes under /office/a/{agency}/ name the agency they act on;
// their handlers refuse an agency outside the caller's (App::DenyUnlessAgency).

#include "web/app.h"
#include "web/attachment_pages.h"
#include "web/catalogue_pages.h"
#include "web/guide_pages.h"
#include "web/handlers.h"
#include "web/intermediary_pages.h"
#include "web/message_pages.h"
#include "web/notice_pages.h"
#include "web/open_data.h"
#include "web/publication_pages.h"
#include "web/rating_pages.h"
#include "web/records_pages.h"
#include "web/report_workflow.h"
#include "web/search_pages.h"
#include "web/service_change_pages.h"
#include "web/service_pages.h"
#include "web/standard_catalogue_pages.h"

namespace gongkai::web {

std::vector<AppRoute> BuildRoutes() {
  using M = Method;
  using A = Access;
  return {
      // Public portal.
      {M::kGet, "/", A::kPublic, HomePage},
      {M::kGet, "/healthz", A::kPublic, Health},
      {M::kGet, "/apply", A::kPublic, ApplyForm},
      {M::kPost, "/apply", A::kPublic, ApplySubmit},
      {M::kGet, "/apply/receipt", A::kPublic, ApplyReceipt},
      {M::kGet, "/track", A::kPublic, TrackForm},
      {M::kPost, "/track", A::kPublic, TrackSubmit},
      {M::kPost, "/track/notices", A::kPublic, TrackNoticesSubmit},
      {M::kPost, "/track/notices/download", A::kPublic, TrackNoticeDownload},
      {M::kGet, "/deadline", A::kPublic, DeadlineCalculator},
      {M::kGet, "/reports", A::kPublic, PublicReportsIndex},
      {M::kGet, "/reports/{agency}/{year}", A::kPublic, PublicReportPage},
      {M::kGet, "/reports/{agency}/{year}/{format}", A::kPublic, PublicReportDownload},
      // Sign-in and the one-time set-up link.
      {M::kGet, "/office/login", A::kPublic, LoginForm},
      {M::kPost, "/office/login", A::kPublic, LoginSubmit},
      {M::kPost, "/office/logout", A::kStaff, LogoutSubmit},
      {M::kGet, "/setup/{token}", A::kPublic, SetupForm},
      {M::kPost, "/setup/{token}", A::kPublic, SetupSubmit},
      // Office workspace.
      {M::kGet, "/office", A::kStaff, OfficeQueue},
      {M::kGet, "/office/cases/new", A::kClerk, NewCaseForm},
      {M::kPost, "/office/cases/new", A::kClerk, NewCaseSubmit},
      {M::kGet, "/office/a/{agency}/cases/{number}", A::kStaff, CasePage},
      {M::kPost, "/office/a/{agency}/cases/{number}/steps", A::kClerk, CaseStepSubmit},
      {M::kPost, "/office/a/{agency}/cases/{number}/applicant", A::kClerk, CaseApplicantCorrect},
      {M::kGet, "/office/a/{agency}/cases/{number}/notices", A::kStaff, OfficeCaseNotices},
      {M::kGet, "/office/a/{agency}/cases/{number}/notices/{seq}/{format}", A::kStaff,
       OfficeCaseNoticeDownload},
      {M::kPost, "/office/a/{agency}/proposals/{id}/approve", A::kHead, ProposalApprove},
      {M::kPost, "/office/a/{agency}/proposals/{id}/reject", A::kHead, ProposalReject},
      {M::kGet, "/office/inbox", A::kHead, ProposalInbox},
      {M::kGet, "/office/a/{agency}/messages", A::kStaff, OfficeMessages},
      {M::kPost, "/office/a/{agency}/messages/{id}/retry", A::kClerk, OfficeMessageRetry},
      {M::kGet, "/office/reports", A::kStaff, OfficeReportsIndex},
      {M::kGet, "/office/a/{agency}/reports/{year}", A::kStaff, OfficeReportPage},
      {M::kGet, "/office/a/{agency}/reports/{year}/{format}", A::kStaff, OfficeReportDownload},
      {M::kPost, "/office/a/{agency}/reports/{year}/draft", A::kClerk, ReportSaveDraft},
      {M::kPost, "/office/a/{agency}/reports/{year}/narrative", A::kClerk, ReportNarrativeSubmit},
      {M::kPost, "/office/a/{agency}/reports/{year}/approve", A::kHead, ReportApprove},
      {M::kPost, "/office/a/{agency}/reports/{year}/publish", A::kHead, ReportPublish},
      {M::kPost, "/office/a/{agency}/reports/{year}/reopen", A::kHead, ReportReopen},
      {M::kGet, "/office/a/{agency}/records", A::kStaff, RecordsPage},
      {M::kPost, "/office/a/{agency}/records/documents", A::kClerk, RecordsAddDocument},
      {M::kPost, "/office/a/{agency}/records/counts", A::kClerk, RecordsSetCounts},
      {M::kPost, "/office/a/{agency}/records/import", A::kClerk, RecordsImport},
      // The disclosure guide (Art. 12), office editor and public page.
      {M::kGet, "/guide/{agency}", A::kPublic, PublicGuidePage},
      {M::kGet, "/office/a/{agency}/guide", A::kStaff, GuideEditor},
      {M::kPost, "/office/a/{agency}/guide", A::kClerk, GuideSubmit},
      // The register of proactive disclosure (Art. 19–26, 44).
      {M::kGet, "/office/a/{agency}/publications", A::kStaff, PublicationsPage},
      {M::kGet, "/office/a/{agency}/publications/new", A::kClerk, NewPublicationForm},
      {M::kPost, "/office/a/{agency}/publications/new", A::kClerk, NewPublicationSubmit},
      {M::kPost, "/office/a/{agency}/publications/import", A::kClerk, ImportPublicationsSubmit},
      {M::kGet, "/office/a/{agency}/publications/{id}", A::kStaff, EditPublicationForm},
      {M::kPost, "/office/a/{agency}/publications/{id}", A::kClerk, EditPublicationSubmit},
      {M::kPost, "/office/a/{agency}/publications/{id}/withdraw", A::kClerk,
       WithdrawPublicationSubmit},
      {M::kPost, "/office/a/{agency}/publications/{id}/expire", A::kClerk, ExpirePublicationSubmit},
      {M::kPost, "/office/a/{agency}/publications/{id}/repeal", A::kClerk, RepealPublicationSubmit},
      // The public catalogue (Art. 12, 24), its feeds, and search.
      {M::kGet, "/catalogue", A::kPublic, CatalogueIndex},
      {M::kGet, "/catalogue/{agency}", A::kPublic, AgencyCatalogue},
      {M::kGet, "/catalogue/{agency}/feed.atom", A::kPublic, AgencyFeed},
      {M::kGet, "/catalogue/{agency}/categories/{category}/feed.atom", A::kPublic, CategoryFeed},
      {M::kGet, "/catalogue/{agency}/items/{id}", A::kPublic, CatalogueItem},
      {M::kGet, "/catalogue/{agency}/items/{id}/files/{n}", A::kPublic, CatalogueAttachment},
      {M::kGet, "/search", A::kPublic, SearchPage},
      // Open data (web/open_data.h), described by /api/v1/openapi.json.
      {M::kGet, "/api/v1/agencies", A::kPublic, ApiAgencies},
      {M::kGet, "/api/v1/agencies/{agency}/publications", A::kPublic, ApiAgencyPublications},
      {M::kGet, "/api/v1/publications/{id}", A::kPublic, ApiPublication},
      {M::kGet, "/api/v1/search", A::kPublic, ApiSearch},
      {M::kGet, "/api/v1/guide/{agency}", A::kPublic, ApiGuide},
      {M::kGet, "/api/v1/openapi.json", A::kPublic, ApiOpenApi},
      // The 基层政务公开标准目录 and attachments uploaded from an item's edit page.
      {M::kGet, "/office/a/{agency}/standard-catalogue", A::kStaff, StandardCataloguePage},
      {M::kPost, "/office/a/{agency}/standard-catalogue/import", A::kClerk,
       ImportStandardCatalogueSubmit},
      {M::kPost, "/office/a/{agency}/publications/{id}/attachments", A::kClerk,
       UploadAttachmentSubmit},
      {M::kPost, "/office/a/{agency}/publications/{id}/attachments/{n}/remove", A::kClerk,
       RemoveAttachmentSubmit},
      // The service catalogue's public side (web/service_pages.h): guides, lists, change log.
      {M::kGet, "/g/{code}", A::kPublic, ServiceGuideByCode},
      {M::kGet, "/services/{agency}", A::kPublic, ServiceCatalogue},
      {M::kGet, "/services/{agency}/items/{code}", A::kPublic, ServiceGuidePage},
      {M::kGet, "/services/{agency}/items/{code}/guide.pdf", A::kPublic, ServiceGuidePdf},
      {M::kGet, "/services/{agency}/items/{code}/qr.png", A::kPublic, ServiceGuideQrPng},
      {M::kGet, "/services/{agency}/items/{code}/qr.svg", A::kPublic, ServiceGuideQrSvg},
      {M::kGet, "/services/{agency}/negative-list", A::kPublic, NegativeListPage},
      {M::kGet, "/services/{agency}/negative-list.xlsx", A::kPublic, NegativeListDownload},
      {M::kGet, "/services/{agency}/cross-province", A::kPublic, CrossProvincePage},
      {M::kGet, "/services/{agency}/cross-province.xlsx", A::kPublic, CrossProvinceDownload},
      {M::kGet, "/services/{agency}/changes", A::kPublic, ServiceChangeLogPage},
      // The 中介服务事项清单 and the institution directory (web/intermediary_pages.h).
      {M::kGet, "/services/{agency}/intermediaries", A::kPublic, IntermediaryListPage},
      {M::kGet, "/services/{agency}/intermediaries.xlsx", A::kPublic, IntermediaryListDownload},
      {M::kGet, "/services/{agency}/institutions", A::kPublic, InstitutionDirectoryPage},
      {M::kGet, "/services/{agency}/institutions.xlsx", A::kPublic, InstitutionDirectoryDownload},
      // Dynamic management in the office (web/service_change_pages.h).
      {M::kGet, "/office/a/{agency}/service-changes", A::kStaff, ServiceChangesOffice},
      {M::kPost, "/office/a/{agency}/service-changes", A::kClerk, ServiceChangeDraftSubmit},
      {M::kGet, "/office/a/{agency}/service-changes/{id}", A::kStaff, ServiceChangeOffice},
      {M::kPost, "/office/a/{agency}/service-changes/{id}/approve", A::kHead, ServiceChangeApprove},
      {M::kPost, "/office/a/{agency}/service-changes/{id}/reject", A::kHead, ServiceChangeReject},
      {M::kPost, "/office/a/{agency}/service-changes/{id}/withdraw", A::kClerk,
       ServiceChangeWithdraw},
      {M::kPost, "/office/a/{agency}/service-changes/{id}/publish", A::kHead, ServiceChangePublish},
      // 好差评 (web/rating_pages.h): statistics, the rating form, the 差评 ticket queue.
      {M::kGet, "/services/{agency}/ratings", A::kPublic, RatingStatsPage},
      {M::kGet, "/services/{agency}/items/{code}/rate", A::kPublic, RateForm},
      {M::kPost, "/services/{agency}/items/{code}/rate", A::kPublic, RateSubmit},
      {M::kGet, "/services/{agency}/items/{code}/rate.svg", A::kPublic, RateQrSvg},
      {M::kPost, "/track/rate", A::kPublic, TrackRateSubmit},
      {M::kGet, "/office/a/{agency}/ratings", A::kStaff, RatingQueuePage},
      {M::kPost, "/office/a/{agency}/ratings/{rating}/steps", A::kClerk, RatingStepSubmit},
      {M::kPost, "/office/a/{agency}/ratings/steps/{seq}", A::kHead, RatingStepDecide},
  };
}

}  // namespace gongkai::web
