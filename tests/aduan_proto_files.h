// The compiled aduan.v1 proto files, for tests that walk every service and
// method of the API: a new service file must be added here, and both the
// access-policy test and the end-to-end matrix then cover it.
#ifndef ADUAN_TESTS_ADUAN_PROTO_FILES_H_
#define ADUAN_TESTS_ADUAN_PROTO_FILES_H_

#include <google/protobuf/descriptor.h>

#include <vector>

#include "aduan/v1/admin_service.pb.h"
#include "aduan/v1/archive_service.pb.h"
#include "aduan/v1/attachment_service.pb.h"
#include "aduan/v1/complaint_service.pb.h"
#include "aduan/v1/disposition_service.pb.h"
#include "aduan/v1/intake_service.pb.h"
#include "aduan/v1/verification_service.pb.h"

namespace aduan::testing {

// Each file reached through one of its messages, which also links the file
// (and its descriptors) into the test.
inline std::vector<const google::protobuf::FileDescriptor*>
CompiledAduanFiles() {
  return {aduan::v1::SubmitComplaintRequest::descriptor()->file(),
          aduan::v1::GetComplaintRequest::descriptor()->file(),
          aduan::v1::VerifyComplaintRequest::descriptor()->file(),
          aduan::v1::DisposeComplaintRequest::descriptor()->file(),
          aduan::v1::ArchiveComplaintRequest::descriptor()->file(),
          aduan::v1::UploadAttachmentRequest::descriptor()->file(),
          aduan::v1::GetOfficeRequest::descriptor()->file()};
}

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_ADUAN_PROTO_FILES_H_
