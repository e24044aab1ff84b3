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
    const std::string out = dir_ + "/ctl.out", err = dir_ + "/ctl.err";
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      if (std::strncmp(*e, "ADUAN_", 6) != 0) env.emplace_back(*e);
    }
    env.push_back("ADUAN_ADDR=" + server_->address());
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

INSTANTIATE_TEST_SUITE_P(Backends, AduanctlE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
