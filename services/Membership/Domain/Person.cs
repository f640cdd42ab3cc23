using System.Text.Json.Serialization;

namespace NetworkPlatform.Membership.Domain;

/// <summary>A person in the network. Email and phone are personal data (see <see cref="PersonalDataPolicy"/>).</summary>
public sealed record Person
{
    [JsonConstructor]
    private Person()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string FullName { get; private init; } = "";

    [JsonInclude]
    public string Email { get; private init; } = "";

    [JsonInclude]
    public string Phone { get; private init; } = "";

    [JsonInclude]
    public string EmployerOrganisationId { get; private init; } = "";

    [JsonInclude]
    public IReadOnlyList<string> ExpertiseAreas { get; private init; } = [];

    /// <summary>Who erased the person, when and why (null until erased); the erased data itself is gone.</summary>
    [JsonInclude]
    public PersonErasure? Erasure { get; private init; }

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    public static Person Register(string id, string networkId, string employerOrganisationId, PersonDetails details, DateTimeOffset at)
    {
        var normalised = details.Normalised();
        return new Person
        {
            Id = id,
            NetworkId = networkId,
            FullName = normalised.FullName,
            Email = normalised.Email,
            Phone = normalised.Phone,
            ExpertiseAreas = normalised.ExpertiseAreas,
            EmployerOrganisationId = employerOrganisationId,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>The same person with the details <paramref name="fields"/> name taken from <paramref name="details"/>.</summary>
    public Person Update(PersonDetails details, IReadOnlySet<string> fields, DateTimeOffset at)
    {
        var normalised = details.Normalised();
        return this with
        {
            FullName = fields.Contains(PersonDetails.Fields.FullName) ? normalised.FullName : FullName,
            Email = fields.Contains(PersonDetails.Fields.Email) ? normalised.Email : Email,
            Phone = fields.Contains(PersonDetails.Fields.Phone) ? normalised.Phone : Phone,
            ExpertiseAreas = fields.Contains(PersonDetails.Fields.ExpertiseAreas) ? normalised.ExpertiseAreas : ExpertiseAreas,
            UpdatedAt = at,
        };
    }

    /// <summary>
    /// The person anonymised (GDPR article 17): the name becomes <paramref name="formerName"/>, contact details and
    /// expertise are removed; id, network and employer stay, so counts and figures do not change. Erasing an erased
    /// person returns it unchanged (the first erasure's record stays).
    /// </summary>
    public Person Erase(string formerName, string erasedBy, string reason, DateTimeOffset at) => Erasure is not null
        ? this
        : this with
        {
            FullName = formerName,
            Email = "",
            Phone = "",
            ExpertiseAreas = [],
            Erasure = new PersonErasure(at, erasedBy, reason.Trim()),
            UpdatedAt = at,
        };

    /// <summary>The values an erasure removes, to scrub wherever they were copied.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ErasableValues => [FullName, Email, Phone];

    /// <summary>The detail fields that differ from <paramref name="before"/> (the PersonUpdated event names them).</summary>
    public IReadOnlyList<string> ChangedSince(Person before)
    {
        var changed = new List<string>();
        if (before.FullName != FullName)
        {
            changed.Add(PersonDetails.Fields.FullName);
        }
        if (before.Email != Email)
        {
            changed.Add(PersonDetails.Fields.Email);
        }
        if (before.Phone != Phone)
        {
            changed.Add(PersonDetails.Fields.Phone);
        }
        if (!before.ExpertiseAreas.SequenceEqual(ExpertiseAreas))
        {
            changed.Add(PersonDetails.Fields.ExpertiseAreas);
        }
        return changed;
    }
}

/// <summary>A person's erasure as recorded: when, by whom (the caller's subject), why.</summary>
public sealed record PersonErasure(DateTimeOffset ErasedAt, string ErasedBy, string Reason);

/// <summary>What a person is known by: name, contact details and the areas of expertise they bring.</summary>
public sealed record PersonDetails(string FullName, string Email, string Phone, IReadOnlyList<string> ExpertiseAreas)
{
    public const int MaxExpertiseAreas = 20;

    /// <summary>The field names of the API's update mask.</summary>
    public static class Fields
    {
        public const string FullName = "full_name";
        public const string Email = "email";
        public const string Phone = "phone";
        public const string ExpertiseAreas = "expertise_areas";

        public static readonly IReadOnlyList<string> Updatable = [FullName, Email, Phone, ExpertiseAreas];
    }

    /// <summary>Trimmed, and each area once (ignoring case).</summary>
    public PersonDetails Normalised() => new(FullName.Trim(), Email.Trim(), Phone.Trim(),
        ExpertiseAreas.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
}
