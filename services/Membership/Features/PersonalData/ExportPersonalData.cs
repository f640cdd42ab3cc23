using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.PersonalData;

/// <summary>
/// What membership holds about a person: the person, their appointments as a representative, their participation
/// requests and its copy of their group roles. NOT_FOUND for a person the network does not have.
/// </summary>
public sealed class ExportPersonalData(MembershipContext context) : IUseCase<ExportPersonalDataQuery, PersonalDataSection>
{
    public void Authorize(ExportPersonalDataQuery query, Caller caller) => PersonalDataExports.Authorize(query, caller);

    public void Validate(ExportPersonalDataQuery query, Violations violations) => PersonalDataExports.Validate(query, violations);

    public async Task<PersonalDataSection> HandleAsync(ExportPersonalDataQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var (network, personId) = (query.NetworkId, query.PersonId);
        var person = await context.Store.RequireAsync(MembershipResources.Persons, network, personId, cancellationToken);
        var records = new List<PersonalDataRecord>
        {
            new("person", MembershipResources.Persons.NameOf(network, personId), person.Document),
        };

        var appointments = await context.Store.ReadAllAsync(MembershipCollections.Appointments, network,
            new DocumentQuery<Domain.Appointment>().Where(a => a.PersonId, personId), cancellationToken);
        records.AddRange(appointments.Select(a =>
            new PersonalDataRecord("representative_appointment", MembershipResources.Representatives.NameOf(network, a.Id), a)));

        var requests = await context.Store.ReadAllAsync(MembershipCollections.ParticipationRequests, network,
            new DocumentQuery<Domain.ParticipationRequest>().Where(r => r.PersonId, personId), cancellationToken);
        records.AddRange(requests.Select(r =>
            new PersonalDataRecord("participation_request", MembershipResources.ParticipationRequests.NameOf(network, r.Id), r)));

        var participations = await context.Store.ReadAllAsync(MembershipCollections.GroupParticipations, network,
            new DocumentQuery<Domain.GroupParticipation>().Where(p => p.PersonId, personId), cancellationToken);
        records.AddRange(participations.Select(p => new PersonalDataRecord("group_participation",
            $"networks/{network}/groups/{p.GroupId}/participants/{personId}", p)));
        records.AddRange(await ContactReads.RecordsOfAsync(context.Store, network, personId, cancellationToken));
        return new PersonalDataSection("membership", records);
    }
}
