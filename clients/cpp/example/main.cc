// Submits a complaint to aduand and prints its tracking code.
// ADUAN_ADDR and ADUAN_TOKEN (an officer's token) say where and who.
#include <iostream>

#include "aduan/client/client.h"

int main() {
  aduan::client::ClientOptions options =
      aduan::client::ClientOptions::FromEnvironment();
  absl::StatusOr<std::unique_ptr<aduan::client::Client>> client =
      aduan::client::Client::Create(options);
  if (!client.ok()) {
    std::cerr << "example: " << client.status() << "\n";
    return 2;
  }
  aduan::v1::SubmitComplaintRequest request;  // request_id filled in
  aduan::v1::Complaint* c = request.mutable_complaint();
  c->set_office_code("KNG");
  c->set_channel(aduan::v1::Complaint::OFFICE);
  c->set_title("Lampu jalan mati");
  c->set_description("Sejak Senin malam lampu di gang 3 mati.");
  c->mutable_complainant()->set_name("Siti Aminah");
  c->mutable_complainant()->set_phone("0812-3456-7890");
  c->mutable_location()->set_kelurahan("Kanigaran");
  absl::StatusOr<aduan::v1::SubmitComplaintResponse> response =
      (*client)->SubmitComplaint(request);
  if (!response.ok()) {
    std::cerr << "example: " << response.status() << "\n";
    return 2;
  }
  std::cout << response->complaint().tracking_code() << "\n";
  return 0;
}
