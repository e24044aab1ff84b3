// aduanctl as a process against a real aduand (SQLite, and MariaDB when
// ADUAN_TEST_MYSQL_URL is set): the staff are created with aduanctl, then a
// complaint goes from submission to archive with aduanctl alone; exact
// output, JSON fields and exit codes.
#include <fcntl.h>
#include <google/protobuf/util/json_util.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "aduan/v1/admin_service.pb.h"
#include "aduan/v1/archive_service.pb.h"
#include "aduan/v1/attachment_service.pb.h"
#include "aduan/v1/complaint_service.pb.h"
#include "aduan/v1/intake_service.pb.h"
#include "gmock/gmock.h"
#include "tests/e2e/e2e_fixture.h"

extern char** environ;

namespace aduan {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The value of `label : value` in aduanctl's key/value output.
std::string Field(const std::string& out, const std::string& label) {
  std::smatch m;
  if (std::regex_search(out, m,
                        std::regex("(^|\n)" + label + " *: ([^\n]*)"))) {
    return m[2];
  }
  return "";
}

template <typename M>
M FromJson(const std::string& json) {
  M message;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok())
      << json;
  return message;
}

class AduanctlE2eTest : public testing::E2eFixture {
 protected:
  // Runs aduanctl with `args`, ADUAN_ADDR of the server and ADUAN_TOKEN
  // `token` (none when empty); other ADUAN_ variables are dropped.
  Result Ctl(const std::string& token, std::vector<std::string> args) {
    return CtlEnv(server_->address(), token, std::move(args));
  }

  // Runs aduanctl with `args`, ADUAN_ADDR `addr` and ADUAN_TOKEN `token`
  // (each none when empty); other ADUAN_ variables are dropped.
  Result CtlEnv(const std::string& addr, const std::string& token,
                std::vector<std::string> args) {
    const std::string out = dir_ + "/ctl.out", err = dir_ + "/ctl.err";
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      if (std::strncmp(*e, "ADUAN_", 6) != 0) env.emplace_back(*e);
    }
    if (!addr.empty()) env.push_back("ADUAN_ADDR=" + addr);
    if (!token.empty()) env.push_back("ADUAN_TOKEN=" + token);
    args.insert(args.begin(), ADUANCTL_BINARY);
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int r = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(o, 1);
      dup2(r, 2);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = Slurp(out);
    result.err = Slurp(err);
    return result;
  }

  // Creates a principal with one role and returns a fresh token for it.
  std::string Staff(const std::string& name, const std::string& role) {
    Result created =
        Ctl(admin_token_, {"principals", "create", name, "--role", role,
                           "--display-name", name, "--json"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    const v1::Principal p = FromJson<v1::Principal>(created.out);
    EXPECT_EQ(p.name(), name);
    Result issued = Ctl(admin_token_, {"tokens", "issue", p.principal_id(),
                                       "--description", "uji"});
    EXPECT_EQ(issued.exit_code, 0) << issued.err;
    std::smatch m;
    EXPECT_TRUE(std::regex_search(issued.out, m,
                                  std::regex("(^|\n)token: (adn_\\S+)\n")))
        << issued.out;
    return m[2];
  }

  // Runs a step that must succeed and returns the complaint it printed.
  v1::Complaint Step(const std::string& token, std::vector<std::string> args) {
    args.push_back("--json");
    Result r = Ctl(token, args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.err, "");
    return FromJson<v1::Complaint>(r.out);
  }

  // Submits as `officer`; returns tracking code and PIN from the table.
  std::pair<std::string, std::string> Submit(const std::string& officer) {
    Result r =
        Ctl(officer, {"submit", "--title", "Lampu jalan mati", "--description",
                      "Sejak Senin malam lampu di gang 3 mati.", "--name",
                      "Siti Aminah", "--phone", "0812-3456-7890", "--kelurahan",
                      "kanigaran", "--channel", "office"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Field(r.out, "Status"), "Diterima (SUBMITTED)");
    EXPECT_EQ(Field(r.out, "Etag"), "v1");
    const std::string code = Field(r.out, "Kode pelacakan");
    const std::string pin = Field(r.out, "PIN");
    EXPECT_TRUE(std::regex_match(code, std::regex("KNG-[0-9A-Z]{8}"))) << code;
    EXPECT_TRUE(std::regex_match(pin, std::regex("[0-9]{8}"))) << r.out;
    return {code, pin};
  }

  // The complaint as `aduanctl get --json` shows it to `token`.
  v1::Complaint Read(const std::string& token, const std::string& code) {
    Result r = Ctl(token, {"get", code, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return FromJson<v1::Complaint>(r.out);
  }

  // The complaint's events as `aduanctl history --json` shows them.
  std::vector<v1::ComplaintEvent> Events(const std::string& token,
                                         const std::string& code) {
    Result r = Ctl(token, {"history", code, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto events = FromJson<v1::ListComplaintEventsResponse>(r.out);
    return {events.events().begin(), events.events().end()};
  }

  // Submits, verifies and reports a complaint to the head; returns its code.
  std::string Reported(const std::string& officer,
                       const std::string& secretary) {
    const std::string code = Submit(officer).first;
    EXPECT_EQ(Step(officer, {"verify", code}).state(), v1::Complaint::VERIFIED);
    EXPECT_EQ(Step(secretary, {"report", code}).state(),
              v1::Complaint::REPORTED_TO_HEAD);
    return code;
  }
  // A complaint reported to the head and disposed by it to TRANTIB.
  std::string Disposed(const std::string& officer, const std::string& secretary,
                       const std::string& head) {
    const std::string code = Reported(officer, secretary);
    EXPECT_EQ(Step(head, {"dispose", code, "--unit", "TRANTIB", "--instruction",
                          "Cek lampu jalan"})
                  .state(),
              v1::Complaint::DISPOSED);
    return code;
  }
};

TEST_P(AduanctlE2eTest, StaffHandleAComplaintFromSubmissionToArchive) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string secretary = Staff("sekcam.kng", "SECRETARY@KNG");
  const std::string head = Staff("camat.kng", "HEAD@KNG");
  const std::string unit = Staff("kasi.trantib.kng", "UNIT@KNG:TRANTIB");

  auto [code, pin] = Submit(officer);

  // A step in the wrong state: the server's FAILED_PRECONDITION, exit 2.
  Result early = Ctl(officer, {"archive", code});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.out, "");
  EXPECT_THAT(early.err, StartsWith("aduanctl: FAILED_PRECONDITION: "));
  EXPECT_THAT(early.err, HasSubstr("the complaint is SUBMITTED"));

  v1::Complaint c = Step(
      officer, {"verify", code, "--kk-copy", "--ktp-copy", "--etag", "v1"});
  EXPECT_EQ(c.state(), v1::Complaint::VERIFIED);
  EXPECT_EQ(c.etag(), "v2");

  // A stale etag: ABORTED, exit 2.
  Result stale = Ctl(secretary, {"report", code, "--etag", "v1"});
  EXPECT_EQ(stale.exit_code, 2);
  EXPECT_THAT(stale.err, StartsWith("aduanctl: ABORTED: "));

  Result reported = Ctl(secretary, {"report", code, "--note", "Mohon arahan"});
  ASSERT_EQ(reported.exit_code, 0) << reported.err;
  EXPECT_EQ(reported.out, "Kode pelacakan : " + code +
                              "\nStatus         : Dilaporkan ke Camat "
                              "(REPORTED_TO_HEAD)\nEtag           : v3\n");

  c = Step(head, {"dispose", code, "--unit", "TRANTIB", "--instruction",
                  "Cek dan perbaiki lampu"});
  EXPECT_EQ(c.state(), v1::Complaint::DISPOSED);
  EXPECT_EQ(c.unit_code(), "TRANTIB");
  c = Step(unit, {"start", code});
  EXPECT_EQ(c.state(), v1::Complaint::IN_FOLLOW_UP);
  c = Step(unit, {"note", code, "--note", "Sudah dicek ke lokasi"});
  EXPECT_EQ(c.state(), v1::Complaint::IN_FOLLOW_UP);
  c = Step(unit, {"resolve", code, "--result", "Lampu sudah diganti"});
  EXPECT_EQ(c.state(), v1::Complaint::RESOLVED);
  c = Step(officer, {"inform", code, "--method", "PHONE", "--message",
                     "Lampu sudah menyala kembali"});
  EXPECT_EQ(c.state(), v1::Complaint::INFORMED);

  Result archived = Ctl(officer, {"archive", code});
  ASSERT_EQ(archived.exit_code, 0) << archived.err;
  EXPECT_EQ(Field(archived.out, "Status"), "Diarsipkan (ARCHIVED)");
  EXPECT_EQ(Field(archived.out, "Unit"), "TRANTIB");

  Result verified = Ctl(officer, {"archive-verify", code});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(Field(verified.out, "Utuh"), "ya");
  EXPECT_EQ(Field(verified.out, "Rantai utuh"), "ya");
  Result record = Ctl(officer, {"archive-get", code, "--json"});
  ASSERT_EQ(record.exit_code, 0) << record.err;
  const v1::ArchiveRecord r = FromJson<v1::ArchiveRecord>(record.out);
  EXPECT_EQ(r.tracking_code(), code);
  EXPECT_EQ(r.sha256(), Field(verified.out, "SHA-256 tersimpan"));

  Result history = Ctl(officer, {"history", code, "--json"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const auto events = FromJson<v1::ListComplaintEventsResponse>(history.out);
  std::vector<v1::ComplaintEvent::Type> types;
  for (const auto& e : events.events()) types.push_back(e.type());
  using E = v1::ComplaintEvent;
  EXPECT_EQ(types, (std::vector<E::Type>{
                       E::SUBMITTED, E::VERIFIED, E::REPORTED_TO_HEAD,
                       E::DISPOSED, E::FOLLOW_UP_STARTED, E::FOLLOW_UP_NOTE,
                       E::RESOLVED, E::INFORMED, E::ARCHIVED}));
  Result table = Ctl(officer, {"history", code});
  EXPECT_THAT(table.out, StartsWith("VERSI  WAKTU"));
  EXPECT_THAT(table.out, HasSubstr("REPORTED_TO_HEAD   Dilaporkan ke Camat"));
  EXPECT_THAT(table.out, HasSubstr("kasi.trantib.kng (UNIT)"));

  // The complainant tracks it with the PIN and no token.
  Result tracked = Ctl("", {"track", code, "--pin", pin});
  ASSERT_EQ(tracked.exit_code, 0) << tracked.err;
  EXPECT_EQ(Field(tracked.out, "Status"), "Diarsipkan (ARCHIVED)");
  Result wrong_pin = Ctl("", {"track", code, "--pin", "00000000"});
  EXPECT_EQ(wrong_pin.exit_code, 2);
  EXPECT_THAT(wrong_pin.err, StartsWith("aduanctl: NOT_FOUND: "));

  Result listed = Ctl(officer, {"list", "--state", "archived", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto list = FromJson<v1::ListComplaintsResponse>(listed.out);
  ASSERT_EQ(list.complaints_size(), 1);
  EXPECT_EQ(list.complaints(0).tracking_code(), code);
  Result listed_table = Ctl(officer, {"list", "--all"});
  EXPECT_THAT(listed_table.out,
              StartsWith("KODE          STATUS      UNIT     SLA"));
  EXPECT_THAT(listed_table.out, HasSubstr(code + "  Diarsipkan  TRANTIB"));
  EXPECT_THAT(listed_table.out, HasSubstr("1 dari 1 aduan\n"));
}

TEST_P(AduanctlE2eTest, IncompleteComplaintIsSupplementedWithdrawnArchived) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  auto [code, pin] = Submit(officer);
  v1::Complaint c = Step(officer, {"verify", code, "--outcome", "NEEDS_INFO",
                                   "--missing", "Fotokopi KK"});
  EXPECT_EQ(c.state(), v1::Complaint::NEEDS_INFO);
  // The complainant, with the PIN and no token.
  c = Step("", {"supplement", code, "--pin", pin, "--note", "KK dibawa"});
  EXPECT_EQ(c.state(), v1::Complaint::SUBMITTED);

  Result reissued = Ctl(officer, {"reissue-pin", code});
  ASSERT_EQ(reissued.exit_code, 0) << reissued.err;
  const std::string new_pin = Field(reissued.out, "PIN");
  EXPECT_NE(new_pin, pin);
  c = Step("", {"withdraw", code, "--pin", new_pin, "--reason",
                "Sudah selesai sendiri"});
  EXPECT_EQ(c.state(), v1::Complaint::WITHDRAWN);
  c = Step(officer, {"archive", code});
  EXPECT_EQ(c.state(), v1::Complaint::ARCHIVED);

  // Submitted, verified, supplemented, PIN reissued, withdrawn, archived.
  Result got = Ctl(officer, {"get", code});
  EXPECT_EQ(Field(got.out, "Status"), "Diarsipkan (ARCHIVED)");
  EXPECT_EQ(Field(got.out, "Etag"), "v6");
}

TEST_P(AduanctlE2eTest, RepeatedRequestIdReturnsTheFirstResult) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  auto [code, pin] = Submit(officer);
  v1::Complaint first =
      Step(officer, {"verify", code, "--request-id", "verif-kng-1"});
  v1::Complaint again =
      Step(officer, {"verify", code, "--request-id", "verif-kng-1"});
  EXPECT_EQ(again.etag(), first.etag());
  EXPECT_EQ(again.state(), v1::Complaint::VERIFIED);
}

TEST_P(AduanctlE2eTest, AttachmentsUploadedAndDownloadedWithAduanctl) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  auto [code, pin] = Submit(officer);
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00"
      "\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00"
      "\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9"
      "\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      69);
  std::ofstream(dir_ + "/lokasi.png", std::ios::binary) << png;
  std::ofstream(dir_ + "/bukan.png", std::ios::binary) << "bukan gambar";

  Result up = Ctl(officer, {"upload", code, dir_ + "/lokasi.png", "--type",
                            "location_photo", "--json"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  const auto uploaded = FromJson<v1::UploadAttachmentResponse>(up.out);
  EXPECT_EQ(uploaded.size_bytes(), 69);

  Result got = Ctl(officer, {"get", code});
  EXPECT_THAT(got.out, HasSubstr("Lampiran:\nID"));
  EXPECT_THAT(got.out, HasSubstr(uploaded.attachment_id() +
                                 "  LOCATION_PHOTO  lokasi.png"));

  const std::string saved = dir_ + "/unduhan.png";
  Result down = Ctl(officer, {"download", uploaded.attachment_id(), saved});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(Field(down.out, "Ukuran"), "69 byte");
  EXPECT_EQ(Slurp(saved), png);

  Result bad = Ctl(officer, {"upload", code, dir_ + "/bukan.png", "--type",
                             "LOCATION_PHOTO"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  Result missing = Ctl(officer, {"upload", code, dir_ + "/tidak-ada.png",
                                 "--type", "LOCATION_PHOTO"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("tidak-ada.png"));
}

TEST_P(AduanctlE2eTest, AdministrationWithAduanctl) {
  Result unit = Ctl(admin_token_, {"units", "create", "LINMAS", "--name",
                                   "Seksi Perlindungan Masyarakat"});
  ASSERT_EQ(unit.exit_code, 0) << unit.err;
  Result units = Ctl(admin_token_, {"units", "list", "--office", "KNG"});
  EXPECT_THAT(units.out, HasSubstr("LINMAS   Seksi Perlindungan Masyarakat"));
  Result category =
      Ctl(admin_token_, {"categories", "create", "LAMPU", "--name",
                         "Penerangan Jalan", "--default-unit", "TRANTIB",
                         "--resolution-sla-minutes", "960", "--json"});
  ASSERT_EQ(category.exit_code, 0) << category.err;
  const auto k = FromJson<v1::Category>(category.out);
  EXPECT_EQ(k.default_unit_code(), "TRANTIB");
  EXPECT_EQ(k.resolution_sla().seconds(), 960 * 60);
  Result offices = Ctl(admin_token_, {"offices", "list", "--json"});
  ASSERT_EQ(offices.exit_code, 0) << offices.err;
  EXPECT_EQ(FromJson<v1::ListOfficesResponse>(offices.out).offices(0).code(),
            "KNG");

  const std::string token = Staff("andi.petugas", "OFFICER@KNG");
  Result p = Ctl(admin_token_, {"principals", "list", "--json"});
  std::string id;
  const auto principals = FromJson<v1::ListPrincipalsResponse>(p.out);
  for (const auto& principal : principals.principals()) {
    if (principal.name() == "andi.petugas") id = principal.principal_id();
  }
  ASSERT_FALSE(id.empty());
  Result bound = Ctl(
      admin_token_, {"principals", "add-binding", id, "--role", "AUDITOR@KNG"});
  ASSERT_EQ(bound.exit_code, 0) << bound.err;
  EXPECT_THAT(Field(bound.out, "Peran"), HasSubstr("OFFICER@KNG"));
  EXPECT_THAT(Field(bound.out, "Peran"), HasSubstr("AUDITOR@KNG"));
  Result renamed = Ctl(
      admin_token_, {"principals", "update", id, "--display-name",
                     "Andi Pratama", "--tls-identity", "andi.kng", "--json"});
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  const auto updated = FromJson<v1::Principal>(renamed.out);
  EXPECT_EQ(updated.display_name(), "Andi Pratama");
  EXPECT_EQ(updated.tls_identity(), "andi.kng");
  EXPECT_EQ(updated.role_bindings_size(), 2);
  Result nothing = Ctl(admin_token_, {"principals", "update", id});
  EXPECT_EQ(nothing.exit_code, 1);
  Result tokens = Ctl(admin_token_, {"tokens", "list", id, "--json"});
  const auto list = FromJson<v1::ListTokensResponse>(tokens.out);
  ASSERT_EQ(list.tokens_size(), 1);
  Result revoked =
      Ctl(admin_token_, {"tokens", "revoke", list.tokens(0).token_id()});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  Result refused = Ctl(token, {"list"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, StartsWith("aduanctl: UNAUTHENTICATED: "));
}

TEST_P(AduanctlE2eTest, UsageErrorsExitOneAndEveryCommandHasHelp) {
  Result none = Ctl("", {});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, StartsWith("Usage: aduanctl"));
  Result help = Ctl("", {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  Result missing = Ctl(officer_token_, {"verify"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("verify takes 1 argument"));
  Result unknown = Ctl(officer_token_, {"verify", "KNG-X", "--frob"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err,
            "aduanctl: unknown flag --frob\nRun 'aduanctl verify --help' for "
            "usage.\n");
  Result bad_enum =
      Ctl(officer_token_, {"verify", "KNG-X", "--outcome", "MAYBE"});
  EXPECT_EQ(bad_enum.exit_code, 1);
  EXPECT_THAT(bad_enum.err, HasSubstr("VERIFIED, NEEDS_INFO"));

  // `--help` of every command listed in the overview; the two-word ones by
  // group (`principals create` in `principals`).
  std::istringstream lines(help.out);
  std::string line;
  int commands = 0;
  std::map<std::string, std::vector<std::string>> groups;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (line == "Commands:") {
      in_list = true;
      continue;
    }
    if (in_list && line.empty()) break;
    if (!in_list) continue;
    std::istringstream words(line);
    std::vector<std::string> name;
    std::string w;
    while (words >> w && w[0] != '<' && std::islower(w[0]) && name.size() < 2) {
      name.push_back(w);
    }
    if (name.size() == 2 && !std::isupper(line[2])) {
      // A one-word command followed by its summary: keep the first word
      // only unless the pair is a command.
      Result pair = Ctl("", {name[0], name[1], "--help"});
      if (pair.out.rfind("Usage: aduanctl " + name[0] + " " + name[1], 0) !=
          0) {
        name.pop_back();
      }
    }
    if (name.size() == 2) groups[name[0]].push_back(name[0] + " " + name[1]);
    name.push_back("--help");
    Result r = Ctl("", name);
    EXPECT_EQ(r.exit_code, 0) << line;
    EXPECT_THAT(r.out, StartsWith("Usage: aduanctl " + name[0])) << line;
    ++commands;
  }
  EXPECT_GE(commands, 40);

  // `<group> --help` lists the group's commands on stdout and exits 0; the
  // group alone is a usage error listing them on stderr.
  EXPECT_EQ(groups.count("principals"), 1u);
  EXPECT_EQ(groups.count("tokens"), 1u);
  for (const auto& [group, names] : groups) {
    Result r = Ctl("", {group, "--help"});
    EXPECT_EQ(r.exit_code, 0) << group << ": " << r.err;
    EXPECT_EQ(r.err, "") << group;
    EXPECT_THAT(r.out, StartsWith("Usage: aduanctl " + group + " <command>"));
    for (const std::string& name : names) {
      EXPECT_THAT(r.out, HasSubstr("\n  aduanctl " + name)) << group;
    }
  }
  Result group_alone = Ctl("", {"principals"});
  EXPECT_EQ(group_alone.exit_code, 1);
  EXPECT_EQ(group_alone.out, "");
  EXPECT_THAT(group_alone.err, HasSubstr("\n  aduanctl principals create "));
  Result unknown_group = Ctl("", {"frob", "--help"});
  EXPECT_EQ(unknown_group.exit_code, 1);
  EXPECT_THAT(unknown_group.err, StartsWith("aduanctl: unknown command"));
}

// `update` changes only the fields given (kelurahan spelled as the office
// does) until disposition; afterwards only the flags can still be raised.
TEST_P(AduanctlE2eTest, UpdateCorrectsFieldsUntilDisposition) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string secretary = Staff("sekcam.kng", "SECRETARY@KNG");
  const std::string head = Staff("camat.kng", "HEAD@KNG");
  const std::string code = Submit(officer).first;

  Result none = Ctl(officer, {"update", code});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, HasSubstr("give at least one field to change"));

  v1::Complaint c = Step(
      officer, {"update", code, "--title", "Lampu jalan gang 3 mati total",
                "--location", "Gang 3, Jl. Panglima Sudirman", "--kelurahan",
                "sukabumi", "--category", "INFRA", "--etag", "v1"});
  EXPECT_EQ(c.etag(), "v2");
  c = Read(officer, code);
  EXPECT_EQ(c.state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(c.title(), "Lampu jalan gang 3 mati total");
  EXPECT_EQ(c.location().address(), "Gang 3, Jl. Panglima Sudirman");
  EXPECT_EQ(c.location().kelurahan(), "Sukabumi");
  EXPECT_EQ(c.category(), "INFRA");
  // Not in the mask: unchanged.
  EXPECT_EQ(c.description(), "Sejak Senin malam lampu di gang 3 mati.");
  EXPECT_EQ(c.complainant().name(), "Siti Aminah");
  EXPECT_EQ(Events(officer, code).back().type(), v1::ComplaintEvent::UPDATED);

  Step(officer, {"verify", code});
  Step(secretary, {"report", code});
  Step(head, {"dispose", code, "--unit", "PMD", "--instruction", "Tangani"});
  Result late = Ctl(officer, {"update", code, "--title", "Judul baru"});
  EXPECT_EQ(late.exit_code, 2);
  EXPECT_THAT(late.err, StartsWith("aduanctl: FAILED_PRECONDITION: "));
  EXPECT_THAT(late.err, HasSubstr("only before disposition"));
  c = Step(officer, {"update", code, "--confidential"});
  EXPECT_TRUE(c.confidential());
  c = Read(officer, code);
  EXPECT_EQ(c.title(), "Lampu jalan gang 3 mati total");
  EXPECT_TRUE(c.confidential());
}

// `decline` closes a reported complaint as REJECTED with the head's reason;
// a missing --outcome is a usage error (1), a missing reason the server's (2).
TEST_P(AduanctlE2eTest, HeadDeclinesAReportedComplaint) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string secretary = Staff("sekcam.kng", "SECRETARY@KNG");
  const std::string head = Staff("camat.kng", "HEAD@KNG");
  const std::string code = Reported(officer, secretary);

  Result no_outcome = Ctl(head, {"decline", code, "--reason", "x"});
  EXPECT_EQ(no_outcome.exit_code, 1);
  EXPECT_THAT(no_outcome.err, StartsWith("aduanctl: --outcome is required\n"));
  Result no_reason = Ctl(head, {"decline", code, "--outcome", "rejected"});
  EXPECT_EQ(no_reason.exit_code, 2);
  EXPECT_THAT(no_reason.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(no_reason.err, HasSubstr("reason"));

  v1::Complaint c =
      Step(head, {"decline", code, "--outcome", "REJECTED", "--reason",
                  "Lampu sudah diperbaiki PLN sebelum laporan masuk"});
  EXPECT_EQ(c.state(), v1::Complaint::REJECTED);
  EXPECT_EQ(Read(officer, code).state(), v1::Complaint::REJECTED);
  const auto events = Events(officer, code);
  EXPECT_EQ(events.back().type(), v1::ComplaintEvent::DECLINED);
  EXPECT_EQ(events.back().note(),
            "Lampu sudah diperbaiki PLN sebelum laporan masuk");
  Result got = Ctl(officer, {"get", code});
  EXPECT_EQ(Field(got.out, "Status"), "Ditolak (REJECTED)");
}

// `return-disposition` hands the complaint back to the head
// (REPORTED_TO_HEAD, no unit, hidden from the unit); the head then declines
// it as OUT_OF_SCOPE, which needs --referred-to.
TEST_P(AduanctlE2eTest, UnitReturnsDispositionAndHeadDeclinesOutOfScope) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string secretary = Staff("sekcam.kng", "SECRETARY@KNG");
  const std::string head = Staff("camat.kng", "HEAD@KNG");
  const std::string unit = Staff("kasi.trantib.kng", "UNIT@KNG:TRANTIB");
  const std::string code = Disposed(officer, secretary, head);

  v1::Complaint c = Step(unit, {"return-disposition", code, "--reason",
                                "Penerangan jalan kota wewenang Dinas PUPR"});
  EXPECT_EQ(c.state(), v1::Complaint::REPORTED_TO_HEAD);
  c = Read(officer, code);
  EXPECT_EQ(c.state(), v1::Complaint::REPORTED_TO_HEAD);
  EXPECT_EQ(c.unit_code(), "");
  Result hidden = Ctl(unit, {"get", code});
  EXPECT_EQ(hidden.exit_code, 2);
  EXPECT_THAT(hidden.err, StartsWith("aduanctl: NOT_FOUND: "));

  Result unreferred = Ctl(head, {"decline", code, "--outcome", "OUT_OF_SCOPE",
                                 "--reason", "Bukan wewenang kecamatan"});
  EXPECT_EQ(unreferred.exit_code, 2);
  EXPECT_THAT(unreferred.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(unreferred.err, HasSubstr("referred_to"));
  c = Step(head, {"decline", code, "--outcome", "out_of_scope", "--reason",
                  "Bukan wewenang kecamatan", "--referred-to",
                  "Dinas PUPR Kota Probolinggo"});
  EXPECT_EQ(c.state(), v1::Complaint::OUT_OF_SCOPE);
  EXPECT_EQ(Read(officer, code).state(), v1::Complaint::OUT_OF_SCOPE);

  std::vector<v1::ComplaintEvent::Type> types;
  std::string returned_note;
  for (const auto& e : Events(officer, code)) {
    types.push_back(e.type());
    if (e.type() == v1::ComplaintEvent::DISPOSITION_RETURNED) {
      returned_note = e.note();
    }
  }
  using E = v1::ComplaintEvent;
  EXPECT_EQ(types, (std::vector<E::Type>{
                       E::SUBMITTED, E::VERIFIED, E::REPORTED_TO_HEAD,
                       E::DISPOSED, E::DISPOSITION_RETURNED, E::DECLINED}));
  EXPECT_EQ(returned_note, "Penerangan jalan kota wewenang Dinas PUPR");
}

// `rework` sends a resolved complaint back to its unit (DISPOSED, same
// unit), which can start the follow-up again.
TEST_P(AduanctlE2eTest, HeadSendsResolvedComplaintBackForRework) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string secretary = Staff("sekcam.kng", "SECRETARY@KNG");
  const std::string head = Staff("camat.kng", "HEAD@KNG");
  const std::string unit = Staff("kasi.trantib.kng", "UNIT@KNG:TRANTIB");
  const std::string code = Disposed(officer, secretary, head);
  Step(unit, {"start", code});
  EXPECT_EQ(Step(unit, {"resolve", code, "--result", "Sudah dicek"}).state(),
            v1::Complaint::RESOLVED);

  Result no_reason = Ctl(head, {"rework", code});
  EXPECT_EQ(no_reason.exit_code, 2);
  EXPECT_THAT(no_reason.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(no_reason.err, HasSubstr("reason"));

  v1::Complaint c = Step(
      head, {"rework", code, "--reason", "Lampu belum diganti, baru dicek"});
  EXPECT_EQ(c.state(), v1::Complaint::DISPOSED);
  c = Read(officer, code);
  EXPECT_EQ(c.state(), v1::Complaint::DISPOSED);
  EXPECT_EQ(c.unit_code(), "TRANTIB");
  const auto events = Events(officer, code);
  EXPECT_EQ(events.back().type(), v1::ComplaintEvent::RETURNED_FOR_REWORK);
  EXPECT_EQ(events.back().note(), "Lampu belum diganti, baru dicek");
  EXPECT_EQ(Step(unit, {"start", code}).state(), v1::Complaint::IN_FOLLOW_UP);
}

// `offices create` stores every flag (`offices get` shows them), makes the
// creator its ADMIN, and `offices update` changes only the flags given.
TEST_P(AduanctlE2eTest, OfficesCreateGetAndUpdate) {
  Result created = Ctl(admin_token_, {"offices",
                                      "create",
                                      "KDM",
                                      "--name",
                                      "Kecamatan Kademangan",
                                      "--region",
                                      "35.74.01",
                                      "--time-zone",
                                      "Asia/Jakarta",
                                      "--hours",
                                      "1-4 07:30-15:30",
                                      "--hours",
                                      "5 07:30-11:00",
                                      "--holiday",
                                      "2026-08-17=Hari Kemerdekaan",
                                      "--service-sla-minutes",
                                      "60",
                                      "--resolution-sla-minutes",
                                      "2400",
                                      "--needs-info-days",
                                      "10",
                                      "--kelurahan",
                                      "Pilang",
                                      "--kelurahan",
                                      "Kademangan"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_EQ(Field(created.out, "Kode"), "KDM");

  Result got = Ctl(admin_token_, {"offices", "get", "KDM", "--json"});
  ASSERT_EQ(got.exit_code, 0) << got.err;
  v1::Office o = FromJson<v1::Office>(got.out);
  EXPECT_EQ(o.code(), "KDM");
  EXPECT_EQ(o.name(), "Kecamatan Kademangan");
  EXPECT_EQ(o.region_code(), "35.74.01");
  EXPECT_EQ(o.time_zone(), "Asia/Jakarta");
  ASSERT_EQ(o.working_hours_size(), 5);
  EXPECT_EQ(o.working_hours(0).weekday(), 1);
  EXPECT_EQ(o.working_hours(0).open(), "07:30");
  EXPECT_EQ(o.working_hours(0).close(), "15:30");
  EXPECT_EQ(o.working_hours(4).weekday(), 5);
  EXPECT_EQ(o.working_hours(4).close(), "11:00");
  ASSERT_EQ(o.holidays_size(), 1);
  EXPECT_EQ(o.holidays(0).date(), "2026-08-17");
  EXPECT_EQ(o.holidays(0).name(), "Hari Kemerdekaan");
  EXPECT_EQ(o.service_sla().seconds(), 60 * 60);
  EXPECT_EQ(o.resolution_sla().seconds(), 2400 * 60);
  EXPECT_EQ(o.needs_info_limit_days(), 10);
  EXPECT_EQ(
      std::vector<std::string>(o.kelurahan().begin(), o.kelurahan().end()),
      (std::vector<std::string>{"Kademangan", "Pilang"}));
  Result table = Ctl(admin_token_, {"offices", "get", "KDM"});
  EXPECT_EQ(Field(table.out, "Jam kerja"),
            "1 07:30-15:30, 2 07:30-15:30, 3 07:30-15:30, 4 07:30-15:30, "
            "5 07:30-11:00");
  EXPECT_EQ(Field(table.out, "SLA penyelesaian"), "2400 menit kerja");

  // The creator administers both offices now.
  Result offices = Ctl(admin_token_, {"offices", "list", "--json"});
  const auto list = FromJson<v1::ListOfficesResponse>(offices.out);
  ASSERT_EQ(list.offices_size(), 2);
  EXPECT_EQ(list.offices(0).code(), "KDM");
  EXPECT_EQ(list.offices(1).code(), "KNG");

  Result nothing = Ctl(admin_token_, {"offices", "update", "KDM"});
  EXPECT_EQ(nothing.exit_code, 1);
  Result updated = Ctl(admin_token_, {"offices", "update", "KDM", "--name",
                                      "Kecamatan Kademangan Kota Probolinggo",
                                      "--needs-info-days", "14", "--holiday",
                                      "2026-12-25=Hari Raya Natal", "--holiday",
                                      "2026-08-17=Hari Kemerdekaan RI"});
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  o = FromJson<v1::Office>(
      Ctl(admin_token_, {"offices", "get", "KDM", "--json"}).out);
  EXPECT_EQ(o.name(), "Kecamatan Kademangan Kota Probolinggo");
  EXPECT_EQ(o.needs_info_limit_days(), 14);
  ASSERT_EQ(o.holidays_size(), 2);
  EXPECT_EQ(o.holidays(0).date(), "2026-08-17");
  EXPECT_EQ(o.holidays(0).name(), "Hari Kemerdekaan RI");
  EXPECT_EQ(o.holidays(1).date(), "2026-12-25");
  // Not in the mask: unchanged.
  EXPECT_EQ(o.working_hours_size(), 5);
  EXPECT_EQ(o.resolution_sla().seconds(), 2400 * 60);
  EXPECT_EQ(o.kelurahan_size(), 2);
}

// `units update` renames and deactivates a unit; `categories update` changes
// the fields given and a deactivated category can no longer be chosen.
TEST_P(AduanctlE2eTest, UnitsAndCategoriesUpdate) {
  ASSERT_EQ(Ctl(admin_token_, {"units", "create", "LINMAS", "--name", "Linmas"})
                .exit_code,
            0);
  Result renamed =
      Ctl(admin_token_, {"units", "update", "LINMAS", "--name",
                         "Seksi Perlindungan Masyarakat", "--json"});
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  EXPECT_EQ(FromJson<v1::Unit>(renamed.out).name(),
            "Seksi Perlindungan Masyarakat");
  Result deactivated =
      Ctl(admin_token_, {"units", "update", "LINMAS", "--active", "false"});
  ASSERT_EQ(deactivated.exit_code, 0) << deactivated.err;
  Result nothing = Ctl(admin_token_, {"units", "update", "LINMAS"});
  EXPECT_EQ(nothing.exit_code, 1);
  Result units = Ctl(admin_token_, {"units", "list", "--json"});
  ASSERT_EQ(units.exit_code, 0) << units.err;
  bool found = false;
  const auto unit_list = FromJson<v1::ListUnitsResponse>(units.out);
  for (const auto& u : unit_list.units()) {
    if (u.code() != "LINMAS") continue;
    found = true;
    EXPECT_EQ(u.name(), "Seksi Perlindungan Masyarakat");
    EXPECT_FALSE(u.active());
  }
  EXPECT_TRUE(found);

  Result changed =
      Ctl(admin_token_,
          {"categories", "update", "INFRA", "--name",
           "Infrastruktur, Jalan dan Lingkungan", "--default-unit", "TRANTIB",
           "--service-sla-minutes", "90", "--resolution-sla-minutes", "1440"});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  Result retired = Ctl(
      admin_token_, {"categories", "update", "LAINNYA", "--active", "false"});
  ASSERT_EQ(retired.exit_code, 0) << retired.err;
  Result bad_unit = Ctl(admin_token_, {"categories", "update", "INFRA",
                                       "--default-unit", "TIDAKADA"});
  EXPECT_EQ(bad_unit.exit_code, 2);
  EXPECT_THAT(bad_unit.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(bad_unit.err, HasSubstr("default_unit_code"));
  Result categories = Ctl(admin_token_, {"categories", "list", "--json"});
  ASSERT_EQ(categories.exit_code, 0) << categories.err;
  int seen = 0;
  const auto category_list =
      FromJson<v1::ListCategoriesResponse>(categories.out);
  for (const auto& k : category_list.categories()) {
    if (k.code() == "INFRA") {
      ++seen;
      EXPECT_EQ(k.name(), "Infrastruktur, Jalan dan Lingkungan");
      EXPECT_EQ(k.default_unit_code(), "TRANTIB");
      EXPECT_EQ(k.service_sla().seconds(), 90 * 60);
      EXPECT_EQ(k.resolution_sla().seconds(), 1440 * 60);
      EXPECT_TRUE(k.active());
    } else if (k.code() == "LAINNYA") {
      ++seen;
      EXPECT_EQ(k.name(), "Lainnya");
      EXPECT_FALSE(k.active());
    }
  }
  EXPECT_EQ(seen, 2);
  Result submit = Ctl(officer_token_,
                      {"submit", "--title", "Lain-lain", "--description",
                       "Keluhan umum.", "--name", "Siti Aminah", "--address",
                       "Jl. Mawar 5, Kanigaran", "--category", "LAINNYA"});
  EXPECT_EQ(submit.exit_code, 2);
  EXPECT_THAT(submit.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(submit.err, HasSubstr("complaint.category"));
  EXPECT_THAT(submit.err, HasSubstr("is retired in office KNG"));
}

// `principals get/remove-binding/disable/enable`: one of two bindings can be
// removed, the last one cannot; a disabled principal's token is refused
// until it is enabled again.
TEST_P(AduanctlE2eTest, PrincipalsGetRemoveBindingDisableEnable) {
  Result created =
      Ctl(admin_token_, {"principals", "create", "budi.petugas",
                         "--display-name", "Budi Santoso", "--role",
                         "OFFICER@KNG", "--role", "AUDITOR@KNG", "--json"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string id = FromJson<v1::Principal>(created.out).principal_id();
  ASSERT_FALSE(id.empty());
  const std::string token = IssueToken(id);
  auto get = [&] {
    Result r = Ctl(admin_token_, {"principals", "get", id, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return FromJson<v1::Principal>(r.out);
  };
  v1::Principal p = get();
  EXPECT_EQ(p.principal_id(), id);
  EXPECT_EQ(p.name(), "budi.petugas");
  EXPECT_EQ(p.display_name(), "Budi Santoso");
  EXPECT_FALSE(p.disabled());
  EXPECT_EQ(p.role_bindings_size(), 2);

  Result removed = Ctl(admin_token_, {"principals", "remove-binding", id,
                                      "--role", "AUDITOR@KNG"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(Field(removed.out, "Peran"), "OFFICER@KNG");
  p = get();
  ASSERT_EQ(p.role_bindings_size(), 1);
  EXPECT_EQ(p.role_bindings(0).role(), v1::RoleBinding::OFFICER);
  EXPECT_EQ(p.role_bindings(0).office_code(), "KNG");

  Result last = Ctl(admin_token_, {"principals", "remove-binding", id, "--role",
                                   "OFFICER@KNG"});
  EXPECT_EQ(last.exit_code, 2);
  EXPECT_EQ(last.out, "");
  EXPECT_THAT(last.err, StartsWith("aduanctl: FAILED_PRECONDITION: "));
  EXPECT_THAT(last.err, HasSubstr("last binding"));
  EXPECT_EQ(get().role_bindings_size(), 1);

  EXPECT_EQ(Ctl(token, {"list"}).exit_code, 0);
  Result disabled = Ctl(admin_token_, {"principals", "disable", id});
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_EQ(Field(disabled.out, "Nonaktif"), "ya");
  EXPECT_TRUE(get().disabled());
  Result refused = Ctl(token, {"list"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err, "aduanctl: UNAUTHENTICATED: principal is disabled\n");

  Result enabled = Ctl(admin_token_, {"principals", "enable", id, "--json"});
  ASSERT_EQ(enabled.exit_code, 0) << enabled.err;
  EXPECT_FALSE(FromJson<v1::Principal>(enabled.out).disabled());
  EXPECT_FALSE(get().disabled());
  Result again = Ctl(token, {"list"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

// `access-log` lists the full read (`get --full --reason`) with who, role
// and reason; a masked read is not logged; only ADMIN may see the log.
TEST_P(AduanctlE2eTest, AccessLogShowsTheFullRead) {
  const std::string officer = Staff("rina.petugas", "OFFICER@KNG");
  const std::string code = Submit(officer).first;
  ASSERT_EQ(Ctl(officer, {"get", code}).exit_code, 0);
  Result empty = Ctl(admin_token_, {"access-log", code, "--json"});
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_EQ(FromJson<v1::ListAccessLogResponse>(empty.out).entries_size(), 0);

  Result unexplained = Ctl(officer, {"get", code, "--full"});
  EXPECT_EQ(unexplained.exit_code, 2);
  EXPECT_THAT(unexplained.err, StartsWith("aduanctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(unexplained.err, HasSubstr("access_reason"));
  Result full = Ctl(officer, {"get", code, "--full", "--reason",
                              "Cocokkan identitas pelapor", "--json"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_EQ(FromJson<v1::Complaint>(full.out).tracking_code(), code);

  Result log = Ctl(admin_token_, {"access-log", code, "--json"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const auto entries = FromJson<v1::ListAccessLogResponse>(log.out);
  ASSERT_EQ(entries.entries_size(), 1);
  const v1::AccessLogEntry& e = entries.entries(0);
  EXPECT_EQ(e.tracking_code(), code);
  EXPECT_EQ(e.principal_name(), "rina.petugas");
  EXPECT_FALSE(e.principal_id().empty());
  EXPECT_EQ(e.role(), "OFFICER");
  EXPECT_EQ(e.reason(), "Cocokkan identitas pelapor");
  EXPECT_TRUE(e.has_create_time());
  Result table = Ctl(admin_token_, {"access-log", code});
  EXPECT_THAT(table.out, StartsWith("WAKTU"));
  EXPECT_THAT(table.out,
              HasSubstr("rina.petugas  OFFICER  Cocokkan identitas pelapor\n"));

  Result denied = Ctl(officer, {"access-log", code});
  EXPECT_EQ(denied.exit_code, 2);
  EXPECT_THAT(denied.err, StartsWith("aduanctl: PERMISSION_DENIED: "));
}

// --addr and --token win over ADUAN_ADDR and ADUAN_TOKEN: right flags rescue
// a wrong environment, and wrong flags spoil a right one (exit 2).
TEST_P(AduanctlE2eTest, AddrAndTokenFlagsOverrideTheEnvironment) {
  const std::string code = Submit(officer_token_).first;
  const std::string right_addr = server_->address();
  const std::string wrong_addr = "127.0.0.1:1";
  const std::string wrong_token = "bukan-token-yang-sah";

  // The wrong environment alone fails: it is really used.
  Result env_token = CtlEnv(right_addr, wrong_token, {"list"});
  EXPECT_EQ(env_token.exit_code, 2);
  EXPECT_EQ(env_token.err, "aduanctl: UNAUTHENTICATED: token is not valid\n");
  Result env_addr = CtlEnv(wrong_addr, officer_token_,
                           {"list", "--attempts", "1", "--timeout", "5"});
  EXPECT_EQ(env_addr.exit_code, 2);
  EXPECT_THAT(env_addr.err, StartsWith("aduanctl: UNAVAILABLE: "));

  // Right flags (before and after the command) over a wrong environment.
  Result rescued = CtlEnv(
      wrong_addr, wrong_token,
      {"--addr", right_addr, "list", "--token", officer_token_, "--json"});
  ASSERT_EQ(rescued.exit_code, 0) << rescued.err;
  const auto list = FromJson<v1::ListComplaintsResponse>(rescued.out);
  ASSERT_EQ(list.complaints_size(), 1);
  EXPECT_EQ(list.complaints(0).tracking_code(), code);

  // Wrong flags over a right environment.
  Result bad_token =
      CtlEnv(right_addr, officer_token_, {"list", "--token", wrong_token});
  EXPECT_EQ(bad_token.exit_code, 2);
  EXPECT_EQ(bad_token.out, "");
  EXPECT_EQ(bad_token.err, "aduanctl: UNAUTHENTICATED: token is not valid\n");
  Result bad_addr = CtlEnv(
      right_addr, officer_token_,
      {"list", "--addr", wrong_addr, "--attempts", "1", "--timeout", "5"});
  EXPECT_EQ(bad_addr.exit_code, 2);
  EXPECT_EQ(bad_addr.out, "");
  EXPECT_THAT(bad_addr.err, StartsWith("aduanctl: UNAVAILABLE: "));
}

INSTANTIATE_TEST_SUITE_P(Backends, AduanctlE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
