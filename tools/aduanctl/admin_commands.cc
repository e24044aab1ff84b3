#include "tools/aduanctl/admin_commands.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/aduanctl/output.h"

namespace aduan::ctl {
namespace {

#define ADUANCTL_ASSIGN(lhs, expr)              \
  auto lhs##_or = (expr);                       \
  if (!lhs##_or.ok()) return lhs##_or.status(); \
  auto lhs = *std::move(lhs##_or)

const Flag kRequestId = {"request-id", "ID",
                         "idempotency key (default: a fresh UUID)"};

std::string DefaultOffice(const Args& args) {
  const char* env = std::getenv("ADUAN_OFFICE");
  return args.Get("office",
                  env != nullptr && *env != '\0' ? std::string(env) : "KNG");
}

template <typename M>
absl::Status Show(Context& ctx, const absl::StatusOr<M>& m,
                  void (*print)(const M&, std::ostream&)) {
  if (!m.ok()) return m.status();
  if (ctx.json) {
    PrintJson(*m, ctx.out);
  } else {
    print(*m, ctx.out);
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ParseBool(const std::string& flag,
                               const std::string& text) {
  const std::string t = absl::AsciiStrToLower(text);
  if (t == "true" || t == "yes" || t == "ya" || t == "1") return true;
  if (t == "false" || t == "no" || t == "tidak" || t == "0") return false;
  return UsageError(absl::StrCat("--", flag, ": expected true or false"));
}

absl::StatusOr<google::protobuf::Duration> Minutes(const std::string& flag,
                                                   const std::string& text) {
  ADUANCTL_ASSIGN(n, ParseInt(flag, text));
  google::protobuf::Duration d;
  d.set_seconds(n * 60);
  return d;
}

// ROLE@OFFICE[:UNIT or source], e.g. OFFICER@KNG, UNIT@KNG:TRANTIB,
// GATEWAY@KNG:website.
absl::StatusOr<v1::RoleBinding> ParseBinding(const std::string& text) {
  std::vector<std::string> role_rest =
      absl::StrSplit(text, absl::MaxSplits('@', 1));
  if (role_rest.size() != 2 || role_rest[1].empty()) {
    return UsageError(absl::StrCat(
        "--role: expected ROLE@OFFICE[:UNIT|:SOURCE], e.g. OFFICER@KNG or "
        "UNIT@KNG:TRANTIB, got \"",
        text, "\""));
  }
  ADUANCTL_ASSIGN(role, ParseEnum(v1::RoleBinding::Role_descriptor(), "role",
                                  role_rest[0]));
  v1::RoleBinding b;
  b.set_role(static_cast<v1::RoleBinding::Role>(role));
  std::vector<std::string> office_extra =
      absl::StrSplit(role_rest[1], absl::MaxSplits(':', 1));
  b.set_office_code(office_extra[0]);
  if (office_extra.size() == 2) {
    if (b.role() == v1::RoleBinding::GATEWAY) {
      b.set_source(office_extra[1]);
    } else {
      b.set_unit_code(office_extra[1]);
    }
  }
  return b;
}

// ---- offices
// --------------------------------------------------------------------

std::vector<Flag> OfficeFlags() {
  return {{"name", "NAME", "e.g. \"Kecamatan Kanigaran\""},
          {"region", "CODE", "Kemendagri region code, e.g. 35.74.04"},
          {"time-zone", "ZONE", "IANA time zone, e.g. Asia/Jakarta"},
          {"hours", "DAYS HH:MM-HH:MM",
           "opening hours, e.g. \"1-4 07:30-15:30\" or \"5 07:30-11:00\" "
           "(ISO weekdays, 1 = Monday)",
           true},
          {"holiday", "YYYY-MM-DD=NAME", "a day the office is closed", true},
          {"service-sla-minutes", "N", "target of the service clock"},
          {"resolution-sla-minutes", "N", "default resolution target"},
          {"needs-info-days", "N", "working days allowed in NEEDS_INFO"},
          {"kelurahan", "NAME", "a kelurahan of the office", true},
          kRequestId};
}

// Copies the office flags given into `o`, collecting their mask paths.
absl::Status FillOffice(const Args& args, v1::Office& o,
                        std::vector<std::string>& paths) {
  if (args.Has("name")) o.set_name(args.Get("name")), paths.push_back("name");
  if (args.Has("region")) {
    o.set_region_code(args.Get("region"));
    paths.push_back("region_code");
  }
  if (args.Has("time-zone")) {
    o.set_time_zone(args.Get("time-zone"));
    paths.push_back("time_zone");
  }
  for (const std::string& h : args.GetAll("hours")) {
    std::vector<std::string> parts = absl::StrSplit(h, ' ', absl::SkipEmpty());
    std::vector<std::string> days =
        absl::StrSplit(parts.empty() ? "" : parts[0], absl::MaxSplits('-', 1));
    std::vector<std::string> times = absl::StrSplit(
        parts.size() == 2 ? parts[1] : "", absl::MaxSplits('-', 1));
    int from = 0, to = 0;
    if (parts.size() != 2 || times.size() != 2 ||
        !absl::SimpleAtoi(days[0], &from) ||
        !absl::SimpleAtoi(days.back(), &to) || from < 1 || to > 7 ||
        from > to) {
      return UsageError(absl::StrCat(
          "--hours: expected DAYS HH:MM-HH:MM like \"1-4 07:30-15:30\", got \"",
          h, "\""));
    }
    for (int d = from; d <= to; ++d) {
      v1::WorkingHours* w = o.add_working_hours();
      w->set_weekday(d);
      w->set_open(times[0]);
      w->set_close(times[1]);
    }
  }
  if (args.Has("hours")) paths.push_back("working_hours");
  for (const std::string& h : args.GetAll("holiday")) {
    std::vector<std::string> parts = absl::StrSplit(h, absl::MaxSplits('=', 1));
    v1::Holiday* day = o.add_holidays();
    day->set_date(parts[0]);
    if (parts.size() == 2) day->set_name(parts[1]);
  }
  if (args.Has("holiday")) paths.push_back("holidays");
  if (args.Has("service-sla-minutes")) {
    ADUANCTL_ASSIGN(
        d, Minutes("service-sla-minutes", args.Get("service-sla-minutes")));
    *o.mutable_service_sla() = d;
    paths.push_back("service_sla");
  }
  if (args.Has("resolution-sla-minutes")) {
    ADUANCTL_ASSIGN(d, Minutes("resolution-sla-minutes",
                               args.Get("resolution-sla-minutes")));
    *o.mutable_resolution_sla() = d;
    paths.push_back("resolution_sla");
  }
  if (args.Has("needs-info-days")) {
    ADUANCTL_ASSIGN(n,
                    ParseInt("needs-info-days", args.Get("needs-info-days")));
    o.set_needs_info_limit_days(static_cast<int32_t>(n));
    paths.push_back("needs_info_limit_days");
  }
  for (const std::string& k : args.GetAll("kelurahan")) o.add_kelurahan(k);
  if (args.Has("kelurahan")) paths.push_back("kelurahan");
  return absl::OkStatus();
}

void PrintOffices(const v1::ListOfficesResponse& r, std::ostream& out) {
  Table t({"KODE", "NAMA", "ZONA WAKTU", "KELURAHAN"});
  for (const v1::Office& o : r.offices()) {
    t.AddRow(
        {o.code(), o.name(), o.time_zone(), absl::StrCat(o.kelurahan_size())});
  }
  t.Print(out);
}

std::vector<Command> Offices() {
  std::vector<Command> c;
  c.push_back({"offices list",
               "",
               "List the offices where you are ADMIN.",
               "",
               {},
               [](Context& ctx) -> absl::Status {
                 ADUANCTL_ASSIGN(all, ctx.client.ListAllOffices({}));
                 v1::ListOfficesResponse r;
                 for (auto& o : all) *r.add_offices() = std::move(o);
                 return Show<v1::ListOfficesResponse>(ctx, r, PrintOffices);
               }});
  c.push_back({"offices get",
               "<code>",
               "Show an office's settings.",
               "",
               {},
               [](Context& ctx) {
                 v1::GetOfficeRequest req;
                 req.set_code(ctx.args.positional()[0]);
                 return Show<v1::Office>(ctx, ctx.client.GetOffice(req),
                                         PrintOffice);
               }});
  std::vector<Flag> create_flags = OfficeFlags();
  c.push_back(
      {"offices create", "<code>", "Create an office; you become its ADMIN.",
       "Name, time zone, hours, both SLA targets and --needs-info-days "
       "are required; add units and categories afterwards.",
       create_flags, [](Context& ctx) -> absl::Status {
         v1::CreateOfficeRequest req;
         req.set_request_id(ctx.args.Get("request-id"));
         req.mutable_office()->set_code(ctx.args.positional()[0]);
         std::vector<std::string> paths;
         absl::Status s = FillOffice(ctx.args, *req.mutable_office(), paths);
         if (!s.ok()) return s;
         return Show<v1::Office>(ctx, ctx.client.CreateOffice(req),
                                 PrintOffice);
       }});
  c.push_back({"offices update", "<code>",
               "Change an office's settings (only the flags given).", "",
               OfficeFlags(), [](Context& ctx) -> absl::Status {
                 v1::UpdateOfficeRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 req.mutable_office()->set_code(ctx.args.positional()[0]);
                 std::vector<std::string> paths;
                 absl::Status s =
                     FillOffice(ctx.args, *req.mutable_office(), paths);
                 if (!s.ok()) return s;
                 if (paths.empty()) return UsageError("give a field to change");
                 for (const auto& p : paths)
                   req.mutable_update_mask()->add_paths(p);
                 return Show<v1::Office>(ctx, ctx.client.UpdateOffice(req),
                                         PrintOffice);
               }});
  return c;
}

// ---- units and categories
// -------------------------------------------------------

void PrintUnit(const v1::Unit& u, std::ostream& out) {
  Table t({"KANTOR", "KODE", "NAMA", "AKTIF"});
  t.AddRow({u.office_code(), u.code(), u.name(), u.active() ? "ya" : "tidak"});
  t.Print(out);
}

void PrintUnits(const v1::ListUnitsResponse& r, std::ostream& out) {
  Table t({"KODE", "NAMA", "AKTIF"});
  for (const v1::Unit& u : r.units()) {
    t.AddRow({u.code(), u.name(), u.active() ? "ya" : "tidak"});
  }
  t.Print(out);
}

void PrintCategory(const v1::Category& k, std::ostream& out) {
  Fields f;
  f.Add("Kantor", k.office_code());
  f.Add("Kode", k.code());
  f.Add("Nama", k.name());
  f.Add("SLA layanan",
        k.has_service_sla()
            ? absl::StrCat(k.service_sla().seconds() / 60, " menit")
            : "-");
  f.Add("SLA penyelesaian",
        k.has_resolution_sla()
            ? absl::StrCat(k.resolution_sla().seconds() / 60, " menit")
            : "-");
  f.Add("Unit bawaan",
        k.default_unit_code().empty() ? "-" : k.default_unit_code());
  f.Add("Aktif", k.active() ? "ya" : "tidak");
  f.Print(out);
}

void PrintCategories(const v1::ListCategoriesResponse& r, std::ostream& out) {
  Table t({"KODE", "NAMA", "UNIT BAWAAN", "AKTIF"});
  for (const v1::Category& k : r.categories()) {
    t.AddRow({k.code(), k.name(),
              k.default_unit_code().empty() ? "-" : k.default_unit_code(),
              k.active() ? "ya" : "tidak"});
  }
  t.Print(out);
}

const Flag kOffice = {"office", "CODE",
                      "office code (default: $ADUAN_OFFICE, else KNG)"};

std::vector<Command> UnitsAndCategories() {
  std::vector<Command> c;
  c.push_back({"units list",
               "",
               "List an office's units.",
               "",
               {kOffice},
               [](Context& ctx) {
                 v1::ListUnitsRequest req;
                 req.set_office_code(DefaultOffice(ctx.args));
                 return Show<v1::ListUnitsResponse>(
                     ctx, ctx.client.ListUnits(req), PrintUnits);
               }});
  c.push_back({"units create",
               "<code>",
               "Add a unit (Kasi/Kasubbag).",
               "",
               {kOffice, {"name", "NAME", "the unit's name"}, kRequestId},
               [](Context& ctx) {
                 v1::CreateUnitRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 req.mutable_unit()->set_office_code(DefaultOffice(ctx.args));
                 req.mutable_unit()->set_code(ctx.args.positional()[0]);
                 req.mutable_unit()->set_name(ctx.args.Get("name"));
                 return Show<v1::Unit>(ctx, ctx.client.CreateUnit(req),
                                       PrintUnit);
               }});
  c.push_back(
      {"units update",
       "<code>",
       "Rename or (de)activate a unit (only the flags given).",
       "",
       {kOffice,
        {"name", "NAME", "the unit's name"},
        {"active", "BOOL", "true or false"},
        kRequestId},
       [](Context& ctx) -> absl::Status {
         v1::UpdateUnitRequest req;
         req.set_request_id(ctx.args.Get("request-id"));
         v1::Unit* u = req.mutable_unit();
         u->set_office_code(DefaultOffice(ctx.args));
         u->set_code(ctx.args.positional()[0]);
         if (ctx.args.Has("name")) {
           u->set_name(ctx.args.Get("name"));
           req.mutable_update_mask()->add_paths("name");
         }
         if (ctx.args.Has("active")) {
           ADUANCTL_ASSIGN(b, ParseBool("active", ctx.args.Get("active")));
           u->set_active(b);
           req.mutable_update_mask()->add_paths("active");
         }
         if (req.update_mask().paths_size() == 0) {
           return UsageError("give --name or --active");
         }
         return Show<v1::Unit>(ctx, ctx.client.UpdateUnit(req), PrintUnit);
       }});
  c.push_back({"categories list",
               "",
               "List an office's categories.",
               "",
               {kOffice},
               [](Context& ctx) {
                 v1::ListCategoriesRequest req;
                 req.set_office_code(DefaultOffice(ctx.args));
                 return Show<v1::ListCategoriesResponse>(
                     ctx, ctx.client.ListCategories(req), PrintCategories);
               }});
  std::vector<Flag> category_flags = {
      kOffice,
      {"name", "NAME", "the category's name"},
      {"service-sla-minutes", "N", "overrides the office's service target"},
      {"resolution-sla-minutes", "N", "default resolution target"},
      {"default-unit", "CODE", "unit suggested for disposition"},
      {"active", "BOOL", "true or false (update only)"},
      kRequestId};
  // Copies the category flags given; returns the mask paths.
  static auto fill =
      [](const Args& args,
         v1::Category& k) -> absl::StatusOr<std::vector<std::string>> {
    std::vector<std::string> paths;
    if (args.Has("name")) k.set_name(args.Get("name")), paths.push_back("name");
    if (args.Has("service-sla-minutes")) {
      ADUANCTL_ASSIGN(
          d, Minutes("service-sla-minutes", args.Get("service-sla-minutes")));
      *k.mutable_service_sla() = d;
      paths.push_back("service_sla");
    }
    if (args.Has("resolution-sla-minutes")) {
      ADUANCTL_ASSIGN(d, Minutes("resolution-sla-minutes",
                                 args.Get("resolution-sla-minutes")));
      *k.mutable_resolution_sla() = d;
      paths.push_back("resolution_sla");
    }
    if (args.Has("default-unit")) {
      k.set_default_unit_code(args.Get("default-unit"));
      paths.push_back("default_unit_code");
    }
    if (args.Has("active")) {
      ADUANCTL_ASSIGN(b, ParseBool("active", args.Get("active")));
      k.set_active(b);
      paths.push_back("active");
    }
    return paths;
  };
  c.push_back({"categories create", "<code>", "Add a complaint category.", "",
               category_flags, [](Context& ctx) -> absl::Status {
                 v1::CreateCategoryRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 v1::Category* k = req.mutable_category();
                 k->set_office_code(DefaultOffice(ctx.args));
                 k->set_code(ctx.args.positional()[0]);
                 ADUANCTL_ASSIGN(paths, fill(ctx.args, *k));
                 (void)paths;
                 return Show<v1::Category>(ctx, ctx.client.CreateCategory(req),
                                           PrintCategory);
               }});
  c.push_back({"categories update", "<code>",
               "Change a category (only the flags given).", "", category_flags,
               [](Context& ctx) -> absl::Status {
                 v1::UpdateCategoryRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 v1::Category* k = req.mutable_category();
                 k->set_office_code(DefaultOffice(ctx.args));
                 k->set_code(ctx.args.positional()[0]);
                 ADUANCTL_ASSIGN(paths, fill(ctx.args, *k));
                 if (paths.empty()) return UsageError("give a field to change");
                 for (const auto& p : paths)
                   req.mutable_update_mask()->add_paths(p);
                 return Show<v1::Category>(ctx, ctx.client.UpdateCategory(req),
                                           PrintCategory);
               }});
  return c;
}

// ---- principals and tokens
// --------------------------------------------------------

const Flag kRole = {"role", "ROLE@OFFICE[:UNIT|:SOURCE]",
                    "a role binding, e.g. OFFICER@KNG, SECRETARY@KNG, "
                    "HEAD@KNG, UNIT@KNG:TRANTIB, GATEWAY@KNG:website, "
                    "AUDITOR@KNG, ADMIN@KNG",
                    true};

absl::Status SetDisabled(Context& ctx, bool disabled) {
  v1::UpdatePrincipalRequest req;
  req.set_request_id(ctx.args.Get("request-id"));
  req.mutable_principal()->set_principal_id(ctx.args.positional()[0]);
  req.mutable_principal()->set_disabled(disabled);
  req.mutable_update_mask()->add_paths("disabled");
  return Show<v1::Principal>(ctx, ctx.client.UpdatePrincipal(req),
                             PrintPrincipal);
}

absl::Status ChangeBindings(Context& ctx, bool add) {
  const std::vector<std::string> roles = ctx.args.GetAll("role");
  if (roles.empty()) return UsageError("--role is required");
  absl::StatusOr<v1::Principal> p;
  for (const std::string& text : roles) {
    ADUANCTL_ASSIGN(binding, ParseBinding(text));
    if (add) {
      v1::AddRoleBindingRequest req;
      req.set_principal_id(ctx.args.positional()[0]);
      *req.mutable_role_binding() = binding;
      p = ctx.client.AddRoleBinding(req);
    } else {
      v1::RemoveRoleBindingRequest req;
      req.set_principal_id(ctx.args.positional()[0]);
      *req.mutable_role_binding() = binding;
      p = ctx.client.RemoveRoleBinding(req);
    }
    if (!p.ok()) return p.status();
  }
  return Show<v1::Principal>(ctx, p, PrintPrincipal);
}

void PrintIssued(const v1::IssueTokenResponse& r, std::ostream& out) {
  // The same `token: ` line as `aduand bootstrap-admin`, for scripts.
  out << "token_id: " << r.token().token_id() << "\n"
      << "token: " << r.secret() << "\n"
      << "(the token is shown only now; keep it safe)\n";
}

void PrintToken(const v1::Token& k, std::ostream& out) {
  PrintTokens({k}, out);
}

void PrintTokenList(const v1::ListTokensResponse& r, std::ostream& out) {
  PrintTokens({r.tokens().begin(), r.tokens().end()}, out);
}

void PrintPrincipalList(const v1::ListPrincipalsResponse& r,
                        std::ostream& out) {
  PrintPrincipals({r.principals().begin(), r.principals().end()}, out);
}

void PrintAccessLog(const v1::ListAccessLogResponse& r, std::ostream& out) {
  Table t({"WAKTU", "OLEH", "PERAN", "ALASAN"});
  for (const v1::AccessLogEntry& e : r.entries()) {
    t.AddRow({FormatTime(e.create_time()), e.principal_name(), e.role(),
              e.reason()});
  }
  t.Print(out);
}

std::vector<Command> PrincipalsAndTokens() {
  std::vector<Command> c;
  c.push_back({"principals create",
               "<name>",
               "Create a staff member or machine client.",
               "The name is 3-64 of [a-z0-9._-], e.g. siti.officer. Issue a "
               "token afterwards with `aduanctl tokens issue <id>`.",
               {{"display-name", "TEXT", "e.g. \"Siti (Petugas Pengaduan)\""},
                kRole,
                {"tls-identity", "CN", "client certificate common name (mTLS)"},
                kRequestId},
               [](Context& ctx) -> absl::Status {
                 v1::CreatePrincipalRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 v1::Principal* p = req.mutable_principal();
                 p->set_name(ctx.args.positional()[0]);
                 p->set_display_name(ctx.args.Get("display-name"));
                 p->set_tls_identity(ctx.args.Get("tls-identity"));
                 for (const std::string& text : ctx.args.GetAll("role")) {
                   ADUANCTL_ASSIGN(b, ParseBinding(text));
                   *p->add_role_bindings() = b;
                 }
                 return Show<v1::Principal>(
                     ctx, ctx.client.CreatePrincipal(req), PrintPrincipal);
               }});
  c.push_back({"principals list",
               "",
               "List principals by name.",
               "",
               {{"office", "CODE", "only those with a role in this office"}},
               [](Context& ctx) -> absl::Status {
                 v1::ListPrincipalsRequest req;
                 req.set_office_code(ctx.args.Get("office"));
                 ADUANCTL_ASSIGN(all, ctx.client.ListAllPrincipals(req));
                 v1::ListPrincipalsResponse r;
                 for (auto& p : all) *r.add_principals() = std::move(p);
                 return Show<v1::ListPrincipalsResponse>(ctx, r,
                                                         PrintPrincipalList);
               }});
  c.push_back({"principals get",
               "<principal-id>",
               "Show a principal.",
               "",
               {},
               [](Context& ctx) {
                 v1::GetPrincipalRequest req;
                 req.set_principal_id(ctx.args.positional()[0]);
                 return Show<v1::Principal>(ctx, ctx.client.GetPrincipal(req),
                                            PrintPrincipal);
               }});
  c.push_back({"principals disable",
               "<principal-id>",
               "Disable a principal; its tokens stop working at once.",
               "",
               {kRequestId},
               [](Context& ctx) { return SetDisabled(ctx, true); }});
  c.push_back({"principals enable",
               "<principal-id>",
               "Enable a disabled principal again.",
               "",
               {kRequestId},
               [](Context& ctx) { return SetDisabled(ctx, false); }});
  c.push_back(
      {"principals update",
       "<principal-id>",
       "Change a principal's display name or TLS identity (only the flags "
       "given).",
       "",
       {{"display-name", "TEXT", "the name shown to people"},
        {"tls-identity", "NAME",
         "the client certificate's common name (mTLS); empty to clear"},
        kRequestId},
       [](Context& ctx) -> absl::Status {
         v1::UpdatePrincipalRequest req;
         req.set_request_id(ctx.args.Get("request-id"));
         v1::Principal* p = req.mutable_principal();
         p->set_principal_id(ctx.args.positional()[0]);
         if (ctx.args.Has("display-name")) {
           p->set_display_name(ctx.args.Get("display-name"));
           req.mutable_update_mask()->add_paths("display_name");
         }
         if (ctx.args.Has("tls-identity")) {
           p->set_tls_identity(ctx.args.Get("tls-identity"));
           req.mutable_update_mask()->add_paths("tls_identity");
         }
         if (req.update_mask().paths_size() == 0) {
           return UsageError("give --display-name or --tls-identity");
         }
         return Show<v1::Principal>(ctx, ctx.client.UpdatePrincipal(req),
                                    PrintPrincipal);
       }});
  c.push_back({"principals add-binding",
               "<principal-id>",
               "Grant roles to a principal.",
               "",
               {kRole},
               [](Context& ctx) { return ChangeBindings(ctx, true); }});
  c.push_back({"principals remove-binding",
               "<principal-id>",
               "Take roles from a principal.",
               "",
               {kRole},
               [](Context& ctx) { return ChangeBindings(ctx, false); }});
  c.push_back({"tokens issue",
               "<principal-id>",
               "Issue a bearer token; it is printed once (`token: adn_…`).",
               "",
               {{"description", "TEXT", "e.g. \"laptop meja pengaduan\""},
                {"ttl-hours", "N", "lifetime in hours (default: no expiry)"},
                kRequestId},
               [](Context& ctx) -> absl::Status {
                 v1::IssueTokenRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 req.set_principal_id(ctx.args.positional()[0]);
                 req.set_description(ctx.args.Get("description"));
                 if (ctx.args.Has("ttl-hours")) {
                   ADUANCTL_ASSIGN(
                       h, ParseInt("ttl-hours", ctx.args.Get("ttl-hours")));
                   req.mutable_ttl()->set_seconds(h * 3600);
                 }
                 return Show<v1::IssueTokenResponse>(
                     ctx, ctx.client.IssueToken(req), PrintIssued);
               }});
  c.push_back({"tokens revoke",
               "<token-id>",
               "Revoke a token; it stops working at once.",
               "",
               {kRequestId},
               [](Context& ctx) {
                 v1::RevokeTokenRequest req;
                 req.set_request_id(ctx.args.Get("request-id"));
                 req.set_token_id(ctx.args.positional()[0]);
                 return Show<v1::Token>(ctx, ctx.client.RevokeToken(req),
                                        PrintToken);
               }});
  c.push_back({"tokens list",
               "<principal-id>",
               "List a principal's tokens, newest first (never the secrets).",
               "",
               {},
               [](Context& ctx) {
                 v1::ListTokensRequest req;
                 req.set_principal_id(ctx.args.positional()[0]);
                 return Show<v1::ListTokensResponse>(
                     ctx, ctx.client.ListTokens(req), PrintTokenList);
               }});
  c.push_back({"access-log",
               "<tracking-code>",
               "Who read a complaint's full personal data, when and why.",
               "",
               {},
               [](Context& ctx) -> absl::Status {
                 v1::ListAccessLogRequest req;
                 req.set_tracking_code(ctx.args.positional()[0]);
                 ADUANCTL_ASSIGN(all, ctx.client.ListAllAccessLog(req));
                 v1::ListAccessLogResponse r;
                 for (auto& e : all) *r.add_entries() = std::move(e);
                 return Show<v1::ListAccessLogResponse>(ctx, r, PrintAccessLog);
               }});
  return c;
}

}  // namespace

void AddAdminCommands(std::vector<Command>& commands) {
  for (auto group : {Offices(), UnitsAndCategories(), PrincipalsAndTokens()}) {
    for (Command& c : group) commands.push_back(std::move(c));
  }
}

}  // namespace aduan::ctl
