using Grpc.Net.Client;
using Google.Rpc;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Groups.Tests.Api;

/// <summary>
/// The groups service as its own host builds it (service defaults, SQLite, the membership client), called over HTTP/2
/// with real tokens; membership is its gRPC contract served in the same process.
/// </summary>
public sealed class GroupsApiTests : IAsyncLifetime
{
    private const string Network = "partnerskap-mot-mobbing";
    private readonly string directory = Directory.CreateTempSubdirectory("np-groups-api-").FullName;
    private readonly ContractMembership membership = new();
    private readonly DevelopmentTokens tokens;
    private WebApplication app = null!;
    private GrpcChannel channel = null!;
    private GroupsService.GroupsServiceClient groups = null!;

    public GroupsApiTests() => tokens = DevelopmentTokens.LoadOrCreate(directory);

    public async Task InitializeAsync()
    {
        // The service calls membership at its own address (the membership stubs run in this host): a candidate port.
        (app, var port) = await CandidatePort.StartAsync(candidate =>
        {
            var address = $"http://127.0.0.1:{candidate}";
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = address,
                ["Auth:Issuer"] = DevelopmentTokens.Issuer,
                ["Auth:Audience"] = DevelopmentTokens.Audience,
                ["Auth:SigningKeyFile"] = tokens.JwksPath,
                ["Logging:Format"] = "text",
                ["Storage:Provider"] = "sqlite",
                ["Storage:DataDirectory"] = directory,
                ["Services:Membership"] = address,
            });
            builder.AddServiceDefaults(GroupsModule.ServiceName);
            builder.Services.AddGroups(builder.Configuration);
            var built = builder.Build();
            built.MapServiceDefaults();
            built.MapGroups();
            foreach (var service in membership.Bind())
            {
                built.MapGrpcService(_ => service);
            }
            return built;
        });
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        groups = new GroupsService.GroupsServiceClient(channel);

        membership.Networks.Add(Network);
        membership.Representatives["per-ingrid"] = ("org-fjordvik", "Ingrid Haugen", "ingrid.haugen@fjordvik.kommune.example");
        membership.Representatives["per-sindre"] = ("org-trygg", "Sindre Moen", "sindre@tryggskolevei.example");
        membership.Refused["per-henrik"] = ("MEMBERSHIP_NOT_ACTIVE", MembershipState.Applied);
        await groups.CreateGroupAsync(new CreateGroupRequest
        {
            NetworkId = Network,
            GroupId = "partnermotet",
            Group = new V1.Group { DisplayName = "Partnermøtet", Kind = GroupKind.PartnerMeeting, Scope = GroupScope.National },
        }, Secretariat());
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Metadata Token(string subject, string role, string? organisationId = null, string? personId = null, string network = Network) =>
        new Metadata { { "authorization", "Bearer " + tokens.Issue(subject, network, [role], organisationId, personId) } };

    private Metadata Secretariat() => Token("sekretariatet", Roles.Secretariat, "org-sekretariat", "per-sekretariat");

    private Metadata Representative(string personId, string organisationId) => Token($"user-{personId}", Roles.Representative,
        organisationId, personId);

    private async Task<V1.Group> ProposeAsync(string groupId) =>
        await groups.ProposeGroupAsync(new ProposeGroupRequest
        {
            NetworkId = Network,
            GroupId = groupId,
            Group = new V1.Group { DisplayName = "Arbeidsgruppe digital mobbing", Kind = GroupKind.WorkingGroup,
                Scope = GroupScope.National, StartDate = "2026-01-01", EndDate = "2026-12-31" },
        }, Representative("per-ingrid", "org-fjordvik"));

    [Fact]
    public async Task joining_with_a_person_whose_organisation_is_not_an_active_member_is_refused_with_the_reason()
    {
        await ProposeAsync("wg-digital");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await groups.JoinGroupAsync(
            new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital", PersonId = "per-henrik" }, Representative("per-henrik",
                "org-hogskole")));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(error.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("NOT_A_MEMBER_REPRESENTATIVE", violation.Type);
        Assert.Contains("membership is applied, not active", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("NOT_A_MEMBER_REPRESENTATIVE", error.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task a_representative_joins_with_name_and_organisation_from_membership_asked_with_their_own_token()
    {
        await ProposeAsync("wg-digital");
        var token = Representative("per-sindre", "org-trygg");

        var response = await groups.JoinGroupAsync(new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital",
            PersonId = "per-sindre" }, token);

        Assert.True(response.Joined);
        var participant = Assert.Single(response.Group.Participants);
        Assert.Equal(("Sindre Moen", "Organisasjon org-trygg", "sindre@tryggskolevei.example"), (participant.DisplayName,
            participant.OrganisationName, participant.Email));
        Assert.Equal(token.GetValue("authorization"), membership.ForwardedAuthorization[^1]);
    }

    [Fact]
    public async Task the_callers_deadline_reaches_membership_and_a_call_without_one_gets_the_peer_cap()
    {
        await ProposeAsync("wg-digital");
        var deadline = DateTime.UtcNow.AddSeconds(4);

        await groups.JoinGroupAsync(new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital", PersonId = "per-sindre" },
            new CallOptions(Representative("per-sindre", "org-trygg"), deadline));
        var propagated = membership.Deadlines[^1];
        await groups.JoinGroupAsync(new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital", PersonId = "per-ingrid" },
            Representative("per-ingrid", "org-fjordvik"));
        var capped = membership.Deadlines[^1];

        // gRPC carries deadlines as timeouts, so each hop's transit time is added to what arrives (on a loaded machine,
        // hundreds of milliseconds): far from the 30 s cap either way.
        Assert.InRange(propagated, deadline.AddSeconds(-2), deadline.AddSeconds(2));
        Assert.InRange(capped, DateTime.UtcNow.AddSeconds(20), DateTime.UtcNow + PeerClients.MaxDeadline);
    }

    [Fact]
    public async Task a_check_answered_unavailable_is_retried_by_the_channel()
    {
        await ProposeAsync("wg-digital");
        membership.UnavailableFor["per-sindre"] = 2;
        var checks = membership.Deadlines.Count;

        var response = await groups.JoinGroupAsync(new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital",
            PersonId = "per-sindre" },
            Representative("per-sindre", "org-trygg"));

        Assert.True(response.Joined);
        Assert.Equal(3, membership.Deadlines.Count - checks);
    }

    [Fact]
    public async Task activating_without_mandate_and_leader_is_a_failed_precondition_listing_both()
    {
        await ProposeAsync("wg-digital");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await groups.ActivateGroupAsync(
            new ActivateGroupRequest { NetworkId = Network, GroupId = "wg-digital" }, Secretariat()));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(["MANDATE_MISSING", "LEADER_MISSING"], error.GetDetail<PreconditionFailure>()!.Violations.Select(v => v.Type));
    }

    [Fact]
    public async Task a_mandated_group_with_a_leader_activates_and_warns_that_it_is_small_and_lacks_a_budget_responsible()
    {
        var proposed = await ProposeAsync("wg-digital");
        var mandated = await groups.ApproveMandateAsync(new ApproveMandateRequest
        {
            NetworkId = Network,
            GroupId = "wg-digital",
            Etag = proposed.Etag,
            Mandate = new V1.Mandate
            {
                Purpose = "Redusere digital mobbing",
                Tasks = { "Utvikle veileder" },
                EndDate = "2026-12-31",
                ApprovedByGroupId = "partnermotet",
                DecisionReference = "Partnermøtet 12.03.2026 sak 14/26",
            },
        }, Secretariat());
        await groups.AssignRoleAsync(new AssignRoleRequest { NetworkId = Network, GroupId = "wg-digital", PersonId = "per-ingrid",
            Role = Role.Leader }, Secretariat());

        var active = await groups.ActivateGroupAsync(new ActivateGroupRequest { NetworkId = Network, GroupId = "wg-digital",
            DecisionReference = "PM 14/26" }, Secretariat());

        Assert.Equal(V1.GroupState.Mandated, mandated.State);
        Assert.Equal(V1.GroupState.Active, active.State);
        Assert.Equal(SizeAssessment.TooSmall, active.SizeGuidance.Assessment);
        Assert.Equal([GroupFlag.BudgetResponsibleMissing], active.Flags);
        Assert.Equal(2, active.Warnings.Count);
    }

    [Fact]
    public async Task contact_details_are_shown_to_the_secretariat_but_not_to_a_representative_of_another_organisation()
    {
        await ProposeAsync("wg-digital");
        await groups.JoinGroupAsync(new JoinGroupRequest { NetworkId = Network, GroupId = "wg-digital", PersonId = "per-ingrid" },
            Representative("per-ingrid", "org-fjordvik"));

        var bySecretariat = await groups.GetGroupAsync(new GetGroupRequest { NetworkId = Network, GroupId = "wg-digital" }, Secretariat());
        var byOther = await groups.GetGroupAsync(new GetGroupRequest { NetworkId = Network, GroupId = "wg-digital" },
            Representative("per-sindre", "org-trygg"));

        Assert.Equal("ingrid.haugen@fjordvik.kommune.example", bySecretariat.Participants[0].Email);
        Assert.Equal("", byOther.Participants[0].Email);
        Assert.Equal("Ingrid Haugen", byOther.Participants[0].DisplayName);
    }

    [Fact]
    public async Task bad_input_is_answered_with_field_violations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await groups.ProposeGroupAsync(new ProposeGroupRequest
        {
            NetworkId = Network,
            GroupId = "Not An Id",
            Group = new V1.Group { DisplayName = " ", Kind = GroupKind.WorkingGroup, EndDate = "31.12.2026" },
        }, Representative("per-ingrid", "org-fjordvik")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "group_id", "group.scope", "group.end_date" }, fields);
    }

    [Fact]
    public async Task unknown_groups_stale_etags_missing_tokens_and_other_networks_get_their_own_status()
    {
        var proposed = await ProposeAsync("wg-digital");
        await groups.UpdateGroupAsync(new UpdateGroupRequest
        {
            Group = new V1.Group { NetworkId = Network, GroupId = "wg-digital", Description = "Ny", Etag = proposed.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "description" } },
        }, Secretariat());

        var notFound = await Assert.ThrowsAsync<RpcException>(async ()
            => await groups.GetGroupAsync(new GetGroupRequest { NetworkId = Network, GroupId = "wg-nope" }, Secretariat()));
        var stale = await Assert.ThrowsAsync<RpcException>(async () => await groups.UpdateGroupAsync(new UpdateGroupRequest
        {
            Group = new V1.Group { NetworkId = Network, GroupId = "wg-digital", Description = "Eldre", Etag = proposed.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "description" } },
        }, Secretariat()));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async ()
            => await groups.GetGroupAsync(new GetGroupRequest { NetworkId = Network, GroupId = "wg-digital" }));
        var otherNetwork = await Assert.ThrowsAsync<RpcException>(async () => await groups.GetGroupAsync(
            new GetGroupRequest { NetworkId = Network, GroupId = "wg-digital" }, Token("x", Roles.Secretariat, network: "norsk-hph")));
        var notSecretariat = await Assert.ThrowsAsync<RpcException>(async () => await groups.ActivateGroupAsync(
            new ActivateGroupRequest { NetworkId = Network, GroupId = "wg-digital" }, Representative("per-ingrid", "org-fjordvik")));

        var badToken = await Assert.ThrowsAsync<RpcException>(async ()
            => await groups.ListGroupsAsync(new ListGroupsRequest { NetworkId = Network, PageToken = "not-a-token" }, Secretariat()));

        Assert.Equal("page_token", Assert.Single(badToken.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherNetwork.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, notSecretariat.StatusCode);
    }

    [Fact]
    public async Task requests_of_a_network_that_was_never_created_are_not_found_and_create_nothing()
    {
        var stranger = Token("sekretariatet", Roles.Secretariat, "org-sekretariat", "per-sekretariat", network: "never-created");

        var create = await Assert.ThrowsAsync<RpcException>(async () => await groups.CreateGroupAsync(new CreateGroupRequest
        {
            NetworkId = "never-created",
            GroupId = "partnermotet",
            Group = new V1.Group { DisplayName = "Partnermøtet", Kind = GroupKind.PartnerMeeting, Scope = GroupScope.National },
        }, stranger));
        var list = await Assert.ThrowsAsync<RpcException>(async () => await groups.ListGroupsAsync(
            new ListGroupsRequest { NetworkId = "never-created" }, stranger));
        membership.Networks.Add("never-created");
        var listedOnceCreated = await groups.ListGroupsAsync(new ListGroupsRequest { NetworkId = "never-created" }, stranger);

        Assert.Equal((StatusCode.NotFound, "networks/never-created"), (create.StatusCode, create.GetDetail<ResourceInfo>()!.ResourceName));
        Assert.Equal("networkplatform.membership.v1.Network", create.GetDetail<ResourceInfo>()!.ResourceType);
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
        Assert.Empty(listedOnceCreated.Groups);
    }

    [Fact]
    public async Task the_groups_services_become_serving_once_the_database_is_ready()
    {
        var health = new Health.HealthClient(channel);
        var request = new HealthCheckRequest { Service = GroupsService.Descriptor.FullName };

        // Readiness is published by the checks' runs, every 5 s from 5 s after the start (NOT_FOUND before the first).
        var status = ServingStatus.Unknown;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); status != ServingStatus.Serving
            && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                status = (await health.CheckAsync(request)).Status;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }

        Assert.Equal(ServingStatus.Serving, status);
        Assert.Equal(ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = ActionPlanService.Descriptor.FullName })).Status);
    }
}
