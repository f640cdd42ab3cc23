using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

public sealed record SetBaseGrantCommand(string NetworkId, string GroupId, int Year, string Amount, string Etag) : INetworkRequest;

/// <summary>The secretariat sets a group's base grant for a year.</summary>
public sealed class SetBaseGrant(ReportingContext context) : IUseCase<SetBaseGrantCommand, Versioned<GroupAccounts>>
{
    public void Authorize(SetBaseGrantCommand command, Caller caller) => caller.EnsureAnyRole(Roles.Secretariat);

    public void Validate(SetBaseGrantCommand command, Violations violations) =>
        violations.Accounts(command.GroupId, command.Year).Money("amount", command.Amount);

    public async Task<Versioned<GroupAccounts>> HandleAsync(SetBaseGrantCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var amount = Accounts.Amount(command.Amount);
        await context.RecordAsync(command.NetworkId, null, async unit =>
        {
            var current = await Accounts.GetForChangeAsync(unit, command.NetworkId, command.GroupId, command.Year, command.Etag,
                cancellationToken);
            var id = GroupAccounts.IdFor(command.GroupId, command.Year);
            return (new BaseGrantSet(Guid.NewGuid(), context.Now, command.NetworkId, id, current.Version + 1, command.GroupId, command.Year,
                amount, caller.Subject), id);
        }, cancellationToken);
        return await Accounts.GetAsync(context.Store, command.NetworkId, command.GroupId, command.Year, cancellationToken);
    }
}
