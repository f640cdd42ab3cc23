namespace NetworkPlatform.Meetings.Domain;

/// <summary>A lifecycle rule refused a change; Reason is a stable UPPER_SNAKE code, the message says what to do instead.</summary>
public sealed class MeetingRuleException(string reason, string subject, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public string Subject { get; } = subject;
}
