#include "server/auth/call_context.h"

#include "tests/test_util.h"

namespace aduan::auth {
namespace {

TEST(CallContextTest, CallWithoutDeadlineGetsTheDefault) {
  SetDefaultCallDeadline(absl::Seconds(5));
  grpc::ServerContext ctx;
  const absl::Time before = absl::Now();
  const absl::Time deadline = CallDeadline(ctx);
  EXPECT_GE(deadline, before + absl::Seconds(5));
  EXPECT_LE(deadline, absl::Now() + absl::Seconds(5));
  SetDefaultCallDeadline(absl::Seconds(30));
  EXPECT_GE(CallDeadline(ctx), before + absl::Seconds(30));
}

}  // namespace
}  // namespace aduan::auth
