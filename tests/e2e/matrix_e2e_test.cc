// End to end, over real sockets: the whole role matrix, with exact codes.
//
// What this test proves, on every backend:
//
// 1. The methods are not listed here: they are those the running server
//    serves (server reflection, called without a token), looked up in the
//    compiled descriptors of package aduan.v1. Every one of them must have a
//    row in kMatrix below, and every row must name a served method, so a new
//    method (or service) without a matrix entry fails this test. Besides
//    aduan.v1 the server serves only health and reflection, and both answer
//    without a token.
// 2. Every method is called, through grpc::GenericStub with an empty
//    request, by each caller: no token, and a token of each of the seven
//    roles (created through the Admin API). The answer is exactly
//    UNAUTHENTICATED without a token for a method that is not public,
//    PERMISSION_DENIED for a role the method is not open to, and for an
//    allowed caller the code an empty request gets from the handler (never
//    UNAUTHENTICATED or PERMISSION_DENIED).
// 3. Out of scope is NOT_FOUND, byte for byte the answer for a complaint that
//    does not exist: every method that names a complaint (or a document of
//    one) and is open to the caller's role is called on an existing
//    complaint outside the caller's scope — a UNIT of another unit than the
//    one it is disposed to, a GATEWAY of another source than the one that
//    submitted it — and on a well-formed tracking code (document id) that
//    does not exist. Code, message and details are identical, and the
//    complaints are unchanged afterwards.
// 4. A string field that is not UTF-8 is INVALID_ARGUMENT naming the field,
//    for every served method whose request has one (the first string field,
//    depth first, is spoiled), and changes nothing.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/complaint_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/aduan_proto_files.h"
#include "tests/e2e/workflow_fixture.h"
#include "tests/test_documents.h"

namespace aduan {
namespace {

using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::MethodDescriptor;
using ::google::protobuf::ServiceDescriptor;
using ::testing::HasSubstr;

// The roles, as bits of a row's `roles`.
enum Role : unsigned {
  kOfficer = 1u << 0,
  kSecretary = 1u << 1,
  kHead = 1u << 2,
  kUnit = 1u << 3,
  kGateway = 1u << 4,
  kAuditor = 1u << 5,
  kAdmin = 1u << 6,
};
constexpr unsigned kReaders =
    kOfficer | kSecretary | kHead | kUnit | kGateway | kAuditor;
constexpr unsigned kFileReaders = kOfficer | kSecretary | kHead | kAuditor;
constexpr unsigned kEveryRole = kReaders | kAdmin;

constexpr bool kPublic = true;  // callable without a token
constexpr bool kToken = false;  // a token is required

constexpr grpc::StatusCode kOk = grpc::StatusCode::OK;
constexpr grpc::StatusCode kInvalid = grpc::StatusCode::INVALID_ARGUMENT;
constexpr grpc::StatusCode kNotFound = grpc::StatusCode::NOT_FOUND;

// One method of the matrix.
struct Row {
  // Service.Method, in package aduan.v1.
  const char* method;
  // Whether a caller without a token gets past the role check.
  bool is_public;
  // The roles that get past the role check.
  unsigned roles;
  // What an allowed caller gets for an empty request (from the handler).
  grpc::StatusCode empty_request;
  // The request field naming the complaint (a tracking code) or one of its
  // documents (an attachment id); empty when there is none.
  const char* names;
};

// clang-format off
const Row kMatrix[] = {
  // Method                                   Public   Roles                         Empty request  Names
  {"IntakeService.SubmitComplaint",           kToken,  kOfficer | kGateway,          kInvalid,  ""},
  {"IntakeService.UpdateComplaint",           kToken,  kOfficer,                     kInvalid,  "complaint.tracking_code"},
  {"IntakeService.SupplementComplaint",       kPublic, kOfficer | kGateway,          kInvalid,  "tracking_code"},
  {"IntakeService.WithdrawComplaint",         kPublic, kOfficer | kGateway,          kInvalid,  "tracking_code"},
  {"IntakeService.TrackComplaint",            kPublic, kEveryRole,                   kInvalid,  "tracking_code"},
  {"IntakeService.ReissuePin",                kToken,  kOfficer,                     kInvalid,  "tracking_code"},
  {"ComplaintService.GetComplaint",           kToken,  kReaders,                     kInvalid,  "tracking_code"},
  {"ComplaintService.ListComplaints",         kToken,  kReaders,                     kOk,       ""},
  {"ComplaintService.ListComplaintEvents",    kToken,  kReaders,                     kInvalid,  "tracking_code"},
  {"VerificationService.VerifyComplaint",     kToken,  kOfficer,                     kInvalid,  "tracking_code"},
  {"VerificationService.ReportToHead",        kToken,  kSecretary,                   kInvalid,  "tracking_code"},
  {"DispositionService.DisposeComplaint",     kToken,  kHead,                        kInvalid,  "tracking_code"},
  {"DispositionService.DeclineComplaint",     kToken,  kHead,                        kInvalid,  "tracking_code"},
  {"DispositionService.ReturnDisposition",    kToken,  kUnit,                        kInvalid,  "tracking_code"},
  {"DispositionService.ReturnForRework",      kToken,  kHead,                        kInvalid,  "tracking_code"},
  {"DispositionService.StartFollowUp",        kToken,  kUnit,                        kInvalid,  "tracking_code"},
  {"DispositionService.AddFollowUpNote",      kToken,  kUnit,                        kInvalid,  "tracking_code"},
  {"DispositionService.ResolveComplaint",     kToken,  kUnit,                        kInvalid,  "tracking_code"},
  {"ArchiveService.InformComplainant",        kToken,  kOfficer,                     kInvalid,  "tracking_code"},
  {"ArchiveService.ArchiveComplaint",         kToken,  kOfficer,                     kInvalid,  "tracking_code"},
  {"ArchiveService.GetArchive",               kToken,  kFileReaders,                 kInvalid,  "tracking_code"},
  {"ArchiveService.VerifyArchive",            kToken,  kFileReaders,                 kInvalid,  "tracking_code"},
  {"AttachmentService.UploadAttachment",      kPublic, kOfficer | kGateway | kUnit,  kInvalid,  "header.tracking_code"},
  {"AttachmentService.DownloadAttachment",    kToken,  kReaders,                     kNotFound, "attachment_id"},
  {"AdminService.GetOffice",                  kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListOffices",                kToken,  kAdmin,                       kOk,       ""},
  {"AdminService.CreateOffice",               kToken,  kAdmin,                       kInvalid,  ""},
  {"AdminService.UpdateOffice",               kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListUnits",                  kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.CreateUnit",                 kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.UpdateUnit",                 kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListCategories",             kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.CreateCategory",             kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.UpdateCategory",             kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.CreatePrincipal",            kToken,  kAdmin,                       kInvalid,  ""},
  {"AdminService.GetPrincipal",               kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListPrincipals",             kToken,  kAdmin,                       kOk,       ""},
  {"AdminService.UpdatePrincipal",            kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.AddRoleBinding",             kToken,  kAdmin,                       kInvalid,  ""},
  {"AdminService.RemoveRoleBinding",          kToken,  kAdmin,                       kInvalid,  ""},
  {"AdminService.IssueToken",                 kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.RevokeToken",                kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListTokens",                 kToken,  kAdmin,                       kNotFound, ""},
  {"AdminService.ListAccessLog",              kToken,  kAdmin,                       kInvalid,  "tracking_code"},
};
// clang-format on

// Well-formed (server/domain/tracking_code.h), and never issued: the random
// part of a real code is 40 random bits.
constexpr char kMissingComplaint[] = "KNG-00000000";
// The shape of a real attachment id (att_ and 16 hex digits).
constexpr char kMissingAttachment[] = "att_0000000000000000";

// "Service.Method" of a method.
std::string ShortName(const MethodDescriptor& m) {
  return m.service()->name() + "." + m.name();
}

const Row* FindRow(const MethodDescriptor& m) {
  const std::string name = ShortName(m);
  for (const Row& row : kMatrix) {
    if (name == row.method) return &row;
  }
  return nullptr;
}

std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// The services of the compiled aduan.v1 files.
std::set<std::string> CompiledAduanServices() {
  std::set<std::string> out;
  for (const google::protobuf::FileDescriptor* file :
       testing::CompiledAduanFiles()) {
    for (int i = 0; i < file->service_count(); ++i) {
      out.insert(file->service(i)->full_name());
    }
  }
  return out;
}

// Sets the string field at `path` (e.g. "header.tracking_code") of `m` to
// `value`, and a string field `pin` next to it, if any, to `pin`. False when
// `path` does not name a singular string field.
bool SetField(google::protobuf::Message* m, const std::string& path,
              const std::string& value, const std::string& pin) {
  const std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* f = m->GetDescriptor()->FindFieldByName(parts[i]);
    if (f == nullptr || f->is_repeated()) return false;
    if (i + 1 < parts.size()) {
      if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return false;
      m = m->GetReflection()->MutableMessage(m, f);
      continue;
    }
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_STRING) return false;
    m->GetReflection()->SetString(m, f, value);
  }
  const FieldDescriptor* p = m->GetDescriptor()->FindFieldByName("pin");
  if (p != nullptr && !p->is_repeated() &&
      p->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    m->GetReflection()->SetString(m, p, pin);
  }
  return true;
}

// The serialized request of `m` with `path` set to `value` (and a wrong
// PIN); empty and a test failure when the path does not fit the request.
std::string RequestNaming(const MethodDescriptor& m, const std::string& path,
                          const std::string& value, const std::string& pin) {
  std::unique_ptr<google::protobuf::Message> req(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(m.input_type())
          ->New());
  if (!SetField(req.get(), path, value, pin)) {
    ADD_FAILURE() << m.full_name() << ": " << path
                  << " is not a string field of " << m.input_type()->name();
    return "";
  }
  return req->SerializeAsString();
}

// The end of one call.
struct Outcome {
  grpc::Status status;
  int responses = 0;  // messages received
};

// The wire bytes of a `type` message whose first string field, depth first
// through message fields, holds bytes that are not UTF-8; `path` gets the
// field's name as the server names it. False when `type` has none.
bool SpoiledRequest(const google::protobuf::Descriptor& type,
                    std::string* bytes, std::string* path, int depth = 0) {
  auto varint = [](uint64_t v) {
    std::string out;
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
    return out;
  };
  if (depth > 4) return false;
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* f = type.field(i);
    const std::string name = f->is_repeated() ? f->name() + "[0]" : f->name();
    std::string inner;
    std::string inner_path;
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      inner = "\xC3(";
    } else if (f->type() == FieldDescriptor::TYPE_MESSAGE &&
               SpoiledRequest(*f->message_type(), &inner, &inner_path,
                              depth + 1)) {
      inner_path = "." + inner_path;
    } else {
      continue;
    }
    *bytes = varint((static_cast<uint64_t>(f->number()) << 3) | 2) +
             varint(inner.size()) + inner;
    *path = name + inner_path;
    return true;
  }
  return false;
}

class MatrixE2eTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    WorkflowFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auditor_ = CreateUser("audit.inspektorat", v1::RoleBinding::AUDITOR);
    admin_user_ = CreateUser("admin.kedua", v1::RoleBinding::ADMIN);
    lapor_ = CreateUser("gw.lapor", v1::RoleBinding::GATEWAY, "", "sp4n-lapor");
    auto channel = server_->Channel();
    generic_ = std::make_unique<grpc::GenericStub>(channel);
    attachments_ = v1::AttachmentService::NewStub(channel);
  }
  void TearDown() override {
    generic_.reset();
    attachments_.reset();
    WorkflowFixture::TearDown();
  }

  // Calls `path` ("/package.Service/Method") with `token` (none when empty):
  // sends `messages`, half-closes, reads every response. One generic
  // (bidirectional at the wire) call serves unary, client- and
  // server-streaming methods alike.
  Outcome CallPath(const std::string& path, const std::string& token,
                   const std::vector<std::string>& messages) {
    Outcome out;
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    grpc::CompletionQueue cq;
    // One operation at a time: wait for the one just started.
    auto await = [&cq](std::intptr_t tag) {
      void* got = nullptr;
      bool ok = false;
      if (!cq.Next(&got, &ok)) return false;
      EXPECT_EQ(got, reinterpret_cast<void*>(tag));
      return ok;
    };
    {
      std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
          generic_->PrepareCall(&ctx, path, &cq);
      call->StartCall(reinterpret_cast<void*>(1));
      if (await(1)) {
        bool open = true;
        for (const std::string& m : messages) {
          grpc::Slice slice(m);
          grpc::ByteBuffer buffer(&slice, 1);
          call->Write(buffer, reinterpret_cast<void*>(2));
          if (!await(2)) {  // the server has answered already
            open = false;
            break;
          }
        }
        if (open) {
          call->WritesDone(reinterpret_cast<void*>(3));
          await(3);
        }
        for (;;) {
          grpc::ByteBuffer response;
          call->Read(&response, reinterpret_cast<void*>(4));
          if (!await(4)) break;
          ++out.responses;
        }
      }
      call->Finish(&out.status, reinterpret_cast<void*>(5));
      await(5);
    }
    cq.Shutdown();
    void* tag = nullptr;
    bool ok = false;
    while (cq.Next(&tag, &ok)) {
    }
    return out;
  }
  Outcome Call(const MethodDescriptor& m, const std::string& token,
               const std::vector<std::string>& messages) {
    return CallPath("/" + m.service()->full_name() + "/" + m.name(), token,
                    messages);
  }

  // The services the server lists through reflection, asked without a
  // token.
  std::set<std::string> ServedServices() {
    auto stub = grpc::reflection::v1alpha::ServerReflection::NewStub(
        server_->Channel());
    grpc::ClientContext ctx;
    testing::Authorize(ctx, "");
    auto stream = stub->ServerReflectionInfo(&ctx);
    grpc::reflection::v1alpha::ServerReflectionRequest req;
    req.set_list_services("");
    EXPECT_TRUE(stream->Write(req));
    grpc::reflection::v1alpha::ServerReflectionResponse resp;
    EXPECT_TRUE(stream->Read(&resp));
    stream->WritesDone();
    const grpc::Status s = stream->Finish();
    EXPECT_TRUE(s.ok()) << "reflection without a token: " << s.error_message();
    std::set<std::string> names;
    for (const auto& service : resp.list_services_response().service()) {
      names.insert(service.name());
    }
    return names;
  }

  // Every method of every aduan.v1 service the server serves, from the
  // compiled descriptors. Fails for a served service this test does not
  // know, and for any service outside aduan.v1 but health and reflection.
  std::vector<const MethodDescriptor*> ServedAduanMethods() {
    CompiledAduanServices();  // links every file in
    std::vector<const MethodDescriptor*> out;
    for (const std::string& name : ServedServices()) {
      if (name.rfind("aduan.v1.", 0) != 0) {
        EXPECT_TRUE(name == "grpc.health.v1.Health" ||
                    name.rfind("grpc.reflection.", 0) == 0)
            << name << " is served but is not part of the matrix";
        continue;
      }
      const ServiceDescriptor* service =
          google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
              name);
      if (service == nullptr) {
        ADD_FAILURE()
            << name << " is served but not compiled into this test: "
            << "add its file to CompiledAduanFiles (tests/aduan_proto_files.h)";
        continue;
      }
      for (int i = 0; i < service->method_count(); ++i) {
        out.push_back(service->method(i));
      }
    }
    EXPECT_FALSE(out.empty());
    return out;
  }

  grpc::Status GetAs(const std::string& token, const std::string& code) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::GetComplaintRequest req;
    req.set_tracking_code(code);
    v1::Complaint c;
    return complaints_->GetComplaint(&ctx, req, &c);
  }
  // The officer attaches a location photo; returns its id.
  std::string AttachPhoto(const std::string& code) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::UploadAttachmentResponse resp;
    auto stream = attachments_->UploadAttachment(&ctx, &resp);
    v1::UploadAttachmentRequest msg;
    v1::UploadAttachmentHeader* h = msg.mutable_header();
    h->set_request_id("photo-" + std::to_string(++n_));
    h->set_tracking_code(code);
    h->set_type(v1::Attachment::LOCATION_PHOTO);
    h->set_media_type("image/jpeg");
    h->set_file_name("lokasi.jpg");
    EXPECT_TRUE(stream->Write(msg));
    msg.set_chunk(testing::MakeJpeg());
    EXPECT_TRUE(stream->Write(msg));
    stream->WritesDone();
    const grpc::Status s = stream->Finish();
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.attachment_id();
  }
  grpc::Status Download(const std::string& token, const std::string& id) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::DownloadAttachmentRequest req;
    req.set_attachment_id(id);
    auto stream = attachments_->DownloadAttachment(&ctx, req);
    v1::DownloadAttachmentResponse msg;
    while (stream->Read(&msg)) {
    }
    return stream->Finish();
  }

  std::string auditor_, admin_user_, lapor_;
  std::unique_ptr<grpc::GenericStub> generic_;
  std::unique_ptr<v1::AttachmentService::Stub> attachments_;
};

TEST_P(MatrixE2eTest, InvalidUtf8IsInvalidArgumentNamingTheField) {
  const std::pair<std::string, std::string> x = Submit();
  auto total = [&] {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::ListComplaintsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaints(&ctx, {}, &resp).ok());
    return resp.total_size();
  };
  const long long before = total();
  int checked = 0;
  for (const MethodDescriptor* m : ServedAduanMethods()) {
    std::string bytes;
    std::string path;
    if (!SpoiledRequest(*m->input_type(), &bytes, &path)) continue;
    ++checked;
    const Outcome out = Call(*m, officer_token_, {bytes});
    EXPECT_EQ(out.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << m->full_name() << ": " << out.status.error_message();
    EXPECT_EQ(out.status.error_message(), path + ": not valid UTF-8")
        << m->full_name();
    EXPECT_EQ(out.responses, 0) << m->full_name();
  }
  // Every aduan.v1 request but a few carries a string.
  EXPECT_GE(checked, 40);
  EXPECT_EQ(total(), before);
  EXPECT_TRUE(GetAs(officer_token_, x.first).ok());
}

TEST_P(MatrixE2eTest, EveryServedMethodHasExactlyOneRow) {
  const std::vector<const MethodDescriptor*> methods = ServedAduanMethods();
  std::set<std::string> served;
  for (const MethodDescriptor* m : methods) {
    served.insert(ShortName(*m));
    const Row* row = FindRow(*m);
    if (row == nullptr) {
      ADD_FAILURE() << m->full_name() << " has no row in kMatrix";
      continue;
    }
    // A method whose request carries a tracking code must say so, so that
    // its out-of-scope answer is checked.
    const FieldDescriptor* code =
        m->input_type()->FindFieldByName("tracking_code");
    if (code != nullptr) {
      EXPECT_STREQ(row->names, "tracking_code") << m->full_name();
    }
    if (*row->names != '\0') {
      RequestNaming(*m, row->names, kMissingComplaint, "00000000");
    }
  }
  std::set<std::string> rows;
  for (const Row& row : kMatrix) {
    EXPECT_TRUE(rows.insert(row.method).second) << row.method << " twice";
    EXPECT_TRUE(served.count(row.method))
        << row.method << " is in kMatrix but not served";
  }
  // Every compiled aduan.v1 service is served.
  for (const std::string& name : CompiledAduanServices()) {
    bool found = false;
    for (const MethodDescriptor* m : methods) {
      found |= m->service()->full_name() == name;
    }
    EXPECT_TRUE(found) << name << " is not served";
  }
  // Health needs no token (reflection was listed without one above).
  const Outcome health = CallPath("/grpc.health.v1.Health/Check", "", {""});
  EXPECT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.responses, 1);
}

TEST_P(MatrixE2eTest, EveryCallerGetsTheExactCodeOfEveryMethod) {
  struct Caller {
    const char* name;
    unsigned role;  // 0: no token
    std::string token;
  };
  const Caller callers[] = {
      {"no token", 0, ""},
      {"OFFICER", kOfficer, officer_token_},
      {"SECRETARY", kSecretary, secretary_},
      {"HEAD", kHead, head_},
      {"UNIT", kUnit, unit_},
      {"GATEWAY", kGateway, gateway_},
      {"AUDITOR", kAuditor, auditor_},
      {"ADMIN", kAdmin, admin_user_},
  };
  for (const Caller& caller : callers) {
    ASSERT_TRUE(caller.role == 0 || !caller.token.empty()) << caller.name;
  }
  const std::vector<const MethodDescriptor*> methods = ServedAduanMethods();
  size_t calls = 0;
  for (const MethodDescriptor* m : methods) {
    const Row* row = FindRow(*m);
    if (row == nullptr) {
      ADD_FAILURE() << m->full_name() << " has no row in kMatrix";
      continue;
    }
    for (const Caller& caller : callers) {
      const bool allowed =
          caller.role == 0 ? row->is_public : (row->roles & caller.role) != 0;
      const grpc::StatusCode want = allowed ? row->empty_request
                                    : caller.role == 0
                                        ? grpc::StatusCode::UNAUTHENTICATED
                                        : grpc::StatusCode::PERMISSION_DENIED;
      // An empty request message: one, whatever the kind of method.
      const Outcome got = Call(*m, caller.token, {""});
      ++calls;
      const std::string where = ShortName(*m) + " as " + caller.name + ": " +
                                got.status.error_message();
      EXPECT_EQ(CodeName(got.status.error_code()), CodeName(want)) << where;
      if (want == grpc::StatusCode::UNAUTHENTICATED) {
        EXPECT_THAT(got.status.error_message(), HasSubstr("authorization"))
            << where;
      }
      if (want == grpc::StatusCode::PERMISSION_DENIED) {
        EXPECT_THAT(got.status.error_message(), HasSubstr(m->name())) << where;
      }
    }
  }
  EXPECT_EQ(calls, methods.size() * std::size(callers));
}

TEST_P(MatrixE2eTest, OutOfScopeIsByteForByteAMissingComplaint) {
  // X: submitted by the website gateway, with a location photo, disposed to
  // TRANTIB. Y: submitted at the desk, with a location photo, SUBMITTED.
  const std::pair<std::string, std::string> x = Submit(gateway_);
  const std::string x_photo = AttachPhoto(x.first);
  ASSERT_TRUE(Verify(x.first, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(x.first).ok());
  ASSERT_TRUE(Dispose(x.first, "TRANTIB").ok());
  const std::pair<std::string, std::string> y = Submit();
  const std::string y_photo = AttachPhoto(y.first);
  ASSERT_FALSE(x_photo.empty());
  ASSERT_FALSE(y_photo.empty());
  // Both exist and are reachable for the callers in scope.
  ASSERT_TRUE(GetAs(unit_, x.first).ok());
  ASSERT_TRUE(GetAs(gateway_, x.first).ok());
  ASSERT_TRUE(GetAs(officer_token_, y.first).ok());
  ASSERT_TRUE(Download(unit_, x_photo).ok());
  ASSERT_TRUE(Download(gateway_, x_photo).ok());
  ASSERT_TRUE(Download(officer_token_, y_photo).ok());
  const std::string x_etag = Get(x.first).etag();
  const std::string y_etag = Get(y.first).etag();
  // A PIN that is neither complaint's (TrackComplaint is scoped by the PIN;
  // two wrong PINs per complaint stay well within the wrong-PIN budget).
  std::string wrong_pin = "00000000";
  for (const char* candidate : {"11111111", "22222222"}) {
    if (wrong_pin != x.second && wrong_pin != y.second) break;
    wrong_pin = candidate;
  }

  struct OutOfScope {
    const char* who;
    unsigned role;
    std::string token;
    std::string code;        // an existing complaint out of the caller's scope
    std::string attachment;  // a document of it
  };
  const OutOfScope cases[] = {
      {"UNIT KESOS on a complaint disposed to TRANTIB", kUnit, other_unit_,
       x.first, x_photo},
      {"GATEWAY sp4n-lapor on a complaint from website", kGateway, lapor_,
       x.first, x_photo},
      {"GATEWAY website on a complaint from the desk", kGateway, gateway_,
       y.first, y_photo},
      {"UNIT TRANTIB on a complaint never disposed", kUnit, unit_, y.first,
       y_photo},
  };
  const std::vector<const MethodDescriptor*> methods = ServedAduanMethods();
  for (const OutOfScope& c : cases) {
    int checked = 0;
    for (const MethodDescriptor* m : methods) {
      const Row* row = FindRow(*m);
      if (row == nullptr) {
        ADD_FAILURE() << m->full_name() << " has no row in kMatrix";
        continue;
      }
      if (*row->names == '\0' || (row->roles & c.role) == 0) continue;
      const bool document = absl::EndsWith(row->names, "attachment_id");
      const Outcome hidden =
          Call(*m, c.token,
               {RequestNaming(*m, row->names, document ? c.attachment : c.code,
                              wrong_pin)});
      const Outcome missing =
          Call(*m, c.token,
               {RequestNaming(*m, row->names,
                              document ? kMissingAttachment : kMissingComplaint,
                              wrong_pin)});
      const std::string where =
          ShortName(*m) + " as " + c.who + ": " + hidden.status.error_message();
      EXPECT_EQ(CodeName(hidden.status.error_code()), CodeName(kNotFound))
          << where;
      EXPECT_EQ(hidden.status.error_code(), missing.status.error_code())
          << where;
      EXPECT_EQ(hidden.status.error_message(), missing.status.error_message())
          << where;
      EXPECT_EQ(hidden.status.error_details(), missing.status.error_details())
          << where;
      EXPECT_EQ(hidden.responses, 0) << where;
      EXPECT_EQ(missing.responses, 0) << where;
      ++checked;
    }
    // UNIT: 9 such methods, GATEWAY: 7 (see kMatrix).
    EXPECT_GE(checked, 7) << c.who;
  }
  // Nothing was changed by any of these calls.
  EXPECT_EQ(Get(x.first).etag(), x_etag);
  EXPECT_EQ(Get(y.first).etag(), y_etag);
}

INSTANTIATE_TEST_SUITE_P(Backends, MatrixE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
