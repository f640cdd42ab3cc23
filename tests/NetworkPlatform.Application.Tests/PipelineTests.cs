using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.Tests;

public class PipelineTests
{
    private sealed record Rename(string NetworkId, string Name) : INetworkRequest;

    /// <summary>Only the secretariat may rename; names are 1-10 characters. Records what ran.</summary>
    private sealed class RenameUseCase : IUseCase<Rename, string>
    {
        public List<string> Steps { get; } = [];

        public void Authorize(Rename request, Caller caller)
        {
            Steps.Add("authorize");
            caller.EnsureAnyRole(Roles.Secretariat);
        }

        public void Validate(Rename request, Violations violations)
        {
            Steps.Add("validate");
            violations.Required("name", request.Name, 10).Require(!request.Name.Contains('!', StringComparison.Ordinal), "name", "No exclamation marks.");
        }

        public Task<string> HandleAsync(Rename request, Caller caller, CancellationToken cancellationToken)
        {
            Steps.Add("handle");
            return Task.FromResult(request.Name);
        }
    }

    private static Caller Of(string network, params string[] roles) => new("someone", network, null, null, roles.ToHashSet());

    [Fact]
    public async Task a_caller_of_another_network_is_refused_before_authorization_and_validation()
    {
        var useCase = new RenameUseCase();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            useCase.RunAsync(new Rename("partnerskap", ""), Of("other-network", Roles.Secretariat), default));

        Assert.Equal("TENANT_MISMATCH", denied.Reason);
        Assert.Empty(useCase.Steps);
    }

    [Fact]
    public async Task authorization_comes_before_validation()
    {
        var useCase = new RenameUseCase();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            useCase.RunAsync(new Rename("partnerskap", "far too long a name!"), Of("partnerskap", Roles.Representative), default));

        Assert.Equal("ROLE_REQUIRED", denied.Reason);
        Assert.Equal(["authorize"], useCase.Steps);
    }

    [Fact]
    public async Task every_violation_is_reported_at_once_and_the_use_case_does_not_run()
    {
        var useCase = new RenameUseCase();

        var invalid = await Assert.ThrowsAsync<InvalidFieldsException>(() =>
            useCase.RunAsync(new Rename("partnerskap", "far too long a name!"), Of("partnerskap", Roles.Secretariat), default));

        Assert.Equal(["name", "name"], invalid.Violations.Select(v => v.Field));
        Assert.DoesNotContain("handle", useCase.Steps);
    }

    [Fact]
    public async Task a_missing_network_id_is_a_field_violation_not_a_tenant_mismatch()
    {
        var invalid = await Assert.ThrowsAsync<InvalidFieldsException>(() =>
            new RenameUseCase().RunAsync(new Rename("", "ok"), Of("partnerskap", Roles.Secretariat), default));

        Assert.Equal("network_id", Assert.Single(invalid.Violations).Field);
    }

    [Fact]
    public async Task a_valid_request_of_an_allowed_caller_runs()
    {
        var useCase = new RenameUseCase();

        Assert.Equal("Ny", await useCase.RunAsync(new Rename("partnerskap", "Ny"), Of("partnerskap", Roles.Secretariat), default));
        Assert.Equal(["authorize", "validate", "handle"], useCase.Steps);
    }
}
