namespace NetworkPlatform.Meetings.Domain;

public sealed record Reschedule(DateTimeOffset PreviousStart, DateTimeOffset PreviousEnd, DateTimeOffset Start, DateTimeOffset End,
    string Reason, DateTimeOffset At, string By);
