using System.Text.Json.Serialization;

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

public sealed record ContactDetails(string Email = "", string Phone = "", string Address = "", string Website = "");

/// <summary>An appointment that is currently active, kept on the organisation so the uniqueness and membership rules hold under concurrency.</summary>
public sealed record ActiveAppointment(string AppointmentId, string PersonId, RepresentativeRole Role);

/// <summary>
/// A member organisation and its membership of the network. Immutable: every change returns a new value.
/// The organisation also tracks its active appointments, so that "only active members appoint", "no person twice"
/// and "resigning ends every appointment" are decided on one aggregate (guarded by its version).
/// </summary>
public sealed record Organisation
{
    public required string Id { get; init; }

    public required string NetworkId { get; init; }

    public required string DisplayName { get; init; }

    public string OrganisationNumber { get; init; } = "";

    public required OrganisationKind Kind { get; init; }

    public ContactDetails Contact { get; init; } = new();

    /// <summary>Only for <see cref="OrganisationKind.Network"/>: the member network.</summary>
    public string? LinkedNetworkId { get; init; }

    public MembershipLifecycle Membership { get; init; } = MembershipLifecycle.None;

    public IReadOnlyList<ActiveAppointment> ActiveAppointments { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public string Subject => $"networks/{NetworkId}/organisations/{Id}";

    public Organisation ApplyForMembership(Decision decision) => Move(MembershipAction.Apply, decision);

    public Organisation ApproveMembership(Decision decision) => Move(MembershipAction.Approve, decision);

    public Organisation SuspendMembership(Decision decision) => Move(MembershipAction.Suspend, decision);

    public Organisation ReinstateMembership(Decision decision) => Move(MembershipAction.Reinstate, decision);

    /// <summary>Ends the membership and every active appointment; returns the appointments that ended.</summary>
    public (Organisation Organisation, IReadOnlyList<ActiveAppointment> EndedAppointments) ResignMembership(Decision decision)
    {
        var resigned = Move(MembershipAction.Resign, decision) with { ActiveAppointments = [] };
        return (resigned, ActiveAppointments);
    }

    public Organisation AddAppointment(ActiveAppointment appointment, DateTimeOffset at)
    {
        if (Membership.State != MembershipState.Active)
        {
            throw new DomainRuleException("MEMBERSHIP_NOT_ACTIVE", Subject,
                $"Only active members appoint representatives; '{DisplayName}' is {Membership.State.ToString().ToLowerInvariant()}. Ask the secretariat to approve or reinstate the membership first.");
        }
        var existing = ActiveAppointments.FirstOrDefault(a => a.PersonId == appointment.PersonId);
        if (existing is not null)
        {
            throw new DuplicateAppointmentException(Id, appointment.PersonId, existing.AppointmentId);
        }
        return this with { ActiveAppointments = [.. ActiveAppointments, appointment], UpdatedAt = at };
    }

    public Organisation RemoveAppointment(string appointmentId, DateTimeOffset at) =>
        this with { ActiveAppointments = ActiveAppointments.Where(a => a.AppointmentId != appointmentId).ToList(), UpdatedAt = at };

    private Organisation Move(MembershipAction action, Decision decision)
    {
        var from = Membership.State;
        var (to, refusal) = MembershipLifecycle.Transition(from, action);
        if (to is not { } target)
        {
            throw new DomainRuleException(refusal!, Subject,
                $"Cannot {action.ToString().ToLowerInvariant()} the membership of '{DisplayName}': it is {from.ToString().ToLowerInvariant()}. {MembershipLifecycle.Allowed(from)}");
        }
        var step = new MembershipStep(from, target, decision.DecidedBy, decision.At, decision.Reason);
        return this with { Membership = new MembershipLifecycle(target, [.. Membership.History, step]), UpdatedAt = decision.At };
    }
}
