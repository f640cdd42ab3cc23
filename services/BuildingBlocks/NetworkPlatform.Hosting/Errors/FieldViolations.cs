using Google.Rpc;

namespace NetworkPlatform.Hosting.Errors;

/// <summary>
/// Collects every bad field of a request (field paths as in the proto, e.g. "meeting.title"), then answers
/// INVALID_ARGUMENT with all of them at once. Each service derives its own collector with the rules of its domain;
/// <typeparamref name="TSelf"/> keeps the calls chainable across both.
/// </summary>
public abstract class FieldViolations<TSelf>
    where TSelf : FieldViolations<TSelf>
{
    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public bool IsValid => violations.Count == 0;

    public TSelf Add(string field, string description)
    {
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return (TSelf)this;
    }

    public TSelf Require(bool condition, string field, string description) => condition ? (TSelf)this : Add(field, description);

    public TSelf MaxLength(string field, string value, int maxLength) =>
        Require(value.Length <= maxLength, field, $"At most {maxLength} characters; this has {value.Length}.");

    public TSelf Required(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "Required: give a non-empty value.") : MaxLength(field, value, maxLength);

    public void ThrowIfInvalid()
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
