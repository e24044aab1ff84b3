// aduand's commands as an operator runs them (server/app/config_file.h,
// server/app/storage.h): a command run outside its installation creates
// nothing; a key without its database is refused; bootstrap-admin does not
// hand out a second token for an existing name unless asked; one
// configuration file is read alike by every command, with the environment
// and the command line winning over it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aduan/v1/admin_service.grpc.pb.h"
#include "tests/e2e/server_process.h"
#include "tests/test_util.h"

namespace aduan::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

class CommandsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("aduan-commands");
    home_ = dir_ + "/home";  // the installation
    elsewhere_ = dir_ + "/elsewhere";
    fs::create_directories(home_);
    fs::create_directories(elsewhere_);
  }
  void TearDown() override {
    unsetenv("ADUAN_DB");
    fs::remove_all(dir_);
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Runs a command in `workdir`; `said` gets what it printed.
  int Run(const std::string& workdir, const std::string& command,
          const std::vector<std::string>& args, std::string* said) {
    const std::string log = workdir + "/commands.log";
    const size_t before = Read(log).size();
    const int code = ServerProcess::RunCommand(workdir, command, args);
    *said = Read(log).substr(before);
    return code;
  }
  static std::string TokenIn(const std::string& said) {
    const size_t at = said.find("token: ");
    if (at == std::string::npos) return "";
    return said.substr(at + 7, said.find('\n', at) - at - 7);
  }

  std::string dir_, home_, elsewhere_;
};

TEST_F(CommandsE2eTest, CommandsOutsideTheirInstallationCreateNothing) {
  std::string said;
  EXPECT_EQ(Run(elsewhere_, "bootstrap-admin", {"--name=admin"}, &said), 1);
  EXPECT_THAT(said, HasSubstr("database var/aduan.db does not exist; run this "
                              "command with the server's settings"));
  EXPECT_EQ(Run(elsewhere_, "seed", {}, &said), 1);
  EXPECT_THAT(said, HasSubstr("database var/aduan.db does not exist"));
  EXPECT_FALSE(fs::exists(elsewhere_ + "/var/aduan.db"));
  EXPECT_FALSE(fs::exists(elsewhere_ + "/var/aduan.key"));

  // A key without its database: a restore gone wrong, not a new start.
  ASSERT_EQ(Run(elsewhere_, "keygen", {}, &said), 0);
  const std::string key = Read(elsewhere_ + "/var/aduan.key");
  EXPECT_EQ(Run(elsewhere_, "serve", {"--listen=127.0.0.1:0"}, &said), 1);
  EXPECT_THAT(said, HasSubstr("database var/aduan.db does not exist, but key "
                              "file var/aduan.key does: restore the database"));
  EXPECT_FALSE(fs::exists(elsewhere_ + "/var/aduan.db"));
  EXPECT_EQ(Read(elsewhere_ + "/var/aduan.key"), key);
}

TEST_F(CommandsE2eTest, BootstrapAdminGivesAnExistingNameATokenOnlyWhenAsked) {
  std::string said;
  ASSERT_EQ(Run(home_, "migrate", {}, &said), 0) << said;
  ASSERT_EQ(Run(home_, "bootstrap-admin", {"--name=admin"}, &said), 0) << said;
  const std::string first = TokenIn(said);
  ASSERT_FALSE(first.empty()) << said;
  EXPECT_EQ(Run(home_, "bootstrap-admin", {"--name=admin"}, &said), 1);
  EXPECT_THAT(said, HasSubstr("principal admin exists already; to give it "
                              "another token (a lost one), run again with "
                              "--new_token"));
  EXPECT_EQ(TokenIn(said), "");
  ASSERT_EQ(
      Run(home_, "bootstrap-admin", {"--name=admin", "--new_token"}, &said), 0)
      << said;
  const std::string second = TokenIn(said);
  ASSERT_FALSE(second.empty());
  EXPECT_NE(second, first);

  // Both tokens are the admin's.
  ServerProcess server(home_, {"--listen=127.0.0.1:0"});
  ASSERT_TRUE(server.Start());
  auto admin = v1::AdminService::NewStub(server.Channel());
  for (const std::string& token : {first, second}) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    v1::ListPrincipalsRequest req;
    req.set_office_code("KNG");
    v1::ListPrincipalsResponse resp;
    const grpc::Status s = admin->ListPrincipals(&ctx, req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(resp.principals_size(), 1);
    EXPECT_EQ(resp.principals(0).name(), "admin");
  }
}

TEST_F(CommandsE2eTest, OneConfigurationFileForEveryCommand) {
  const std::string config = home_ + "/aduand.conf";
  {
    std::ofstream out(config);
    out << "# the installation in " << home_ << "\n"
        << "db = sqlite://" << home_ << "/var/aduan.db\n"
        << "key_file = " << home_ << "/var/aduan.key   # kept apart\n"
        << "\n"
        << "blob_dir=" << home_ << "/var/blobs\n";
  }
  std::string said;
  // From another folder, the file names the installation.
  ASSERT_EQ(Run(elsewhere_, "migrate", {"--config=" + config}, &said), 0)
      << said;
  ASSERT_EQ(Run(elsewhere_, "bootstrap-admin", {"--config", config}, &said), 0)
      << said;
  EXPECT_TRUE(fs::exists(home_ + "/var/aduan.db"));
  EXPECT_TRUE(fs::exists(home_ + "/var/aduan.key"));
  EXPECT_FALSE(fs::exists(elsewhere_ + "/var"));

  // The environment wins over the file, the command line over both.
  setenv("ADUAN_DB", ("sqlite://" + elsewhere_ + "/other.db").c_str(), 1);
  EXPECT_EQ(Run(elsewhere_, "seed", {"--config=" + config}, &said), 1);
  EXPECT_THAT(said,
              HasSubstr("database " + elsewhere_ + "/other.db does not exist"));
  EXPECT_EQ(
      Run(elsewhere_, "seed",
          {"--config=" + config, "--db=sqlite://" + home_ + "/var/aduan.db"},
          &said),
      0)
      << said;
  unsetenv("ADUAN_DB");

  // A file that cannot be read, or a line that is not a setting, stops
  // every command before it does anything.
  EXPECT_EQ(
      Run(elsewhere_, "seed", {"--config=" + home_ + "/none.conf"}, &said), 1);
  EXPECT_THAT(said, HasSubstr("none.conf: cannot read the file"));
  {
    std::ofstream out(config, std::ios::app);
    out << "databse = sqlite://x.db\n";
  }
  EXPECT_EQ(Run(elsewhere_, "seed", {"--config=" + config}, &said), 1);
  EXPECT_THAT(said, HasSubstr("aduand.conf line 6: unknown setting `databse`"));
}

}  // namespace
}  // namespace aduan::testing
