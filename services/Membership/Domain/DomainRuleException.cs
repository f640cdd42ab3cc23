namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// A lifecycle rule refused a change. <see cref="Reason"/> is a stable UPPER_SNAKE code callers can branch on
/// (the API answers FAILED_PRECONDITION with it); <see cref="Subject"/> names the resource.
/// </summary>
public sealed class DomainRuleException(string reason, string subject, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public string Subject { get; } = subject;
}

/// <summary>The person already holds an active appointment for the organisation (the API answers ALREADY_EXISTS).</summary>
public sealed class DuplicateAppointmentException(string organisationId, string personId, string existingAppointmentId)
    : Exception($"Person '{personId}' already holds appointment '{existingAppointmentId}' for organisation '{organisationId}'; withdraw or replace it instead.")
{
    public string OrganisationId { get; } = organisationId;

    public string PersonId { get; } = personId;

    public string ExistingAppointmentId { get; } = existingAppointmentId;
}
