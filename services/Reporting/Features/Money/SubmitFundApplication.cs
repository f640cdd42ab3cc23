using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

public sealed record SubmitFundApplicationCommand(string NetworkId, string GroupId, int Year, string Purpose, string AmountRequested,
    string RequestId) : INetworkRequest;

/// <summary>A group leader or the secretariat applies for partner-fund money, once per request_id.</summary>
public sealed class SubmitFundApplication(ReportingContext context) : IUseCase<SubmitFundApplicationCommand, Versioned<GroupAccounts>>
{
    public void Authorize(SubmitFundApplicationCommand command, Caller caller) => caller.EnsureAnyRole(Roles.GroupLeader,
        Roles.Secretariat);

    public void Validate(SubmitFundApplicationCommand command, Violations violations) => violations
        .Accounts(command.GroupId, command.Year)
        .Required("purpose", command.Purpose, 500)
        .Money("amount_requested", command.AmountRequested, allowZero: false);

    public async Task<Versioned<GroupAccounts>> HandleAsync(SubmitFundApplicationCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var amount = Accounts.Amount(command.AmountRequested);
        var key = IdempotencyKey.For("fund-application", caller, command.RequestId, command);
        await context.RecordAsync(command.NetworkId, key, async unit =>
        {
            var current = await Accounts.GetForChangeAsync(unit, command.NetworkId, command.GroupId, command.Year, "", cancellationToken);
            var id = GroupAccounts.IdFor(command.GroupId, command.Year);
            return (new FundApplicationSubmitted(Guid.NewGuid(), context.Now, command.NetworkId, id, current.Version + 1, command.GroupId,
                command.Year, Guid.NewGuid().ToString("N"), command.Purpose, amount, caller.Subject), id);
        }, cancellationToken);
        return await Accounts.GetAsync(context.Store, command.NetworkId, command.GroupId, command.Year, cancellationToken);
    }
}
