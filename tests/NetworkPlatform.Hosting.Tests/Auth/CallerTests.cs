using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Hosting.Tests.Auth;

public class CallerTests
{
    private static readonly Caller Secretariat = new("s", "net-1", null, null, new HashSet<string> { Roles.Secretariat });

    [Fact]
    public void a_caller_of_one_network_is_denied_another_network()
    {
        // Denied by the caller's checks, answered PERMISSION_DENIED with the reason by the one error mapping.
        var error = ErrorMapping.ToRpcException(Assert.Throws<PermissionDeniedException>(() => Secretariat.EnsureNetwork("net-2")))!;
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("TENANT_MISMATCH", error.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
    }

    [Fact]
    public void a_missing_role_is_denied_naming_the_roles_needed()
    {
        var error = ErrorMapping.ToRpcException(
            Assert.Throws<PermissionDeniedException>(() => Secretariat.EnsureAnyRole(Roles.Operator, Roles.GroupLeader)))!;
        Assert.Equal("ROLE_REQUIRED", error.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Contains("operator, group-leader", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void the_right_network_and_role_pass()
    {
        Secretariat.EnsureNetwork("net-1");
        Secretariat.EnsureAnyRole(Roles.Operator, Roles.Secretariat);
    }
}
