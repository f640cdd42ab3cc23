using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Testing;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The groups service as a real gRPC peer on the same test server: one working group, remembers the tokens it saw.</summary>
internal sealed class GroupsPeer : GroupsService.GroupsServiceBase
{
    public List<string> AuthorizationHeaders { get; } = [];

    /// <summary>The group's contact address (none unless a test sets one).</summary>
    public string ContactEmail { get; set; } = "";

    public static Group Digital()
    {
        var group = new Group { NetworkId = MeetingsFixture.Network, GroupId = "g-digital", DisplayName = "Digital mobbing",
            Kind = GroupKind.WorkingGroup, State = GroupState.Active };
        group.Participants.Add(new Participant { PersonId = "p-kari", DisplayName = "Kari Nordmann", Email = "kari@bergen.kommune.no",
            OrganisationId = "org-bergen", Roles = { Role.Leader } });
        group.Participants.Add(new Participant { PersonId = "p-ola", DisplayName = "Ola Hansen", Email = "ola@udir.no",
            OrganisationId = "org-udir", Roles = { Role.Member, Role.BudgetResponsible } });
        return group;
    }

    public override Task<Group> GetGroup(GetGroupRequest request, ServerCallContext context)
    {
        AuthorizationHeaders.Add(context.RequestHeaders.GetValue("authorization") ?? "");
        return request.GroupId == "g-digital" ? Task.FromResult(WithContact(Digital())) : throw RpcErrors.NotFound(
            "networkplatform.groups.v1.Group",
            request.GroupId);
    }

    public override Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListGroupsResponse { Groups = { WithContact(Digital()) } });

    private Group WithContact(Group group)
    {
        group.ContactEmail = ContactEmail;
        return group;
    }
}

/// <summary>The groups service's action plan as a gRPC peer on the test server: measures tiltak-1 and tiltak-2.</summary>
internal sealed class ActionPlanPeer : ActionPlanService.ActionPlanServiceBase
{
    public override Task<Measure> GetMeasure(GetMeasureRequest request, ServerCallContext context) =>
        request.MeasureId is "tiltak-1" or "tiltak-2"
            ? Task.FromResult(new Measure { NetworkId = request.NetworkId, MeasureId = request.MeasureId, Title = request.MeasureId })
            : throw RpcErrors.NotFound("networkplatform.groups.v1.Measure", request.MeasureId);
}

/// <summary>The meetings service served by Grpc.AspNetCore on a free port, on a real SQLite file, with a groups peer.</summary>
internal sealed class MeetingsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;
    private readonly GrpcChannel channel;

    private MeetingsServer(WebApplication app, string folder, int port, GroupsPeer groups, DevelopmentTokens tokens,
        MembershipNetworks membership)
    {
        Membership = membership;
        Tokens = tokens;
        Secretariat = Token("u-secretariat", MeetingsFixture.Network, "p-sekretariat", Roles.Secretariat);
        Kari = Token("u-kari", MeetingsFixture.Network, "p-kari", Roles.GroupLeader);
        this.app = app;
        this.folder = folder;
        Groups = groups;
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Meetings = new Proto.MeetingsService.MeetingsServiceClient(channel);
        Calendar = new Proto.PartnerCalendarService.PartnerCalendarServiceClient(channel);
    }

    public Proto.MeetingsService.MeetingsServiceClient Meetings { get; }

    public Proto.PartnerCalendarService.PartnerCalendarServiceClient Calendar { get; }

    public GroupsPeer Groups { get; }

    /// <summary>The networks that exist, as the membership service answers.</summary>
    public MembershipNetworks Membership { get; }

    public DevelopmentTokens Tokens { get; }

    public Metadata Secretariat { get; }

    public Metadata Kari { get; }

    /// <summary>A bearer token signed with the test server's development key, as the platform's JWT validation expects.</summary>
    public Metadata Token(string subject, string network, string person, params string[] roles) =>
        new Metadata { { "authorization", $"Bearer {Tokens.Issue(subject, network, roles, personId: person)}" } };

    public Metadata OrganisationToken(string subject, string organisation, params string[] roles) =>
        new Metadata { { "authorization", $"Bearer {Tokens.Issue(subject, MeetingsFixture.Network, roles, organisation)}" } };

    public static async Task<MeetingsServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"meetings-api-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(Path.Combine(folder, "meetings.db"));
        await store.MigrateAsync(MeetingsCollections.All);
        await using (var unitOfWork = await store.BeginAsync())
        {
            await unitOfWork.InsertAsync(MeetingsCollections.Settings, MeetingsFixture.Network,
                NetworkSettings.Default(MeetingsFixture.Network).Update(secretariat: Samples.Secretariat));
            await unitOfWork.CommitAsync();
        }

        var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(folder, "keys"));
        var groups = new GroupsPeer();
        var membership = await MembershipNetworks.StartAsync(MeetingsFixture.Network);
        // The service calls its groups peer at its own address (the peer's stub runs in this host): a candidate port.
        var (app, port) = await CandidatePort.StartAsync(candidate =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration["urls"] = $"http://127.0.0.1:{candidate}";
            builder.Configuration["Services:Groups"] = $"http://127.0.0.1:{candidate}";
            builder.Configuration["Services:Membership"] = membership.Address;
            builder.Configuration["Storage:Provider"] = "sqlite";
            builder.Configuration["Storage:DataDirectory"] = folder;
            builder.Configuration["Auth:Issuer"] = DevelopmentTokens.Issuer;
            builder.Configuration["Auth:Audience"] = DevelopmentTokens.Audience;
            builder.Configuration["Auth:SigningKeyFile"] = tokens.JwksPath;
            builder.AddServiceDefaults(MeetingsModule.ServiceName);
            builder.Logging.ClearProviders();
            builder.Services.AddMeetings(builder.Configuration);
            var built = builder.Build();
            built.MapMeetings();
            built.MapGrpcService(_ => GroupsService.BindService(groups));
            built.MapGrpcService(_ => ActionPlanService.BindService(new ActionPlanPeer()));
            return built;
        });
        return new MeetingsServer(app, folder, port, groups, tokens, membership);
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Membership.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
