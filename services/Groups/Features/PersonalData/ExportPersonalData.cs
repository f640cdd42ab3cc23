using NetworkPlatform.Application;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.PersonalData;

/// <summary>
/// What groups holds about a person: their place in each group (roles, contact details as copied from membership, when
/// they joined) and their pending join requests. A network has tens to hundreds of groups: all are read.
/// </summary>
public sealed class ExportPersonalData(GroupsContext context) : IUseCase<ExportPersonalDataQuery, PersonalDataSection>
{
    public void Authorize(ExportPersonalDataQuery query, Caller caller) => PersonalDataExports.Authorize(query, caller);

    public void Validate(ExportPersonalDataQuery query, Violations violations) => PersonalDataExports.Validate(query, violations);

    public async Task<PersonalDataSection> HandleAsync(ExportPersonalDataQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var groups = await context.Store.ReadAllAsync(GroupsCollections.Groups, query.NetworkId, new DocumentQuery<Group>(),
            cancellationToken);
        var records = new List<PersonalDataRecord>();
        foreach (var group in groups)
        {
            var name = GroupsResources.Groups.NameOf(query.NetworkId, group.Id);
            records.AddRange(group.Participants.Where(p => p.PersonId == query.PersonId)
                .Select(p => new PersonalDataRecord("group_participant", $"{name}/participants/{p.PersonId}", p)));
            records.AddRange(group.JoinRequests.Where(r => r.Person.PersonId == query.PersonId)
                .Select(r => new PersonalDataRecord("join_request", $"{name}/joinRequests/{r.Person.PersonId}", r)));
        }
        return new PersonalDataSection("groups", records);
    }
}
