// An independent gRPC client (Debian's grpc++) driving networkplatform.testing.v1.EchoService on our server.
// Usage: conformance_client <host:port> <case>. Prints what it checked and exits 0, or prints why and exits 1.
// Built by the conformance tests (CppConformanceTests) with protoc, grpc_cpp_plugin and g++.
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <grpcpp/grpcpp.h>

#include "echo.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

using networkplatform::testing::v1::EchoRequest;
using networkplatform::testing::v1::EchoResponse;
using networkplatform::testing::v1::EchoService;

namespace {

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

std::string Hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  return hex;
}

void WithDeadline(grpc::ClientContext& context, int milliseconds) {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(milliseconds));
}

void Unary(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  context.AddMetadata("x-custom", "v1");
  context.AddMetadata("x-data-bin", std::string("\x00\x01\xff", 3));
  EchoRequest request;
  request.set_message("héllo from C++");
  request.set_echo_metadata(true);
  EchoResponse response;
  auto status = stub.Echo(&context, request, &response);
  Check(status.ok(), "unary call succeeds (" + Describe(status) + ")");
  Check(response.message() == "héllo from C++", "the message comes back unchanged: " + response.message());
  Check(response.metadata().count("x-custom") && response.metadata().at("x-custom") == "v1", "ASCII metadata reaches the server");
  Check(response.metadata().count("x-data-bin") && response.metadata().at("x-data-bin") == "0001ff", "binary metadata reaches the server byte for byte");
  Check(response.metadata().count("deadline-set") && response.metadata().at("deadline-set") == "yes", "the deadline reaches the server as grpc-timeout");
}

void ServerStreaming(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  EchoRequest request;
  request.set_message("tick");
  request.set_repeat(5);
  auto reader = stub.EchoStream(&context, request);
  EchoResponse response;
  int expected = 0;
  bool inOrder = true;
  while (reader->Read(&response)) {
    inOrder = inOrder && response.index() == expected && response.message() == "tick";
    expected++;
  }
  auto status = reader->Finish();
  Check(status.ok(), "server streaming ends with OK (" + Describe(status) + ")");
  Check(expected == 5 && inOrder, "five responses arrive in order (got " + std::to_string(expected) + ")");
}

void ClientStreaming(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  EchoResponse response;
  auto writer = stub.Collect(&context, &response);
  for (const char* message : {"a", "b", "c"}) {
    EchoRequest request;
    request.set_message(message);
    writer->Write(request);
  }
  writer->WritesDone();
  auto status = writer->Finish();
  Check(status.ok(), "client streaming ends with OK (" + Describe(status) + ")");
  Check(response.message() == "a,b,c" && response.index() == 3, "the server saw the three messages in order: " + response.message());
}

void Bidirectional(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  auto stream = stub.Chat(&context);
  bool answered = true;
  for (int i = 0; i < 3; i++) {
    EchoRequest request;
    request.set_message("ping " + std::to_string(i));
    stream->Write(request);
    EchoResponse response;
    // Each answer is read before the next request is written: the server must answer as requests arrive.
    answered = answered && stream->Read(&response) && response.index() == i && response.message() == request.message();
  }
  stream->WritesDone();
  EchoResponse extra;
  Check(!stream->Read(&extra), "no answer beyond the requests");
  auto status = stream->Finish();
  Check(answered, "each request is answered before the next is sent");
  Check(status.ok(), "bidirectional streaming ends with OK (" + Describe(status) + ")");
}

void Deadline(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 300);
  EchoRequest request;
  request.set_delay_ms(5000);
  EchoResponse response;
  auto started = std::chrono::steady_clock::now();
  auto status = stub.Echo(&context, request, &response);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  Check(status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED, "a slow call ends DEADLINE_EXCEEDED (" + Describe(status) + ")");
  Check(elapsed < 3000, "well before the handler would have finished (" + std::to_string(elapsed) + " ms)");
}

void StatusDetails(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  EchoRequest request;
  request.set_fail_with_code(static_cast<int>(grpc::StatusCode::FAILED_PRECONDITION));
  EchoResponse response;
  auto status = stub.Echo(&context, request, &response);
  Check(status.error_code() == grpc::StatusCode::FAILED_PRECONDITION, "the handler's status code arrives (" + Describe(status) + ")");
  Check(status.error_message() == "Echo failed with FailedPrecondition as asked: ünïcode % and\nnewline",
        "the percent-encoded message decodes to the exact text");
  google::rpc::Status details;
  Check(details.ParseFromString(status.error_details()), "grpc-status-details-bin parses as google.rpc.Status");
  Check(details.code() == static_cast<int>(grpc::StatusCode::FAILED_PRECONDITION), "the details repeat the code");
  bool errorInfo = false, badRequest = false;
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&info)) errorInfo = info.reason() == "ECHO_FAILED" && info.metadata().at("asked_code") == "9";
    if (any.UnpackTo(&bad)) badRequest = bad.field_violations_size() == 1 && bad.field_violations(0).field() == "fail_with_code";
  }
  Check(errorInfo, "an ErrorInfo with reason ECHO_FAILED and its metadata");
  Check(badRequest, "a BadRequest naming the field");
  const auto& trailers = context.GetServerTrailingMetadata();
  auto text = trailers.find("echo-trailer");
  auto binary = trailers.find("echo-trailer-bin");
  Check(text != trailers.end() && std::string(text->second.data(), text->second.size()) == "kept", "custom trailers arrive");
  Check(binary != trailers.end() && Hex(std::string(binary->second.data(), binary->second.size())) == "000102ff", "binary trailers arrive byte for byte");
}

void Gzip(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  context.set_compression_algorithm(GRPC_COMPRESS_GZIP);
  EchoRequest request;
  request.set_message("compressed");
  request.set_payload(std::string(256 * 1024, 'z'));
  EchoResponse response;
  auto status = stub.Echo(&context, request, &response);
  Check(status.ok(), "a gzip-compressed request is accepted (" + Describe(status) + ")");
  Check(response.payload() == request.payload(), "the 256 KiB payload comes back intact");
  auto encoding = context.GetServerInitialMetadata().find("grpc-encoding");
  std::cout << "     response grpc-encoding: "
            << (encoding == context.GetServerInitialMetadata().end() ? "identity" : std::string(encoding->second.data(), encoding->second.size())) << std::endl;
}

void TooLarge(EchoService::Stub& stub) {
  grpc::ClientContext context;
  WithDeadline(context, 10000);
  EchoRequest request;
  request.set_payload(std::string(5 * 1024 * 1024, 'x'));
  EchoResponse response;
  auto status = stub.Echo(&context, request, &response);
  Check(status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED, "a 5 MiB request is refused RESOURCE_EXHAUSTED (" + Describe(status) + ")");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: conformance_client <host:port> <unary|server-streaming|client-streaming|bidi|deadline|details|gzip|too-large>" << std::endl;
    return 2;
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(argv[1], grpc::InsecureChannelCredentials(), arguments);
  auto stub = EchoService::NewStub(channel);
  const std::map<std::string, void (*)(EchoService::Stub&)> cases = {
      {"unary", Unary}, {"server-streaming", ServerStreaming}, {"client-streaming", ClientStreaming}, {"bidi", Bidirectional},
      {"deadline", Deadline}, {"details", StatusDetails}, {"gzip", Gzip}, {"too-large", TooLarge}};
  auto found = cases.find(argv[2]);
  if (found == cases.end()) {
    std::cerr << "unknown case " << argv[2] << std::endl;
    return 2;
  }
  found->second(*stub);
  return failures == 0 ? 0 : 1;
}
