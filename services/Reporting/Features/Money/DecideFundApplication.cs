using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

/// <param name="MeetingId">The meeting whose published minutes decided it (the service's event handler); empty when the
/// secretariat decides directly.</param>
public sealed record DecideFundApplicationCommand(string NetworkId, string GroupId, int Year, string ApplicationId, bool Approved,
    string AmountGranted, string Etag, string MeetingId = "") : INetworkRequest;

/// <summary>
/// The secretariat approves (with the amount granted) or rejects a submitted fund application, directly or by a decision in
/// published minutes (then the application records the meeting).
/// </summary>
public sealed class DecideFundApplication(ReportingContext context) : IUseCase<DecideFundApplicationCommand, Versioned<GroupAccounts>>
{
    public void Authorize(DecideFundApplicationCommand command, Caller caller) => caller.EnsureAnyRole(Roles.Secretariat);

    public void Validate(DecideFundApplicationCommand command, Violations violations)
    {
        violations.Accounts(command.GroupId, command.Year).Required("application_id", command.ApplicationId);
        if (command.Approved)
        {
            violations.Money("amount_granted", command.AmountGranted, allowZero: false);
        }
    }

    public async Task<Versioned<GroupAccounts>> HandleAsync(DecideFundApplicationCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var granted = command.Approved ? Accounts.Amount(command.AmountGranted) : 0m;
        await context.RecordAsync(command.NetworkId, null, async unit =>
        {
            var current = await Accounts.GetForChangeAsync(unit, command.NetworkId, command.GroupId, command.Year, command.Etag,
                cancellationToken);
            var now = context.Now;
            // The accounts check their rules here; the projection applies the event through the same method.
            var meetingId = command.MeetingId.Length > 0 ? command.MeetingId : null;
            current.Document.Decide(command.ApplicationId, command.Approved, granted, now, meetingId);
            var id = GroupAccounts.IdFor(command.GroupId, command.Year);
            return (new FundApplicationDecided(Guid.NewGuid(), now, command.NetworkId, id, current.Version + 1, command.GroupId,
                command.Year,
                command.ApplicationId, command.Approved, granted, meetingId is null ? caller.Subject : $"meeting {meetingId}", meetingId),
                id);
        }, cancellationToken);
        return await Accounts.GetAsync(context.Store, command.NetworkId, command.GroupId, command.Year, cancellationToken);
    }
}
