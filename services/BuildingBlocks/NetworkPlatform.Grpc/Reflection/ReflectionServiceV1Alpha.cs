using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace NetworkPlatform.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, still what many tools try first. Its messages are wire-identical to v1,
/// so requests and answers are converted through their bytes and v1 does the work.
/// </summary>
internal sealed class ReflectionServiceV1Alpha(ReflectionServiceV1 v1) : V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream, IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = v1.Answer(request);
            await responseStream.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken).ConfigureAwait(false);
        }
    }
}
