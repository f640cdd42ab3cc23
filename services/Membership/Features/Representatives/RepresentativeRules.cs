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
    /// The organisation takes the appointment on (only an active member appoints, a person once); its version guards
    /// the rules against a racing suspension, resignation or second appointment.
    /// </summary>
    public static async Task AddToOrganisationAsync(IUnitOfWork unit, Appointment appointment, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var organisations = MembershipResources.Organisations;
        var organisation = await unit.RequireForUpdateAsync(organisations, appointment.NetworkId, appointment.OrganisationId,
            cancellationToken);
        var active = new ActiveAppointment(appointment.Id, appointment.PersonId, appointment.Role);
        await unit.ReplaceAsync(organisations, appointment.NetworkId,
            Change<Organisation>.Quiet(organisation.Document.AddAppointment(active, now)),
            organisation.Version, cancellationToken);
    }

    public static Change<Appointment> Appointed(Appointment appointment, Caller caller, DateTimeOffset now) =>
        Change<Appointment>.With(appointment, version => new RepresentativeAppointed(Guid.NewGuid(), now, appointment.NetworkId,
            appointment.Id,
            version, appointment.Id, appointment.OrganisationId, appointment.PersonId, appointment.Role.ToString(),
                appointment.HoursPerMonth,
            appointment.ApprovingManager.NameAndTitle(), appointment.StartAt, caller.Subject));

    /// <summary>Ends the appointment and removes it from its organisation, in <paramref name="unit"/>.</summary>
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
        var organisations = MembershipResources.Organisations;
        var organisation = await unit.RequireForUpdateAsync(organisations, appointment.NetworkId, appointment.OrganisationId,
            cancellationToken);
        await unit.ReplaceAsync(organisations, appointment.NetworkId,
            Change<Organisation>.Quiet(organisation.Document.RemoveAppointment(appointment.Id, now)),
            organisation.Version, cancellationToken);
        return stored;
    }
}
