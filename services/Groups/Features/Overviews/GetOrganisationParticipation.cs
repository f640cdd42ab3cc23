using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Overviews;

public sealed record GetOrganisationParticipationQuery(string NetworkId, string OrganisationId) : INetworkRequest;

/// <summary>A group the organisation takes part in, with the organisation's own participants in it.</summary>
public sealed record OrganisationInGroup(Group Group, IReadOnlyList<Participant> Participants);

/// <summary>Where one organisation takes part: the groups its people are in (the secretariat, or the organisation itself).</summary>
public sealed class GetOrganisationParticipation(GroupsContext context)
    : IUseCase<GetOrganisationParticipationQuery, IReadOnlyList<OrganisationInGroup>>
{
    public void Authorize(GetOrganisationParticipationQuery query, Caller caller)
    {
        if (!caller.HasRole(Roles.Secretariat) && caller.OrganisationId != query.OrganisationId)
        {
            throw new PermissionDeniedException("OWN_ORGANISATION_ONLY",
                $"Your token is for organisation '{caller.OrganisationId
                    ?? "(none)"}'; only the secretariat sees where other organisations take part.");
        }
    }

    public void Validate(GetOrganisationParticipationQuery query, Violations violations) =>
        violations.Named("organisation_id", query.OrganisationId, "Name the organisation (its id in the membership service).");

    public async Task<IReadOnlyList<OrganisationInGroup>> HandleAsync(GetOrganisationParticipationQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var groups = await context.Store.ReadAllAsync(GroupsCollections.Groups, query.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        return [.. groups
            .Select(g => new OrganisationInGroup(g, [.. g.Participants.Where(p => p.OrganisationId == query.OrganisationId)]))
            .Where(g => g.Participants.Count > 0)];
    }
}
