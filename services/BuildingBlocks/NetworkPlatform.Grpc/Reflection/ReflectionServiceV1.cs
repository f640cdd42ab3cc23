using Grpc.Reflection.V1;
using NetworkPlatform.Grpc.Hosting;

namespace NetworkPlatform.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection: what grpcurl, Postman and other tools ask to learn the served API.</summary>
internal sealed class ReflectionServiceV1 : ServerReflection.ServerReflectionBase
{
    private readonly Lazy<DescriptorIndex> index;

    public ReflectionServiceV1(GrpcServiceRegistry registry)
    {
        // Built on first use, when every service is mapped.
        index = new Lazy<DescriptorIndex>(() => new DescriptorIndex(registry.Services.Select(s => s.Descriptor)));
    }

    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(Answer(requestStream.Current), context.CancellationToken).ConfigureAwait(false);
        }
    }

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        var files = index.Value;
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(files.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFiles(response, files, files.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' is not known to this server.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFiles(response, files, files.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' is not known to this server.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                // The served protos are proto3 and declare no extensions: a known message has none.
                if (files.FindMessage(request.AllExtensionNumbersOfType) is null)
                {
                    SetError(response, StatusCode.NotFound, $"Message type '{request.AllExtensionNumbersOfType}' is not known to this server.");
                }
                else
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, $"Extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' is not known: the served protos declare no extensions.");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request names no question; set one of list_services, file_by_filename or file_containing_symbol.");
                break;
        }
        return response;
    }

    private static void SetFiles(ServerReflectionResponse response, DescriptorIndex files, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }
        var descriptors = new FileDescriptorResponse();
        descriptors.FileDescriptorProto.AddRange(files.WithDependencies(file));
        response.FileDescriptorResponse = descriptors;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
