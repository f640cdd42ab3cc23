using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.PersonalData;

/// <summary>Everything one service holds about a person in a network (GDPR articles 15 and 20).</summary>
public sealed record ExportPersonalDataQuery(string NetworkId, string PersonId) : INetworkRequest;

/// <summary>One stored record naming the person: what it is, its resource name and the record as the service keeps it.</summary>
public sealed record PersonalDataRecord(string Kind, string Name, object Data);

/// <summary>What one service (membership, groups, meetings or reporting) holds about the person.</summary>
public sealed record PersonalDataSection(string Service, IReadOnlyList<PersonalDataRecord> Records);

/// <summary>The person's data from every service, as one export.</summary>
public sealed record PersonalDataExport(string NetworkId, string PersonId, DateTimeOffset ExportedAt,
    IReadOnlyList<PersonalDataSection> Sections);

/// <summary>The rules every service applies to a personal-data export.</summary>
public static class PersonalDataExports
{
    /// <summary>The network's secretariat, or the person themself.</summary>
    public static void Authorize(ExportPersonalDataQuery query, Caller caller)
    {
        if (!caller.HasRole(Roles.Secretariat) && caller.PersonId != query.PersonId)
        {
            throw new PermissionDeniedException("NOT_YOUR_DATA",
                "Only the network's secretariat or the person themself may export a person's data; ask the secretariat.");
        }
    }

    public static void Validate(ExportPersonalDataQuery query, Violations violations) =>
        violations.Id("person_id", query.PersonId);
}
