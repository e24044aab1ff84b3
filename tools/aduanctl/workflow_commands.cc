#include "tools/aduanctl/workflow_commands.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/aduanctl/output.h"

namespace aduan::ctl {
namespace {

#define ADUANCTL_ASSIGN(lhs, expr)              \
  auto lhs##_or = (expr);                       \
  if (!lhs##_or.ok()) return lhs##_or.status(); \
  auto lhs = *std::move(lhs##_or)

// Flags of every mutation plus `extra`.
std::vector<Flag> With(std::vector<Flag> extra, bool etag = true) {
  std::vector<Flag> flags = MutationFlags(etag);
  flags.insert(flags.end(), extra.begin(), extra.end());
  return flags;
}

// tracking_code from the first argument, etag and request_id from flags.
template <typename Req>
void FillStep(const Context& ctx, Req& req) {
  req.set_tracking_code(ctx.args.positional()[0]);
  req.set_etag(ctx.args.Get("etag"));
  req.set_request_id(ctx.args.Get("request-id"));
}

absl::Status ShowComplaint(Context& ctx,
                           const absl::StatusOr<v1::Complaint>& c) {
  if (!c.ok()) return c.status();
  if (ctx.json) {
    PrintJson(*c, ctx.out);
  } else {
    PrintComplaintSummary(*c, ctx.out);
  }
  return absl::OkStatus();
}

// ---- step 1 and intake
// --------------------------------------------------------

std::vector<Flag> ComplaintFieldFlags() {
  return {
      {"title", "TEXT", "short title, 1-200 characters"},
      {"description", "TEXT", "what happened, 1-5000 characters"},
      {"category", "CODE", "category of the office, e.g. INFRA"},
      {"name", "NAME", "complainant's name"},
      {"phone", "PHONE", "complainant's phone (08..., +62...)"},
      {"email", "EMAIL", "complainant's e-mail"},
      {"address", "TEXT", "complainant's postal address"},
      {"nik", "NIK", "complainant's NIK, 16 digits"},
      {"kk", "NUMBER", "complainant's family card number, 16 digits"},
      {"location", "TEXT", "address or description of the place"},
      {"kelurahan", "NAME", "kelurahan of the place"},
      {"lat", "DEGREES", "latitude of the place"},
      {"lng", "DEGREES", "longitude of the place"},
      {"anonymous", "", "hide the complainant from units, gateways, public"},
      {"confidential", "", "never published"},
  };
}

// Copies the complaint field flags given into `c`; appends their mask paths.
absl::Status FillComplaintFields(const Args& args, v1::Complaint& c,
                                 std::vector<std::string>* paths) {
  auto mark = [paths](const std::string& path) {
    if (paths != nullptr) paths->push_back(path);
  };
  if (args.Has("title")) c.set_title(args.Get("title")), mark("title");
  if (args.Has("description")) {
    c.set_description(args.Get("description"));
    mark("description");
  }
  if (args.Has("category")) {
    c.set_category(args.Get("category"));
    mark("category");
  }
  v1::Complainant* p = c.mutable_complainant();
  const std::pair<const char*, void (v1::Complainant::*)(const std::string&)>
      person[] = {{"name", &v1::Complainant::set_name},
                  {"phone", &v1::Complainant::set_phone},
                  {"email", &v1::Complainant::set_email},
                  {"address", &v1::Complainant::set_address},
                  {"nik", &v1::Complainant::set_nik},
                  {"kk", &v1::Complainant::set_kk_number}};
  const char* person_paths[] = {"name",    "phone", "email",
                                "address", "nik",   "kk_number"};
  for (size_t i = 0; i < std::size(person); ++i) {
    if (args.Has(person[i].first)) {
      (p->*person[i].second)(args.Get(person[i].first));
      mark(absl::StrCat("complainant.", person_paths[i]));
    }
  }
  if (args.Has("location")) {
    c.mutable_location()->set_address(args.Get("location"));
    mark("location.address");
  }
  if (args.Has("kelurahan")) {
    c.mutable_location()->set_kelurahan(args.Get("kelurahan"));
    mark("location.kelurahan");
  }
  for (const char* axis : {"lat", "lng"}) {
    if (!args.Has(axis)) continue;
    double degrees = 0;
    if (!absl::SimpleAtod(args.Get(axis), &degrees)) {
      return UsageError(absl::StrCat("--", axis, ": expected degrees"));
    }
    if (std::string(axis) == "lat") {
      c.mutable_location()->set_latitude(degrees);
      mark("location.latitude");
    } else {
      c.mutable_location()->set_longitude(degrees);
      mark("location.longitude");
    }
  }
  if (args.Has("anonymous")) c.set_anonymous(true), mark("anonymous");
  if (args.Has("confidential")) {
    c.set_confidential(true);
    mark("confidential");
  }
  return absl::OkStatus();
}

Command Submit() {
  std::vector<Flag> flags = {
      {"office", "CODE", "office code (default: $ADUAN_OFFICE, else KNG)"},
      {"channel", "CHANNEL",
       "OFFICE (default), ONLINE, EMAIL, PHONE, FACEBOOK, INSTAGRAM, "
       "SP4N_LAPOR, GATEWAY"},
      {"external-ref", "REF", "reference in the system it came from"}};
  for (Flag& f : ComplaintFieldFlags()) flags.push_back(std::move(f));
  return {
      "submit",
      "",
      "Step 1: receive a complaint (-> Diterima).",
      "Prints the tracking code and the complainant's PIN; the PIN is "
      "shown only here.",
      With(flags, /*etag=*/false),
      [](Context& ctx) -> absl::Status {
        v1::SubmitComplaintRequest req;
        req.set_request_id(ctx.args.Get("request-id"));
        v1::Complaint* c = req.mutable_complaint();
        const char* env_office = std::getenv("ADUAN_OFFICE");
        c->set_office_code(ctx.args.Get(
            "office",
            env_office != nullptr && *env_office != '\0' ? env_office : "KNG"));
        ADUANCTL_ASSIGN(
            channel, ParseEnum(v1::Complaint::Channel_descriptor(), "channel",
                               ctx.args.Get("channel", "OFFICE")));
        c->set_channel(static_cast<v1::Complaint::Channel>(channel));
        c->set_external_reference(ctx.args.Get("external-ref"));
        absl::Status filled = FillComplaintFields(ctx.args, *c, nullptr);
        if (!filled.ok()) return filled;
        ADUANCTL_ASSIGN(resp, ctx.client.SubmitComplaint(req));
        if (ctx.json) {
          PrintJson(resp, ctx.out);
          return absl::OkStatus();
        }
        Fields f;
        f.Add("Kode pelacakan", resp.complaint().tracking_code());
        f.Add("Status",
              absl::StrCat(StateLabel(resp.complaint().state()), " (",
                           v1::Complaint::State_Name(resp.complaint().state()),
                           ")"));
        f.Add("Etag", resp.complaint().etag());
        f.Add("PIN", resp.pin_withheld() ? "(withheld: replaced by a reissue)"
                                         : resp.pin());
        f.Print(ctx.out);
        if (!resp.pin_withheld()) {
          ctx.out << "(the PIN is shown only now: give it to the "
                     "complainant)\n";
        }
        return absl::OkStatus();
      }};
}

Command Update() {
  return {
      "update",
      "<tracking-code>",
      "Correct a complaint's fields before disposition (officer).",
      "Only the flags given are changed (they form the update mask); "
      "--anonymous and --confidential can be raised, never lowered.",
      With(ComplaintFieldFlags()),
      [](Context& ctx) -> absl::Status {
        v1::UpdateComplaintRequest req;
        req.set_request_id(ctx.args.Get("request-id"));
        req.set_etag(ctx.args.Get("etag"));
        req.mutable_complaint()->set_tracking_code(ctx.args.positional()[0]);
        std::vector<std::string> paths;
        absl::Status filled =
            FillComplaintFields(ctx.args, *req.mutable_complaint(), &paths);
        if (!filled.ok()) return filled;
        if (paths.empty())
          return UsageError("give at least one field to change");
        if (!req.complaint().has_complainant() ||
            req.complaint().complainant().ByteSizeLong() == 0) {
          req.mutable_complaint()->clear_complainant();
        }
        for (const std::string& p : paths)
          req.mutable_update_mask()->add_paths(p);
        return ShowComplaint(ctx, ctx.client.UpdateComplaint(req));
      }};
}

Command Supplement() {
  return {"supplement",
          "<tracking-code>",
          "Supply what verification found missing (Perlu Kelengkapan -> "
          "Diterima).",
          "Officer or gateway with a token; the complainant with --pin and no "
          "token.",
          With({{"note", "TEXT", "what was supplied"},
                {"pin", "PIN", "the complainant's PIN (no token)"}}),
          [](Context& ctx) {
            v1::SupplementComplaintRequest req;
            FillStep(ctx, req);
            req.set_note(ctx.args.Get("note"));
            req.set_pin(ctx.args.Get("pin"));
            return ShowComplaint(ctx, ctx.client.SupplementComplaint(req));
          }};
}

Command Withdraw() {
  return {"withdraw",
          "<tracking-code>",
          "Withdraw a complaint that is not closed (-> Dicabut).",
          "",
          With({{"reason", "TEXT", "why"},
                {"pin", "PIN", "the complainant's PIN (no token)"}}),
          [](Context& ctx) {
            v1::WithdrawComplaintRequest req;
            FillStep(ctx, req);
            req.set_reason(ctx.args.Get("reason"));
            req.set_pin(ctx.args.Get("pin"));
            return ShowComplaint(ctx, ctx.client.WithdrawComplaint(req));
          }};
}

Command ReissuePin() {
  return {"reissue-pin",
          "<tracking-code>",
          "Issue a new PIN for the complainant (officer); the old one stops "
          "working.",
          "",
          With({}, /*etag=*/false),
          [](Context& ctx) -> absl::Status {
            v1::ReissuePinRequest req;
            req.set_tracking_code(ctx.args.positional()[0]);
            req.set_request_id(ctx.args.Get("request-id"));
            ADUANCTL_ASSIGN(resp, ctx.client.ReissuePin(req));
            if (ctx.json) {
              PrintJson(resp, ctx.out);
            } else {
              ctx.out << "PIN : "
                      << (resp.pin_withheld()
                              ? "(withheld: replaced by a later reissue)"
                              : resp.pin())
                      << "\n";
            }
            return absl::OkStatus();
          }};
}

// ---- reads
// --------------------------------------------------------------------

Command Get() {
  return {"get",
          "<tracking-code>",
          "Show one complaint.",
          "Personal data is masked unless --full is given with --reason "
          "(officer, secretary, head; written to the access log).",
          {{"full", "", "show NIK and KK number in full"},
           {"reason", "TEXT", "why the full view is needed (with --full)"}},
          [](Context& ctx) -> absl::Status {
            v1::GetComplaintRequest req;
            req.set_tracking_code(ctx.args.positional()[0]);
            if (ctx.args.Has("full"))
              req.set_view(v1::GetComplaintRequest::FULL);
            req.set_access_reason(ctx.args.Get("reason"));
            ADUANCTL_ASSIGN(c, ctx.client.GetComplaint(req));
            if (ctx.json) {
              PrintJson(c, ctx.out);
            } else {
              PrintComplaint(c, ctx.out);
            }
            return absl::OkStatus();
          }};
}

Command List() {
  return {
      "list",
      "",
      "List complaints, newest first.",
      "Filters of one kind are ORed, different kinds ANDed. One page by "
      "default (see --page-size, --page-token); --all follows every page.",
      {{"office", "CODE", "office code", true},
       {"state", "STATE", "state, e.g. SUBMITTED, IN_FOLLOW_UP", true},
       {"channel", "CHANNEL", "channel, e.g. OFFICE", true},
       {"unit", "CODE", "unit the complaints are disposed to", true},
       {"sla", "STATUS", "ON_TIME, AT_RISK or BREACHED", true},
       {"overdue", "", "only complaints past an SLA due time (BREACHED)"},
       {"at-risk", "", "only complaints in the last 20% of an SLA (AT_RISK)"},
       {"query", "TEXT", "text in code, title or description (16 digits: NIK)"},
       {"from", "TIME", "submitted at or after (RFC 3339)"},
       {"to", "TIME", "submitted before (RFC 3339)"},
       {"order-by", "ORDER",
        "create_time desc (default), create_time asc, "
        "update_time desc, update_time asc"},
       {"page-size", "N", "complaints per page (default 50, at most 500)"},
       {"page-token", "TOKEN", "the next page, from a previous list"},
       {"all", "", "follow every page"}},
      [](Context& ctx) -> absl::Status {
        v1::ListComplaintsRequest req;
        for (const std::string& o : ctx.args.GetAll("office")) {
          req.add_office_codes(o);
        }
        for (const std::string& s : ctx.args.GetAll("state")) {
          ADUANCTL_ASSIGN(
              v, ParseEnum(v1::Complaint::State_descriptor(), "state", s));
          req.add_states(static_cast<v1::Complaint::State>(v));
        }
        for (const std::string& s : ctx.args.GetAll("channel")) {
          ADUANCTL_ASSIGN(
              v, ParseEnum(v1::Complaint::Channel_descriptor(), "channel", s));
          req.add_channels(static_cast<v1::Complaint::Channel>(v));
        }
        for (const std::string& u : ctx.args.GetAll("unit")) {
          req.add_unit_codes(u);
        }
        std::vector<std::string> sla = ctx.args.GetAll("sla");
        if (ctx.args.Has("overdue")) sla.push_back("BREACHED");
        if (ctx.args.Has("at-risk")) sla.push_back("AT_RISK");
        for (const std::string& s : sla) {
          ADUANCTL_ASSIGN(
              v, ParseEnum(v1::SlaClock::Status_descriptor(), "sla", s));
          req.add_sla_statuses(static_cast<v1::SlaClock::Status>(v));
        }
        req.set_query(ctx.args.Get("query"));
        if (ctx.args.Has("from")) {
          ADUANCTL_ASSIGN(t, ParseTimestamp("from", ctx.args.Get("from")));
          *req.mutable_create_time_from() = t;
        }
        if (ctx.args.Has("to")) {
          ADUANCTL_ASSIGN(t, ParseTimestamp("to", ctx.args.Get("to")));
          *req.mutable_create_time_to() = t;
        }
        req.set_order_by(ctx.args.Get("order-by"));
        if (ctx.args.Has("page-size")) {
          ADUANCTL_ASSIGN(n, ParseInt("page-size", ctx.args.Get("page-size")));
          req.set_page_size(static_cast<int32_t>(n));
        }
        req.set_page_token(ctx.args.Get("page-token"));
        v1::ListComplaintsResponse page;
        if (ctx.args.Has("all")) {
          absl::Status s = ctx.client.ListAllComplaints(
              req, [&page](const v1::Complaint& c) {
                *page.add_complaints() = c;
                return true;
              });
          if (!s.ok()) return s;
          page.set_total_size(page.complaints_size());
        } else {
          ADUANCTL_ASSIGN(one, ctx.client.ListComplaints(req));
          page = std::move(one);
        }
        if (ctx.json) {
          PrintJson(page, ctx.out);
          return absl::OkStatus();
        }
        PrintComplaintList({page.complaints().begin(), page.complaints().end()},
                           ctx.out);
        ctx.out << page.complaints_size() << " dari " << page.total_size()
                << " aduan\n";
        if (!page.next_page_token().empty()) {
          ctx.out << "Halaman berikutnya: --page-token="
                  << page.next_page_token() << "\n";
        }
        return absl::OkStatus();
      }};
}

Command History() {
  return {"history",
          "<tracking-code>",
          "Show a complaint's history (every event), oldest first.",
          "",
          {},
          [](Context& ctx) -> absl::Status {
            v1::ListComplaintEventsRequest req;
            req.set_tracking_code(ctx.args.positional()[0]);
            ADUANCTL_ASSIGN(events, ctx.client.ListAllComplaintEvents(req));
            if (ctx.json) {
              v1::ListComplaintEventsResponse all;
              for (auto& e : events) *all.add_events() = std::move(e);
              PrintJson(all, ctx.out);
            } else {
              PrintEvents(events, ctx.out);
            }
            return absl::OkStatus();
          }};
}

Command Track() {
  return {"track",
          "<tracking-code>",
          "The complainant's public view, with the PIN (no token needed).",
          "",
          {{"pin", "PIN", "the complainant's 8-digit PIN"}},
          [](Context& ctx) -> absl::Status {
            v1::TrackComplaintRequest req;
            req.set_tracking_code(ctx.args.positional()[0]);
            ADUANCTL_ASSIGN(pin, ctx.args.Require("pin"));
            req.set_pin(pin);
            ADUANCTL_ASSIGN(t, ctx.client.TrackComplaint(req));
            if (ctx.json) {
              PrintJson(t, ctx.out);
            } else {
              PrintTrack(t, ctx.out);
            }
            return absl::OkStatus();
          }};
}

// ---- steps 2-7
// ----------------------------------------------------------------

Command Verify() {
  return {
      "verify",
      "<tracking-code>",
      "Step 2: record verification (officer): Diterima -> Terverifikasi, "
      "Perlu Kelengkapan, Ditolak, Bukan Kewenangan or Duplikat.",
      "",
      With({{"outcome", "OUTCOME",
             "VERIFIED (default), NEEDS_INFO, REJECTED, OUT_OF_SCOPE, "
             "DUPLICATE"},
            {"kk-copy", "", "copy of the family card is present"},
            {"ktp-copy", "", "copy of the KTP-el is present"},
            {"location-photo", "", "photo of the location is present"},
            {"supporting", "", "supporting documents are present"},
            {"note", "TEXT", "note (the reason for REJECTED)"},
            {"missing", "TEXT", "what is missing (NEEDS_INFO)"},
            {"referred-to", "BODY", "where it goes (OUT_OF_SCOPE)"},
            {"duplicate-of", "CODE", "the original complaint (DUPLICATE)"}}),
      [](Context& ctx) -> absl::Status {
        v1::VerifyComplaintRequest req;
        FillStep(ctx, req);
        ADUANCTL_ASSIGN(
            outcome, ParseEnum(v1::VerifyComplaintRequest::Outcome_descriptor(),
                               "outcome", ctx.args.Get("outcome", "VERIFIED")));
        req.set_outcome(
            static_cast<v1::VerifyComplaintRequest::Outcome>(outcome));
        v1::RequirementChecklist* list = req.mutable_checklist();
        list->set_kk_copy(ctx.args.Has("kk-copy"));
        list->set_ktp_copy(ctx.args.Has("ktp-copy"));
        list->set_location_photo(ctx.args.Has("location-photo"));
        list->set_supporting_documents(ctx.args.Has("supporting"));
        req.set_note(ctx.args.Get("note"));
        req.set_missing_info(ctx.args.Get("missing"));
        req.set_referred_to(ctx.args.Get("referred-to"));
        req.set_duplicate_of(ctx.args.Get("duplicate-of"));
        return ShowComplaint(ctx, ctx.client.VerifyComplaint(req));
      }};
}

Command Report() {
  return {"report",
          "<tracking-code>",
          "Step 3: report to the Camat (secretary): Terverifikasi -> "
          "Dilaporkan ke Camat.",
          "",
          With({{"note", "TEXT", "note to the head"}}),
          [](Context& ctx) {
            v1::ReportToHeadRequest req;
            FillStep(ctx, req);
            req.set_note(ctx.args.Get("note"));
            return ShowComplaint(ctx, ctx.client.ReportToHead(req));
          }};
}

Command Dispose() {
  return {"dispose",
          "<tracking-code>",
          "Step 4: dispose to a unit with an instruction (head): -> "
          "Didisposisikan.",
          "",
          With({{"unit", "CODE", "the unit, e.g. TRANTIB"},
                {"instruction", "TEXT", "the head's instruction"},
                {"due", "TIME", "when the follow-up is due (RFC 3339)"}}),
          [](Context& ctx) -> absl::Status {
            v1::DisposeComplaintRequest req;
            FillStep(ctx, req);
            req.set_unit_code(ctx.args.Get("unit"));
            req.set_instruction(ctx.args.Get("instruction"));
            if (ctx.args.Has("due")) {
              ADUANCTL_ASSIGN(t, ParseTimestamp("due", ctx.args.Get("due")));
              *req.mutable_due_time() = t;
            }
            return ShowComplaint(ctx, ctx.client.DisposeComplaint(req));
          }};
}

Command Decline() {
  return {"decline",
          "<tracking-code>",
          "Step 4: close after evaluation (head): Dilaporkan ke Camat -> "
          "Ditolak or Bukan Kewenangan.",
          "",
          With({{"outcome", "OUTCOME", "REJECTED or OUT_OF_SCOPE"},
                {"reason", "TEXT", "why"},
                {"referred-to", "BODY", "where it goes (OUT_OF_SCOPE)"}}),
          [](Context& ctx) -> absl::Status {
            v1::DeclineComplaintRequest req;
            FillStep(ctx, req);
            ADUANCTL_ASSIGN(outcome_text, ctx.args.Require("outcome"));
            ADUANCTL_ASSIGN(
                outcome,
                ParseEnum(v1::DeclineComplaintRequest::Outcome_descriptor(),
                          "outcome", outcome_text));
            req.set_outcome(
                static_cast<v1::DeclineComplaintRequest::Outcome>(outcome));
            req.set_reason(ctx.args.Get("reason"));
            req.set_referred_to(ctx.args.Get("referred-to"));
            return ShowComplaint(ctx, ctx.client.DeclineComplaint(req));
          }};
}

Command ReturnDisposition() {
  return {"return-disposition",
          "<tracking-code>",
          "Hand a disposition back as not the unit's area (unit): "
          "Didisposisikan -> Dilaporkan ke Camat.",
          "",
          With({{"reason", "TEXT", "why it is not the unit's area"}}),
          [](Context& ctx) {
            v1::ReturnDispositionRequest req;
            FillStep(ctx, req);
            req.set_reason(ctx.args.Get("reason"));
            return ShowComplaint(ctx, ctx.client.ReturnDisposition(req));
          }};
}

Command Rework() {
  return {"rework",
          "<tracking-code>",
          "Send a resolved complaint back to the unit (head): Selesai "
          "Ditindaklanjuti -> Didisposisikan.",
          "",
          With({{"reason", "TEXT", "what is still to be done"}}),
          [](Context& ctx) {
            v1::ReturnForReworkRequest req;
            FillStep(ctx, req);
            req.set_reason(ctx.args.Get("reason"));
            return ShowComplaint(ctx, ctx.client.ReturnForRework(req));
          }};
}

Command Start() {
  return {"start",
          "<tracking-code>",
          "Step 5: start the follow-up (unit): Didisposisikan -> "
          "Ditindaklanjuti.",
          "",
          With({{"note", "TEXT", "optional note"}}),
          [](Context& ctx) {
            v1::StartFollowUpRequest req;
            FillStep(ctx, req);
            req.set_note(ctx.args.Get("note"));
            return ShowComplaint(ctx, ctx.client.StartFollowUp(req));
          }};
}

Command Note() {
  return {"note",
          "<tracking-code>",
          "Step 5: record progress of the follow-up (unit); the state stays.",
          "",
          With({{"note", "TEXT", "the progress note"}}),
          [](Context& ctx) {
            v1::AddFollowUpNoteRequest req;
            FillStep(ctx, req);
            req.set_note(ctx.args.Get("note"));
            return ShowComplaint(ctx, ctx.client.AddFollowUpNote(req));
          }};
}

Command Resolve() {
  return {
      "resolve",
      "<tracking-code>",
      "Step 5: report the result (unit): Ditindaklanjuti -> Selesai "
      "Ditindaklanjuti.",
      "",
      With({{"result", "TEXT", "the result report"},
            {"attachment", "ID", "a RESULT attachment documenting it", true}}),
      [](Context& ctx) {
        v1::ResolveComplaintRequest req;
        FillStep(ctx, req);
        req.set_result(ctx.args.Get("result"));
        for (const std::string& id : ctx.args.GetAll("attachment")) {
          req.add_attachment_ids(id);
        }
        return ShowComplaint(ctx, ctx.client.ResolveComplaint(req));
      }};
}

Command Inform() {
  return {"inform",
          "<tracking-code>",
          "Step 6: record how the complainant was informed (officer): -> "
          "Telah Diinformasikan.",
          "",
          With({{"method", "METHOD",
                 "IN_PERSON, ONLINE_MEDIA, EMAIL, PHONE, LETTER, SP4N_LAPOR"},
                {"message", "TEXT", "what the complainant was told"}}),
          [](Context& ctx) -> absl::Status {
            v1::InformComplainantRequest req;
            FillStep(ctx, req);
            ADUANCTL_ASSIGN(method_text, ctx.args.Require("method"));
            ADUANCTL_ASSIGN(
                method,
                ParseEnum(v1::InformComplainantRequest::Method_descriptor(),
                          "method", method_text));
            req.set_method(
                static_cast<v1::InformComplainantRequest::Method>(method));
            req.set_message(ctx.args.Get("message"));
            return ShowComplaint(ctx, ctx.client.InformComplainant(req));
          }};
}

Command Archive() {
  return {"archive",
          "<tracking-code>",
          "Step 7: archive the whole file (officer): Telah Diinformasikan or "
          "Dicabut -> Diarsipkan.",
          "",
          With({}),
          [](Context& ctx) {
            v1::ArchiveComplaintRequest req;
            FillStep(ctx, req);
            return ShowComplaint(ctx, ctx.client.ArchiveComplaint(req));
          }};
}

Command ArchiveGet() {
  return {"archive-get",
          "<tracking-code>",
          "Show the archive record of an archived complaint.",
          "",
          {{"document", "", "print only the archived JSON document"}},
          [](Context& ctx) -> absl::Status {
            v1::GetArchiveRequest req;
            req.set_tracking_code(ctx.args.positional()[0]);
            ADUANCTL_ASSIGN(r, ctx.client.GetArchive(req));
            if (ctx.json) {
              PrintJson(r, ctx.out);
            } else if (ctx.args.Has("document")) {
              ctx.out << r.document() << "\n";
            } else {
              Fields f;
              f.Add("Kode pelacakan", r.tracking_code());
              f.Add("Diarsipkan", FormatTime(r.create_time()));
              f.Add("SHA-256", r.sha256());
              f.Add("Dokumen", absl::StrCat(r.document().size(), " byte"));
              f.Print(ctx.out);
            }
            return absl::OkStatus();
          }};
}

Command ArchiveVerify() {
  return {
      "archive-verify",
      "<tracking-code>",
      "Recompute and check an archive record.",
      "Exits 0 when the record is intact, else prints what failed and "
      "exits 2 with DATA_LOSS.",
      {},
      [](Context& ctx) -> absl::Status {
        v1::VerifyArchiveRequest req;
        req.set_tracking_code(ctx.args.positional()[0]);
        ADUANCTL_ASSIGN(r, ctx.client.VerifyArchive(req));
        if (ctx.json) {
          PrintJson(r, ctx.out);
        } else {
          Fields f;
          f.Add("Utuh", r.intact() ? "ya" : "TIDAK");
          f.Add("Rantai utuh", r.chain_intact() ? "ya" : "TIDAK");
          f.Add("SHA-256 tersimpan", r.stored_sha256());
          f.Add("SHA-256 dihitung", r.computed_sha256());
          f.Print(ctx.out);
        }
        if (!r.intact() || !r.chain_intact()) {
          return absl::DataLossError(absl::StrCat(
              "the archive record of ", req.tracking_code(), " is not intact"));
        }
        return absl::OkStatus();
      }};
}

// ---- attachments
// --------------------------------------------------------------

Command Upload() {
  return {"upload",
          "<tracking-code> <file>",
          "Attach a document (JPEG, PNG or PDF, at most 10 MiB).",
          "Officer or gateway while Diterima or Perlu Kelengkapan; the "
          "complainant with --pin while Perlu Kelengkapan; the unit RESULT "
          "documents while Ditindaklanjuti.",
          With({{"type", "TYPE",
                 "KK_COPY, KTP_COPY, LOCATION_PHOTO, SUPPORTING, RESULT"},
                {"media-type", "TYPE", "declared media type (checked)"},
                {"file-name", "NAME", "name to record (default: the file's)"},
                {"pin", "PIN", "the complainant's PIN (no token)"}},
               /*etag=*/false),
          [](Context& ctx) -> absl::Status {
            v1::UploadAttachmentHeader header;
            header.set_request_id(ctx.args.Get("request-id"));
            header.set_tracking_code(ctx.args.positional()[0]);
            ADUANCTL_ASSIGN(type_text, ctx.args.Require("type"));
            ADUANCTL_ASSIGN(type, ParseEnum(v1::Attachment::Type_descriptor(),
                                            "type", type_text));
            header.set_type(static_cast<v1::Attachment::Type>(type));
            header.set_media_type(ctx.args.Get("media-type"));
            header.set_file_name(ctx.args.Get("file-name"));
            header.set_pin(ctx.args.Get("pin"));
            ADUANCTL_ASSIGN(resp, ctx.client.UploadAttachment(
                                      header, ctx.args.positional()[1]));
            if (ctx.json) {
              PrintJson(resp, ctx.out);
            } else {
              Fields f;
              f.Add("Lampiran", resp.attachment_id());
              f.Add("Ukuran", absl::StrCat(resp.size_bytes(), " byte"));
              f.Add("SHA-256", resp.sha256());
              f.Print(ctx.out);
            }
            return absl::OkStatus();
          }};
}

Command Download() {
  return {"download",
          "<attachment-id> <file>",
          "Save an attached document to a file.",
          "Identity documents (KK_COPY, KTP_COPY) need --reason; it is "
          "written to the access log.",
          {{"reason", "TEXT", "why the document is opened"}},
          [](Context& ctx) -> absl::Status {
            v1::DownloadAttachmentRequest req;
            req.set_attachment_id(ctx.args.positional()[0]);
            req.set_access_reason(ctx.args.Get("reason"));
            ADUANCTL_ASSIGN(a, ctx.client.DownloadAttachment(
                                   req, ctx.args.positional()[1]));
            if (ctx.json) {
              PrintJson(a, ctx.out);
            } else {
              Fields f;
              f.Add("Lampiran", a.attachment_id());
              f.Add("Jenis", v1::Attachment::Type_Name(a.type()));
              f.Add("Nama file", a.file_name());
              f.Add("Ukuran", absl::StrCat(a.size_bytes(), " byte"));
              f.Add("Disimpan ke", ctx.args.positional()[1]);
              f.Print(ctx.out);
            }
            return absl::OkStatus();
          }};
}

}  // namespace

void AddWorkflowCommands(std::vector<Command>& commands) {
  for (Command c : {Submit(),     Get(),
                    List(),       History(),
                    Track(),      Update(),
                    Supplement(), Withdraw(),
                    ReissuePin(), Verify(),
                    Report(),     Dispose(),
                    Decline(),    ReturnDisposition(),
                    Rework(),     Start(),
                    Note(),       Resolve(),
                    Inform(),     Archive(),
                    ArchiveGet(), ArchiveVerify(),
                    Upload(),     Download()}) {
    commands.push_back(std::move(c));
  }
}

}  // namespace aduan::ctl
