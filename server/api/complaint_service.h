// gRPC handlers of aduan.v1.ComplaintService (the staff reads).
#ifndef ADUAN_SERVER_API_COMPLAINT_SERVICE_H_
#define ADUAN_SERVER_API_COMPLAINT_SERVICE_H_

#include "aduan/v1/complaint_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_reader.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class ComplaintService final : public ParsedService<v1::ComplaintService> {
 public:
  ComplaintService(auth::Authorizer& auth, domain::ComplaintReader& reader)
      : ParsedService(auth), reader_(reader) {
    ParseUnary(&ComplaintService::GetComplaint);
    ParseUnary(&ComplaintService::ListComplaints);
    ParseUnary(&ComplaintService::ListComplaintEvents);
    RequireEveryMethodParsed();
  }

  grpc::Status GetComplaint(grpc::ServerContext* ctx,
                            const domain::Principal& who,
                            const v1::GetComplaintRequest* req,
                            v1::Complaint* resp);
  grpc::Status ListComplaints(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::ListComplaintsRequest* req,
                              v1::ListComplaintsResponse* resp);
  grpc::Status ListComplaintEvents(grpc::ServerContext* ctx,
                                   const domain::Principal& who,
                                   const v1::ListComplaintEventsRequest* req,
                                   v1::ListComplaintEventsResponse* resp);

 private:
  domain::ComplaintReader& reader_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_COMPLAINT_SERVICE_H_
