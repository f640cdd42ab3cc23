namespace NetworkPlatform.Groups.Domain;

/// <summary>One broken lifecycle rule: a stable reason (UPPER_SNAKE), what it is about, and what to do.</summary>
public sealed record RuleViolation(string Reason, string Subject, string Description);

/// <summary>The change is not allowed in the aggregate's current state (answered as FAILED_PRECONDITION).</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join(" ", violations.Select(v => v.Description)))
{
    public RuleViolationException(string reason, string subject, string description)
        : this([new RuleViolation(reason, subject, description)])
    {
    }

    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}

/// <summary>One invalid input field; Field is the name inside the resource (e.g. end_date).</summary>
public sealed record FieldError(string Field, string Description);

/// <summary>The input itself is wrong (answered as INVALID_ARGUMENT with field violations).</summary>
public sealed class InvalidFieldsException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Description}")))
{
    public InvalidFieldsException(string field, string description)
        : this([new FieldError(field, description)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidFieldsException(errors);
        }
    }
}

/// <summary>A part of an aggregate (a participant, a milestone) that the request names does not exist.</summary>
public sealed class MissingPartException(string resourceType, string name)
    : Exception($"{resourceType} '{name}' does not exist.")
{
    public string ResourceType { get; } = resourceType;

    public string Name { get; } = name;
}
