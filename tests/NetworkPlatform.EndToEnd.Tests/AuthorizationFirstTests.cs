using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.EndToEnd.Tests.Support;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 19: authorization comes before validation in every method. Every unary and server-streaming method of the four
/// services, called by a secretariat of another network (a client registered at the issuer) with a request that names a
/// network and is otherwise empty (invalid for nearly every method), answers PERMISSION_DENIED: a caller learns nothing
/// about a network it does not belong to, not even which of its fields a request would need (the use-case pipeline's
/// tenant step, before Authorize and Validate; services/README.md).
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class AuthorizationFirstTests(DistributedPlatform platform)
{
    private const string OtherNetwork = "net-somewhere-else";

    [Fact(Timeout = 300_000)]
    public async Task every_method_refuses_a_caller_of_another_network_before_it_validates_the_request()
    {
        var network = "net-" + Guid.NewGuid().ToString("N")[..12];
        var outsider = await platform.CallerAsync(OtherNetwork, Roles.Secretariat);
        var answers = new List<string>();
        foreach (var method in PublicMethods().Where(m => !m.IsClientStreaming))
        {
            var status = await CallAsync(platform[Area(method)].Channel.CreateCallInvoker(), method, network, outsider);
            answers.Add($"{method.FullName}: {status}");
        }

        var wrong = answers.Where(a => !a.EndsWith(": " + StatusCode.PermissionDenied, StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Count} methods answer a caller of another network otherwise:\n" +
            string.Join('\n', wrong));
    }

    /// <summary>The methods of the public networkplatform.* packages, from the descriptors compiled into the protos assembly.</summary>
    private static IEnumerable<MethodDescriptor> PublicMethods() => typeof(Membership.V1.Network).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package.StartsWith("networkplatform.", StringComparison.Ordinal))
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .OrderBy(m => m.FullName, StringComparer.Ordinal);

    /// <summary>networkplatform.groups.v1 -> groups: the service that serves the method.</summary>
    private static string Area(MethodDescriptor method) => method.Service.File.Package.Split('.')[1];

    /// <summary>Calls <paramref name="method"/> with a request naming <paramref name="network"/>; the status it ends with.</summary>
    private static async Task<StatusCode> CallAsync(CallInvoker invoker, MethodDescriptor method, string network, Metadata caller)
    {
        var request = NamingNetwork(method.InputType, network);
        var marshaller = Marshallers.Create(
            (IMessage message) => message.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var requestMarshaller = Marshallers.Create(
            (IMessage message) => message.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes));
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<IMessage, IMessage>(type, method.Service.FullName, method.Name, requestMarshaller, marshaller);
        var options = new CallOptions(caller, DateTime.UtcNow.AddSeconds(20));
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(call, null, options, request);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }
            else
            {
                using var unary = invoker.AsyncUnaryCall(call, null, options, request);
                await unary.ResponseAsync;
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>An empty request of <paramref name="type"/> whose network_id (or its resource's network_id or id) names
    /// <paramref name="network"/>.</summary>
    private static IMessage NamingNetwork(MessageDescriptor type, string network)
    {
        var request = type.Parser.ParseFrom(ByteString.Empty);
        if (type.FindFieldByName("network_id") is { } networkId)
        {
            networkId.Accessor.SetValue(request, network);
            return request;
        }
        foreach (var field in type.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message && !f.IsRepeated))
        {
            var nested = field.MessageType.FindFieldByName("network_id") ?? (field.MessageType.Name == "Network"
                ? field.MessageType.FindFieldByName("id") : null);
            if (nested is not null)
            {
                var resource = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                nested.Accessor.SetValue(resource, network);
                field.Accessor.SetValue(request, resource);
            }
        }
        return request;
    }
}
