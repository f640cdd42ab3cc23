using Microsoft.AspNetCore.Http;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Privacy.V1;
using NetworkPlatform.Reporting.Features.PersonalData;
using PersonalDataSection = NetworkPlatform.Application.PersonalData.PersonalDataSection;

namespace NetworkPlatform.Reporting.Peers;

/// <summary>
/// Asks membership (Services:Membership), groups (Services:Groups) and meetings (Services:Meetings) for their sections of a
/// person's export with the caller's own token, so each applies its rule to the caller. Membership first: it answers
/// NOT_FOUND for an unknown person before the others are asked.
/// </summary>
public sealed class GrpcPeerPersonalData(PersonService.PersonServiceClient membership, GroupsService.GroupsServiceClient groups,
    MeetingsService.MeetingsServiceClient meetings, IHttpContextAccessor httpContext, ServiceIdentity? identity = null)
    : IPeerPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string networkId, string personId,
        CancellationToken cancellationToken)
    {
        var request = new ExportPersonalDataRequest { NetworkId = networkId, PersonId = personId };
        var options = PeerClients.OnBehalfOf(httpContext, identity, networkId, cancellationToken);
        var ofMembership = await membership.ExportPersonalDataAsync(request, options);
        var others = await Task.WhenAll(groups.ExportPersonalDataAsync(request, options).ResponseAsync,
            meetings.ExportPersonalDataAsync(request, options).ResponseAsync);
        return [.. new[] { ofMembership }.Concat(others).Select(PersonalDataMapping.FromProto)];
    }
}
