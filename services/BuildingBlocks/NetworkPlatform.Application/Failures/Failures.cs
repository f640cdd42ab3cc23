namespace NetworkPlatform.Application.Failures;

// What a use case or an aggregate answers when it cannot do what was asked. Each is mapped to one status with details in
// one place (NetworkPlatform.Hosting's ErrorMapping); messages are written for the caller and say what to do.

/// <summary>One bad input field: its path as the request spells it (e.g. "meeting.title") and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The input itself is wrong (INVALID_ARGUMENT with every field violation at once).</summary>
public sealed class InvalidFieldsException(IReadOnlyList<FieldViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public InvalidFieldsException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>One broken business rule: a stable reason (UPPER_SNAKE), what it is about, and what to do.</summary>
public sealed record RuleViolation(string Reason, string Subject, string Description);

/// <summary>The change is not allowed in the aggregate's current state (FAILED_PRECONDITION with every broken rule).</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join(" ", violations.Select(v => v.Description)))
{
    public RuleViolationException(string reason, string subject, string description)
        : this([new RuleViolation(reason, subject, description)])
    {
    }

    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}

/// <summary>A resource the request names does not exist in its network (NOT_FOUND with the resource).</summary>
/// <param name="ResourceType">The API's name of its type, e.g. "networkplatform.groups.v1.Group".</param>
/// <param name="Name">Its resource name, e.g. "networks/norsk-hph/groups/wg-1".</param>
public sealed class NotFoundException(string resourceType, string name)
    : Exception($"{resourceType} '{name}' does not exist; check the name, or list them to find it.")
{
    public string ResourceType { get; } = resourceType;

    public string Name { get; } = name;
}

/// <summary>A resource with that name exists already, or a request_id was reused for another request (ALREADY_EXISTS).</summary>
public sealed class AlreadyExistsException(string resourceType, string name, string description,
    string reason = AlreadyExistsException.DefaultReason)
    : Exception(description)
{
    public const string DefaultReason = "ALREADY_EXISTS";

    public string ResourceType { get; } = resourceType;

    public string Name { get; } = name;

    /// <summary>A stable reason for callers to act on, e.g. REQUEST_ID_REUSED.</summary>
    public string Reason { get; } = reason;
}

/// <summary>The caller may not do this (PERMISSION_DENIED with a stable reason such as TENANT_MISMATCH or ROLE_REQUIRED).</summary>
public sealed class PermissionDeniedException(string reason, string description) : Exception(description)
{
    public string Reason { get; } = reason;
}

/// <summary>The caller's etag is not the resource's current one (ABORTED with the current etag: read it again).</summary>
public sealed class StaleEtagException(string subject, string currentEtag)
    : Exception($"{subject} was changed by someone else (current etag {currentEtag}); read it again and retry.")
{
    public string Subject { get; } = subject;

    public string CurrentEtag { get; } = currentEtag;
}
