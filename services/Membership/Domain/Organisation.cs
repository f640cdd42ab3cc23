using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Membership.Domain;

public enum OrganisationKind
{
    Municipality,
    Hospital,
    StateAgency,
    Ngo,
    University,
    Union,
    Company,
    Network,
}

public sealed record ContactDetails(string Email = "", string Phone = "", string Address = "", string Website = "")
{
    public ContactDetails Normalised() => new(Email.Trim(), Phone.Trim(), Address.Trim(), Website.Trim());
}

/// <summary>What an organisation is known by: name, organisasjonsnummer, kind and contact details.</summary>
public sealed record OrganisationDetails(string DisplayName, string OrganisationNumber, OrganisationKind Kind, ContactDetails Contact)
{
    /// <summary>The field names of the API's update mask.</summary>
    public static class Fields
    {
        public const string DisplayName = "display_name";
        public const string OrganisationNumber = "organisation_number";
        public const string Kind = "kind";
        public const string Contact = "contact";

        public static readonly IReadOnlyList<string> Updatable = [DisplayName, OrganisationNumber, Kind, Contact];
    }

    public static string NormalisedNumber(string number) => number.Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// A member organisation and its membership of the network. Immutable: every change returns a new value.
/// Its appointments are their own documents (their own etags): appointing one does not change the organisation, whose
/// row lock serialises "only active members appoint", "no person twice" and "resigning ends every appointment".
/// </summary>
public sealed record Organisation
{
    [JsonConstructor]
    private Organisation()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string DisplayName { get; private init; } = "";

    [JsonInclude]
    public string OrganisationNumber { get; private init; } = "";

    [JsonInclude]
    public OrganisationKind Kind { get; private init; }

    [JsonInclude]
    public ContactDetails Contact { get; private init; } = new();

    /// <summary>Only for <see cref="OrganisationKind.Network"/>: the member network.</summary>
    [JsonInclude]
    public string? LinkedNetworkId { get; private init; }

    [JsonInclude]
    public MembershipLifecycle Membership { get; private init; } = MembershipLifecycle.None;

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    [JsonIgnore]
    public string Subject => $"networks/{NetworkId}/organisations/{Id}";

    /// <summary>A new organisation (membership none); one of kind Network links <paramref name="linkedNetworkId"/>.</summary>
    public static Organisation Register(string id, string networkId, OrganisationDetails details, string? linkedNetworkId,
        DateTimeOffset at) =>
        new()
        {
            Id = id,
            NetworkId = networkId,
            DisplayName = details.DisplayName.Trim(),
            OrganisationNumber = OrganisationDetails.NormalisedNumber(details.OrganisationNumber),
            Kind = details.Kind,
            Contact = details.Contact.Normalised(),
            LinkedNetworkId = details.Kind == OrganisationKind.Network ? linkedNetworkId : null,
            CreatedAt = at,
            UpdatedAt = at,
        };

    /// <summary>The same organisation with the details <paramref name="fields"/> name; it cannot become or stop being a network.</summary>
    public Organisation Update(OrganisationDetails details, IReadOnlySet<string> fields, DateTimeOffset at)
    {
        var kind = fields.Contains(OrganisationDetails.Fields.Kind) ? details.Kind : Kind;
        if ((kind == OrganisationKind.Network) != (Kind == OrganisationKind.Network))
        {
            throw new InvalidFieldsException("organisation.kind",
                "An organisation cannot change to or from ORGANISATION_KIND_NETWORK; register a new organisation instead.");
        }
        return this with
        {
            DisplayName = fields.Contains(OrganisationDetails.Fields.DisplayName) ? details.DisplayName.Trim() : DisplayName,
            OrganisationNumber = fields.Contains(OrganisationDetails.Fields.OrganisationNumber)
                ? OrganisationDetails.NormalisedNumber(details.OrganisationNumber)
                : OrganisationNumber,
            Kind = kind,
            Contact = fields.Contains(OrganisationDetails.Fields.Contact) ? details.Contact.Normalised() : Contact,
            UpdatedAt = at,
        };
    }

    public Organisation ApplyForMembership(Decision decision) => Move(MembershipAction.Apply, decision);

    public Organisation ApproveMembership(Decision decision) => Move(MembershipAction.Approve, decision);

    public Organisation SuspendMembership(Decision decision) => Move(MembershipAction.Suspend, decision);

    public Organisation ReinstateMembership(Decision decision) => Move(MembershipAction.Reinstate, decision);

    /// <summary>Ends the membership; the caller ends the organisation's active appointments in the same unit.</summary>
    public Organisation ResignMembership(Decision decision) => Move(MembershipAction.Resign, decision);

    /// <summary>
    /// Checks that the organisation may take <paramref name="appointment"/> on beside its <paramref name="active"/> ones:
    /// only an active member appoints, and a person holds one appointment at a time.
    /// </summary>
    public void Admit(Appointment appointment, IReadOnlyCollection<Appointment> active)
    {
        if (Membership.State != MembershipState.Active)
        {
            throw new RuleViolationException("MEMBERSHIP_NOT_ACTIVE", Subject,
                $"Only active members appoint representatives; '{DisplayName}' is {Membership.State.ToString().ToLowerInvariant()}. "
                + "Ask the secretariat to approve or reinstate the membership first.");
        }
        var existing = active.FirstOrDefault(a => a.IsActive && a.PersonId == appointment.PersonId);
        if (existing is not null)
        {
            throw new AlreadyExistsException(Appointment.ApiType, existing.Id,
                $"Person '{appointment.PersonId}' already holds appointment '{existing.Id}' for organisation '{Id}'; "
                + "withdraw or replace it instead.");
        }
    }

    private Organisation Move(MembershipAction action, Decision decision)
    {
        var from = Membership.State;
        var (to, refusal) = MembershipLifecycle.Transition(from, action);
        if (to is not { } target)
        {
            throw new RuleViolationException(refusal!, Subject,
                $"Cannot {action.ToString().ToLowerInvariant()} the membership of '{DisplayName}': "
                + $"it is {from.ToString().ToLowerInvariant()}. "
                + MembershipLifecycle.Allowed(from));
        }
        var step = new MembershipStep(from, target, decision.DecidedBy, decision.At, decision.Reason);
        return this with { Membership = new MembershipLifecycle(target, [.. Membership.History, step]), UpdatedAt = decision.At };
    }
}
