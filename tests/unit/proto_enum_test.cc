// The domain's vocabulary and its two edges: every name parses back to its
// value, every domain value has a proto value of the same name and every
// proto value (but the zero) a domain value, and an unknown number is the
// caller's error naming the field.
#include "server/api/proto_enum.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aduan/v1/admin_service.pb.h"
#include "aduan/v1/attachment_service.pb.h"
#include "aduan/v1/complaint.pb.h"
#include "server/domain/model/vocabulary.h"
#include "tests/test_util.h"

namespace aduan::api {
namespace {

using ::aduan::testing::StatusIs;

// Every value of E maps to a proto value of the same name and back; every
// proto value but zero maps to a value of E.
template <typename ProtoEnum, typename E>
void ExpectSameVocabulary(const std::vector<E>& all,
                          std::optional<E> (*parse)(absl::string_view)) {
  const auto* d = google::protobuf::GetEnumDescriptor<ProtoEnum>();
  for (E v : all) {
    ProtoEnum p = ToProtoEnum<ProtoEnum>(v);
    EXPECT_NE(static_cast<int>(p), 0) << model::Name(v);
    EXPECT_EQ(d->FindValueByNumber(p)->name(), model::Name(v));
    EXPECT_EQ(parse(model::Name(v)), v);
    auto back = FromProtoEnum<ProtoEnum>("f", p, parse);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, v);
  }
  EXPECT_EQ(static_cast<size_t>(d->value_count()), all.size() + 1)
      << d->full_name() << " and the domain differ";
}

TEST(ProtoEnumTest, DomainAndProtoShareEveryName) {
  ExpectSameVocabulary<v1::Complaint::State>(model::AllStates(),
                                             model::ParseState);
  ExpectSameVocabulary<v1::Complaint::Channel>(model::AllChannels(),
                                               model::ParseChannel);
  ExpectSameVocabulary<v1::Attachment::Type>(model::AllDocumentTypes(),
                                             model::ParseDocumentType);
  // Roles: the bindable ones are the proto's; those only acted in are not.
  ExpectSameVocabulary<v1::RoleBinding::Role>(model::AllBindableRoles(),
                                              model::ParseRole);
  EXPECT_FALSE(model::IsBindable(model::Role::kCitizen));
  EXPECT_FALSE(model::IsBindable(model::Role::kSystem));
  EXPECT_EQ(model::ParseRole("SYSTEM"), model::Role::kSystem);
  // Event types: every proto value has a domain value of the same name.
  const auto* d = v1::ComplaintEvent::Type_descriptor();
  for (int i = 1; i < d->value_count(); ++i) {
    auto v = model::ParseEventType(d->value(i)->name());
    ASSERT_TRUE(v.has_value()) << d->value(i)->name();
    EXPECT_EQ(ToProtoEnum<v1::ComplaintEvent::Type>(*v), d->value(i)->number());
  }
}

TEST(ProtoEnumTest, ZeroIsUnsetAndAnUnknownNumberNamesTheField) {
  auto unset =
      FromProtoEnum<v1::Complaint::State>("states[0]", 0, model::ParseState);
  ASSERT_TRUE(unset.ok());
  EXPECT_FALSE(unset->has_value());
  EXPECT_THAT((FromProtoEnum<v1::Complaint::Channel>("complaint.channel", 99,
                                                     model::ParseChannel))
                  .status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "complaint.channel: unknown value 99"));
  EXPECT_THAT(
      ProtoEnumName<v1::Attachment::Type>("type", -1).status(),
      StatusIs(absl::StatusCode::kInvalidArgument, "type: unknown value -1"));
  EXPECT_EQ(*ProtoEnumName<v1::Attachment::Type>("type", 0), "");
}

TEST(ProtoEnumTest, ARepeatedFieldNamesItsBadElement) {
  google::protobuf::RepeatedField<int> numbers;
  numbers.Add(v1::Complaint::DISPOSED);
  numbers.Add(v1::Complaint::SUBMITTED);
  auto states = FromProtoEnums<v1::Complaint::State>("states", numbers,
                                                     model::ParseState);
  ASSERT_TRUE(states.ok()) << states.status();
  EXPECT_EQ(*states, (std::vector<model::State>{model::State::kDisposed,
                                                model::State::kSubmitted}));
  numbers.Add(0);
  EXPECT_THAT((FromProtoEnums<v1::Complaint::State>("states", numbers,
                                                    model::ParseState))
                  .status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "states[2]: unknown value 0"));
  numbers.Set(2, 99);
  EXPECT_THAT((FromProtoEnums<v1::Complaint::State>("states", numbers,
                                                    model::ParseState))
                  .status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "states[2]: unknown value 99"));
}

TEST(ProtoEnumTest, StoredNamesParseAndOthersDoNot) {
  EXPECT_EQ(model::ParseState("REPORTED_TO_HEAD"),
            model::State::kReportedToHead);
  EXPECT_EQ(model::ParseChannel("SP4N_LAPOR"), model::Channel::kSp4nLapor);
  EXPECT_EQ(model::ParseState("STATE_UNSPECIFIED"), std::nullopt);
  EXPECT_EQ(model::ParseState("submitted"), std::nullopt);
  std::optional<model::State> from = model::State::kVerified;
  EXPECT_TRUE(model::ParseEventState("STATE_UNSPECIFIED", &from));
  EXPECT_EQ(from, std::nullopt);
  EXPECT_EQ(model::Name(from), "STATE_UNSPECIFIED");
  EXPECT_FALSE(model::ParseEventState("UNKNOWN", &from));
}

}  // namespace
}  // namespace aduan::api
