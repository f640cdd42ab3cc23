using Google.Protobuf;
using Google.Protobuf.Compiler;
using NetworkPlatform.Grpc.Codegen;

// protoc plugin protocol: a CodeGeneratorRequest on stdin, a CodeGeneratorResponse on stdout.
using var stdin = Console.OpenStandardInput();
var request = CodeGeneratorRequest.Parser.ParseFrom(stdin);
var response = StubGenerator.Generate(request);
using var stdout = Console.OpenStandardOutput();
response.WriteTo(stdout);
