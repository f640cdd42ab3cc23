// The C++ baseline for `make bench grpc`: Debian's grpc++ sync server with its default grpc.health.v1 service and
// networkplatform.testing.v1.EchoService (Echo answers with the request's message; EchoStream sends `repeat` responses). Built at bench time by
// CppEchoServer (NetworkPlatform.Testing.CppProgram: protoc + grpc_cpp_plugin + g++ -O2).
// Usage: echo_server <port>; port 0 lets the kernel pick one, and "READY <port>" says which.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include "echo.grpc.pb.h"

using networkplatform::testing::v1::EchoRequest;
using networkplatform::testing::v1::EchoResponse;
using networkplatform::testing::v1::EchoService;

class EchoServiceImpl final : public EchoService::Service {
  grpc::Status Echo(grpc::ServerContext*, const EchoRequest* request, EchoResponse* response) override {
    response->set_message(request->message());
    return grpc::Status::OK;
  }

  grpc::Status EchoStream(grpc::ServerContext*, const EchoRequest* request, grpc::ServerWriter<EchoResponse>* writer) override {
    EchoResponse response;
    response.set_message(request->message());
    for (int i = 0; i < request->repeat(); i++) {
      response.set_index(i);
      if (!writer->Write(response)) {
        break;
      }
    }
    return grpc::Status::OK;
  }
};

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: echo_server <port>" << std::endl;
    return 2;
  }
  std::string address = std::string("127.0.0.1:") + argv[1];
  EchoServiceImpl service;
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server(builder.BuildAndStart());
  if (!server) {
    std::cerr << "could not listen on " << address << std::endl;
    return 1;
  }
  std::cout << "READY " << port << std::endl;
  server->Wait();
  return 0;
}
