using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

public sealed record SignOffAccountsCommand(string NetworkId, string GroupId, int Year, string Etag) : INetworkRequest;

/// <summary>A group leader or the secretariat signs the year's accounts off; they take no expenses after.</summary>
public sealed class SignOffAccounts(ReportingContext context) : IUseCase<SignOffAccountsCommand, Versioned<GroupAccounts>>
{
    public void Authorize(SignOffAccountsCommand command, Caller caller) => caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);

    public void Validate(SignOffAccountsCommand command, Violations violations) => violations.Accounts(command.GroupId, command.Year);

    public async Task<Versioned<GroupAccounts>> HandleAsync(SignOffAccountsCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        await context.RecordAsync(command.NetworkId, null, async unit =>
        {
            var current = await Accounts.GetForChangeAsync(unit, command.NetworkId, command.GroupId, command.Year, command.Etag,
                cancellationToken);
            var now = context.Now;
            // The accounts check their rules here; the projection applies the event through the same method.
            current.Document.SignOff(caller.Subject, now);
            var id = GroupAccounts.IdFor(command.GroupId, command.Year);
            return (new AccountsSignedOff(Guid.NewGuid(), now, command.NetworkId, id, current.Version + 1, command.GroupId, command.Year,
                caller.Subject), id);
        }, cancellationToken);
        return await Accounts.GetAsync(context.Store, command.NetworkId, command.GroupId, command.Year, cancellationToken);
    }
}
