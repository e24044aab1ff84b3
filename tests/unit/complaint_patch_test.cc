// ComplaintPatch: the paths UpdateComplaint accepts, content against flags,
// and what each path takes from the changes.
#include "server/domain/complaint_patch.h"

#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

TEST(ComplaintPatchTest, UnknownAndEmptyMasksAreRefusedNamingThePath) {
  auto none = ComplaintPatch::Create({});
  EXPECT_THAT(none, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(none.status().message(), "update_mask: names no field");
  auto state = ComplaintPatch::Create({"title", "state"});
  EXPECT_THAT(state, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(state.status().message(), "update_mask: cannot change 'state'");
}

TEST(ComplaintPatchTest, FlagsAreNotContent) {
  EXPECT_EQ(
      ComplaintPatch::Create({"anonymous", "confidential"})->FirstContentPath(),
      std::nullopt);
  EXPECT_EQ(ComplaintPatch::Create({"anonymous", "location.kelurahan", "title"})
                ->FirstContentPath(),
            "location.kelurahan");
}

TEST(ComplaintPatchTest, TakesOnlyTheNamedFields) {
  model::ComplaintRecord stored;
  stored.title = "Lampu mati";
  stored.description = "Sejak Senin";
  stored.location_address = "Jl. Mastrip";
  stored.location_kelurahan = "Kanigaran";
  stored.complainant_name = "Siti";
  stored.complainant_phone = "+6281234567890";
  model::ComplaintRecord changes;
  changes.title = "Lampu jalan mati";
  changes.location_kelurahan = "Kebonsari Kulon";
  changes.complainant_name = "Siti Aminah";
  auto patch =
      ComplaintPatch::Create({"title", "location.kelurahan", "complainant"});
  ASSERT_TRUE(patch.ok());
  ASSERT_TRUE(patch->ApplyTo(changes, stored).ok());
  EXPECT_EQ(stored.title, "Lampu jalan mati");
  EXPECT_EQ(stored.description, "Sejak Senin");
  EXPECT_EQ(stored.location_address, "Jl. Mastrip");
  EXPECT_EQ(stored.location_kelurahan, "Kebonsari Kulon");
  // The whole complainant: the phone not given is cleared.
  EXPECT_EQ(stored.complainant_name, "Siti Aminah");
  EXPECT_EQ(stored.complainant_phone, "");
}

TEST(ComplaintPatchTest, FlagsAreRaisedNeverLowered) {
  model::ComplaintRecord stored;
  stored.anonymous = true;
  model::ComplaintRecord changes;
  changes.anonymous = false;
  changes.confidential = true;
  auto lower = ComplaintPatch::Create({"anonymous"});
  EXPECT_THAT(lower->ApplyTo(changes, stored),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_TRUE(stored.anonymous);
  auto raise = ComplaintPatch::Create({"confidential"});
  ASSERT_TRUE(raise->ApplyTo(changes, stored).ok());
  EXPECT_TRUE(stored.confidential);
}

}  // namespace
}  // namespace aduan::domain
