namespace NetworkPlatform.Messaging.Inbox;

/// <summary>How a handler's deliveries map onto database transactions.</summary>
public enum InboxTransactions
{
    /// <summary>
    /// Deliveries that arrive together share one transaction (see <see cref="InboxGroupCommit"/>): far fewer round trips
    /// and commits. A failure rolls the group back and its deliveries run again one by one, so use it only for handlers
    /// whose every effect goes through the unit of work.
    /// </summary>
    Grouped,

    /// <summary>
    /// One transaction per delivery: for handlers with effects outside the database (mail), which a rolled-back group
    /// would repeat.
    /// </summary>
    PerMessage,
}
