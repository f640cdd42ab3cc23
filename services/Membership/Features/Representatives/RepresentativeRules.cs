using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>An appointment with its person's name, as the API shows it.</summary>
public sealed record RepresentativeView(Versioned<Appointment> Appointment, string PersonFullName);

/// <summary>The field rules and the steps appoint, replace, update and withdraw share.</summary>
internal static class RepresentativeRules
{
    public static Violations HoursPerMonth(this Violations violations, string field, int hours) =>
        violations.Require(hours is >= Appointment.MinHoursPerMonth and <= Appointment.MaxHoursPerMonth, field,
            $"{hours} is out of range: set aside {Appointment.MinHoursPerMonth}-{Appointment.MaxHoursPerMonth} hours per month.");

    public static Violations ApprovingManager(this Violations violations, string field, ApprovingManager? manager) => manager is null
        ? violations.Add(field, "Required: the manager in the organisation who approved the appointment (full_name at least).")
        : violations.Required($"{field}.full_name", manager.FullName)
            .Text($"{field}.title", manager.Title)
            .OptionalEmail($"{field}.email", manager.Email.Trim());

    /// <summary>The terms of a validated request (a manager left out of an update mask is not used).</summary>
    public static AppointmentTerms Terms(int hoursPerMonth, ApprovingManager? manager) => new(hoursPerMonth, manager
        ?? new ApprovingManager(""));

    public static async Task<RepresentativeView> ViewAsync(MembershipContext context, Versioned<Appointment> appointment,
        CancellationToken cancellationToken)
    {
        var person = await context.Store.GetAsync(MembershipCollections.Persons, appointment.Document.NetworkId,
            appointment.Document.PersonId,
            cancellationToken);
        return new RepresentativeView(appointment, person?.Document.FullName ?? "");
    }

    /// <summary>A representative acts for their employer: the person must exist and work for the organisation.</summary>
    public static async Task<Person> RequireEmployeeAsync(MembershipContext context, string networkId, string personId,
        string organisationId,
        CancellationToken cancellationToken)
    {
        var person = (await context.Store.RequireAsync(MembershipResources.Persons, networkId, personId, cancellationToken)).Document;
        if (person.EmployerOrganisationId != organisationId)
        {
            throw new RuleViolationException("PERSON_NOT_EMPLOYED_BY_ORGANISATION", $"networks/{networkId}/persons/{personId}",
                $"'{person.FullName}' works for organisation '{person.EmployerOrganisationId}', not '{organisationId}'; "
                + "an organisation appoints its own employees.");
        }
        return person;
    }

    /// <summary>Adds the appointment to its organisation (which checks the rules) and stores it, in <paramref name="unit"/>.</summary>
    public static async Task<Versioned<Appointment>> AppointAsync(IUnitOfWork unit, Caller caller, Appointment appointment,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await AddToOrganisationAsync(unit, appointment, now, cancellationToken);
        return await unit.InsertAsync(MembershipResources.Representatives, appointment.NetworkId, Appointed(appointment, caller, now),
            cancellationToken);
    }

    /// <summary>
    /// The organisation admits the appointment (only an active member appoints, a person once). Holding the organisation's row
    /// serialises this against a racing suspension, resignation or second appointment without changing the organisation (its
    /// etag stays: a concurrent edit of its contact details is not stale).
    /// </summary>
    public static async Task AddToOrganisationAsync(IUnitOfWork unit, Appointment appointment, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var organisation = await unit.RequireForUpdateAsync(MembershipResources.Organisations, appointment.NetworkId,
            appointment.OrganisationId, cancellationToken);
        organisation.Document.Admit(appointment, await ActiveAppointmentsAsync(unit, appointment.NetworkId,
            appointment.OrganisationId, cancellationToken));
    }

    /// <summary>The organisation's active appointments as <paramref name="unit"/> sees them (a handful per organisation).</summary>
    public static async Task<IReadOnlyList<Appointment>> ActiveAppointmentsAsync(IUnitOfWork unit, string networkId,
        string organisationId, CancellationToken cancellationToken)
    {
        var appointments = await unit.ReadAllAsync(MembershipCollections.Appointments, networkId,
            MembershipCollections.Appointments.Query().Where(a => a.OrganisationId, organisationId), cancellationToken);
        return appointments.Where(a => a.IsActive).ToList();
    }

    public static Change<Appointment> Appointed(Appointment appointment, Caller caller, DateTimeOffset now) =>
        Change<Appointment>.With(appointment, version => new RepresentativeAppointed(Guid.NewGuid(), now, appointment.NetworkId,
            appointment.Id,
            version, appointment.Id, appointment.OrganisationId, appointment.PersonId, appointment.Role.ToString(),
                appointment.HoursPerMonth,
            appointment.ApprovingManager.NameAndTitle(), appointment.StartAt, caller.Subject));

    /// <summary>Ends the appointment, in <paramref name="unit"/>.</summary>
    public static async Task<Versioned<Appointment>> EndAsync(IUnitOfWork unit, Caller caller, Appointment appointment,
        long expectedVersion,
        AppointmentEndReason reason, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = appointment.End(reason, now, note);
        var reasonName = reason == AppointmentEndReason.Replaced
            ? RepresentativeWithdrawalReasons.Replaced
            : RepresentativeWithdrawalReasons.Withdrawn;
        var stored = await unit.ReplaceAsync(MembershipResources.Representatives, appointment.NetworkId,
            Change<Appointment>.With(ended, version =>
            new RepresentativeWithdrawn(Guid.NewGuid(), now, ended.NetworkId, ended.Id, version, ended.Id, ended.OrganisationId,
                ended.PersonId,
                reasonName, note, now, caller.Subject)), expectedVersion, cancellationToken);
        return stored;
    }
}
