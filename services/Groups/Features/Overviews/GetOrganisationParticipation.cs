using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Overviews;

/// <summary>Where one organisation takes part: the groups its people are in (the secretariat, or the organisation itself).</summary>
public sealed class GetOrganisationParticipation(IDocumentStore store)
{
    public async Task<IReadOnlyList<Group>> HandleAsync(GetOrganisationParticipationRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        if (string.IsNullOrWhiteSpace(request.OrganisationId))
        {
            throw new InvalidFieldsException("organisation_id", "Name the organisation (its id in the membership service).");
        }
        if (!caller.HasRole(Roles.Secretariat) && caller.OrganisationId != request.OrganisationId)
        {
            throw Hosting.Errors.RpcErrors.PermissionDenied("OWN_ORGANISATION_ONLY",
                $"Your token is for organisation '{caller.OrganisationId ?? "(none)"}'; only the secretariat sees where other organisations take part.");
        }
        var groups = await store.ReadAllAsync(GroupsCollections.Groups, request.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        return [.. groups.Select(g => g with { Participants = [.. g.Participants.Where(p => p.OrganisationId == request.OrganisationId)] })
            .Where(g => g.Participants.Count > 0)];
    }
}
