// An independent gRPC server (Debian's grpc++ sync server) for our client's tests: networkplatform.testing.v1.EchoService.
// Echo answers with the request's message and payload, metadata["server"] = "cpp"; delay_ms waits (until cancelled);
// fail_with_code fails with that code, the request's message and google.rpc details (BadRequest + ErrorInfo);
// echo_metadata copies the text request metadata into the response; every -bin request header comes back as
// echo-<key> in the initial and trailing metadata; x-compress-response answers gzip-compressed.
// EchoStream sends `repeat` responses; Collect concatenates; Chat answers each request as it arrives.
// Usage: conformance_server <port>; prints "READY <port>" once it listens (port 0: one the system picks).
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "echo.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

using networkplatform::testing::v1::EchoRequest;
using networkplatform::testing::v1::EchoResponse;
using networkplatform::testing::v1::EchoService;

namespace {

std::string Text(const grpc::string_ref& value) { return std::string(value.data(), value.size()); }

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Metadata-driven behaviour shared by every method.
void Prepare(grpc::ServerContext* context) {
  for (const auto& [key, value] : context->client_metadata()) {
    auto name = Text(key);
    if (EndsWith(name, "-bin")) {
      context->AddInitialMetadata("echo-" + name, Text(value));
      context->AddTrailingMetadata("echo-" + name, Text(value));
    }
    if (name == "x-compress-response") {
      context->set_compression_algorithm(GRPC_COMPRESS_GZIP);
    }
  }
}

// Waits, but gives up as soon as the call is cancelled (deadline or client); returns false then.
bool Wait(grpc::ServerContext* context, int milliseconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  while (std::chrono::steady_clock::now() < until) {
    if (context->IsCancelled()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

grpc::Status Failure(const EchoRequest& request) {
  google::rpc::Status status;
  status.set_code(request.fail_with_code());
  status.set_message(request.message());
  google::rpc::BadRequest bad;
  auto* violation = bad.add_field_violations();
  violation->set_field("message");
  violation->set_description("must not be empty");
  status.add_details()->PackFrom(bad);
  google::rpc::ErrorInfo info;
  info.set_reason("ECHO_REFUSED");
  info.set_domain("echo.test");
  (*info.mutable_metadata())["asked"] = "yes";
  status.add_details()->PackFrom(info);
  return grpc::Status(static_cast<grpc::StatusCode>(request.fail_with_code()), request.message(), status.SerializeAsString());
}

class EchoServiceImpl final : public EchoService::Service {
  grpc::Status Echo(grpc::ServerContext* context, const EchoRequest* request, EchoResponse* response) override {
    Prepare(context);
    if (request->delay_ms() > 0 && !Wait(context, request->delay_ms())) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled while waiting");
    }
    if (request->fail_with_code() != 0) return Failure(*request);
    response->set_message(request->message());
    response->set_payload(request->payload());
    (*response->mutable_metadata())["server"] = "cpp";
    if (request->echo_metadata()) {
      for (const auto& [key, value] : context->client_metadata()) {
        if (!EndsWith(Text(key), "-bin")) (*response->mutable_metadata())[Text(key)] = Text(value);
      }
    }
    return grpc::Status::OK;
  }

  grpc::Status EchoStream(grpc::ServerContext* context, const EchoRequest* request, grpc::ServerWriter<EchoResponse>* writer) override {
    Prepare(context);
    for (int i = 0; i < request->repeat(); i++) {
      if (i > 0 && request->delay_ms() > 0 && !Wait(context, request->delay_ms())) {
        return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled while waiting");
      }
      EchoResponse response;
      response.set_message(request->message());
      response.set_index(i);
      response.set_payload(request->payload());
      if (!writer->Write(response)) break;
    }
    return request->fail_with_code() != 0 ? Failure(*request) : grpc::Status::OK;
  }

  grpc::Status Collect(grpc::ServerContext* context, grpc::ServerReader<EchoRequest>* reader, EchoResponse* response) override {
    Prepare(context);
    EchoRequest request;
    int count = 0;
    std::string messages;
    while (reader->Read(&request)) {
      messages += request.message();
      count++;
    }
    response->set_message(messages);
    response->set_index(count);
    return grpc::Status::OK;
  }

  grpc::Status Chat(grpc::ServerContext* context, grpc::ServerReaderWriter<EchoResponse, EchoRequest>* stream) override {
    Prepare(context);
    EchoRequest request;
    int index = 0;
    while (stream->Read(&request)) {
      if (request.fail_with_code() != 0) return Failure(request);
      EchoResponse response;
      response.set_message(request.message());
      response.set_index(index++);
      if (!stream->Write(response)) break;
    }
    return grpc::Status::OK;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: conformance_server <port>" << std::endl;
    return 2;
  }
  std::string address = std::string("127.0.0.1:") + argv[1];
  EchoServiceImpl service;
  grpc::ServerBuilder builder;
  int selected_port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &selected_port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server(builder.BuildAndStart());
  if (!server) {
    std::cerr << "could not listen on " << address << std::endl;
    return 1;
  }
  std::cout << "READY " << selected_port << std::endl;
  server->Wait();
  return 0;
}
