// An independent gRPC client (Debian's grpc++ 1.51) calling the membership service: health, an authenticated call
// with text and binary metadata, rich error details, deadlines, gzip and the message size limit.
// Usage: conformance_client <host:port> <token> <case>. Prints what it checked and exits 0, or prints why and exits 1.
#include <chrono>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <grpcpp/grpcpp.h>

#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "networkplatform/membership/v1/networks.grpc.pb.h"

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using networkplatform::membership::v1::GetNetworkRequest;
using networkplatform::membership::v1::Network;
using networkplatform::membership::v1::NetworkService;

namespace {

const char* kNetwork = "partnerskap-mot-mobbing";
int failures = 0;

void Check(bool condition, const std::string& what) {
  std::cout << (condition ? "ok   " : "FAIL ") << what << std::endl;
  if (!condition) failures++;
}

std::string Describe(const grpc::Status& status) {
  std::ostringstream text;
  text << "status " << status.error_code() << " '" << status.error_message() << "'";
  return text.str();
}

void Prepare(grpc::ClientContext& context, const std::string& token, int milliseconds) {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(milliseconds));
  context.AddMetadata("authorization", "Bearer " + token);
}

void HealthCheck(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = Health::NewStub(channel);
  for (const std::string service : {"", "networkplatform.membership.v1.NetworkService"}) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    auto status = stub->Check(&context, request, &response);
    Check(status.ok() && response.status() == HealthCheckResponse::SERVING, "'" + service + "' is SERVING (" + Describe(status) + ")");
  }
}

void Authenticated(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto stub = NetworkService::NewStub(channel);
  grpc::ClientContext context;
  Prepare(context, token, 10000);
  context.AddMetadata("x-partner-ref", "ref-1");
  context.AddMetadata("x-partner-trace-bin", std::string("\x00\x01\xff", 3));
  GetNetworkRequest request;
  request.set_network_id(kNetwork);
  Network network;
  auto status = stub->GetNetwork(&context, request, &network);
  Check(status.ok(), "an authenticated call with text and binary metadata succeeds (" + Describe(status) + ")");
  Check(network.id() == kNetwork && !network.display_name().empty(), "the network comes back: " + network.display_name());

  grpc::ClientContext anonymous;
  anonymous.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  status = stub->GetNetwork(&anonymous, request, &network);
  Check(status.error_code() == grpc::StatusCode::UNAUTHENTICATED && status.error_message().find("Bearer") != std::string::npos,
        "without a token: " + Describe(status));
}

void Details(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto stub = NetworkService::NewStub(channel);
  grpc::ClientContext context;
  Prepare(context, token, 10000);
  GetNetworkRequest request;
  request.set_network_id("another-network");
  Network network;
  auto status = stub->GetNetwork(&context, request, &network);
  Check(status.error_code() == grpc::StatusCode::PERMISSION_DENIED, "another network's data is refused: " + Describe(status));
  google::rpc::Status details;
  Check(details.ParseFromString(status.error_details()) && details.code() == 7 && details.details_size() > 0,
        "grpc-status-details-bin holds a google.rpc.Status");
  Check(details.details_size() > 0 && details.details(0).type_url() == "type.googleapis.com/google.rpc.ErrorInfo" &&
            details.details(0).value().find("TENANT_MISMATCH") != std::string::npos,
        "its first detail is an ErrorInfo with reason TENANT_MISMATCH");
}

void Deadline(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
  HealthCheckRequest request;
  request.set_service("networkplatform.membership.v1.NetworkService");
  auto started = std::chrono::steady_clock::now();
  auto reader = stub->Watch(&context, request);
  HealthCheckResponse response;
  while (reader->Read(&response)) {
  }
  auto status = reader->Finish();
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  Check(status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED, "a watch ends at its deadline: " + Describe(status));
  Check(elapsed >= 450 && elapsed < 5000, "after " + std::to_string(elapsed) + " ms");
}

void Gzip(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto stub = NetworkService::NewStub(channel);
  grpc::ClientContext context;
  Prepare(context, token, 10000);
  context.set_compression_algorithm(GRPC_COMPRESS_GZIP);
  GetNetworkRequest request;
  request.set_network_id(kNetwork);
  Network network;
  auto status = stub->GetNetwork(&context, request, &network);
  Check(status.ok() && network.id() == kNetwork, "a gzip-compressed request is understood (" + Describe(status) + ")");
}

void TooLarge(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto stub = NetworkService::NewStub(channel);
  grpc::ClientContext context;
  Prepare(context, token, 20000);
  GetNetworkRequest request;
  request.set_network_id(std::string(4 * 1024 * 1024 + 1, 'x'));
  Network network;
  auto status = stub->GetNetwork(&context, request, &network);
  Check(status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED, "a request over 4 MiB: " + Describe(status));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: conformance_client <host:port> <token> <case>" << std::endl;
    return 2;
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(16 * 1024 * 1024);
  auto channel = grpc::CreateCustomChannel(argv[1], grpc::InsecureChannelCredentials(), arguments);
  const std::string token = argv[2], which = argv[3];
  if (which == "health") HealthCheck(channel);
  else if (which == "authenticated") Authenticated(channel, token);
  else if (which == "details") Details(channel, token);
  else if (which == "deadline") Deadline(channel);
  else if (which == "gzip") Gzip(channel, token);
  else if (which == "too-large") TooLarge(channel, token);
  else {
    std::cerr << "unknown case " << which << std::endl;
    return 2;
  }
  return failures == 0 ? 0 : 1;
}
