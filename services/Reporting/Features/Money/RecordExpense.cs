using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

public sealed record RecordExpenseCommand(string NetworkId, string GroupId, int Year, string Amount, string Description, CalendarDay? Date,
    string MeasureId, string RequestId) : INetworkRequest;

/// <summary>A group leader or the secretariat records an expense in open accounts, once per request_id.</summary>
public sealed class RecordExpense(ReportingContext context) : IUseCase<RecordExpenseCommand, Versioned<GroupAccounts>>
{
    public void Authorize(RecordExpenseCommand command, Caller caller) => caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);

    public void Validate(RecordExpenseCommand command, Violations violations)
    {
        violations.Accounts(command.GroupId, command.Year)
            .Required("description", command.Description, 500)
            .Money("amount", command.Amount, allowZero: false);
        violations.Date("date", command.Date);
        if (command.Date?.AsDate is { } date && date.Year != command.Year)
        {
            violations.Add("date", $"The expense is dated {date:yyyy-MM-dd}, outside the accounts' year {command.Year}.");
        }
    }

    public async Task<Versioned<GroupAccounts>> HandleAsync(RecordExpenseCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var amount = Accounts.Amount(command.Amount);
        var date = command.Date!.ToDate();
        var key = IdempotencyKey.For("expense", caller, command.RequestId, command);
        await context.RecordAsync(command.NetworkId, key, async unit =>
        {
            var current = await Accounts.GetForChangeAsync(unit, command.NetworkId, command.GroupId, command.Year, "", cancellationToken);
            await References.RequireMeasureIfGivenAsync(unit, command.NetworkId, command.MeasureId, cancellationToken);
            var expense = new Expense(Guid.NewGuid().ToString("N"), date, amount, command.Description,
                ReportingRules.NullIfEmpty(command.MeasureId));
            // The accounts check their rules here; the projection applies the event through the same method.
            current.Document.Record(expense);
            var id = GroupAccounts.IdFor(command.GroupId, command.Year);
            return (new ExpenseRecorded(Guid.NewGuid(), context.Now, command.NetworkId, id, current.Version + 1, command.GroupId,
                command.Year,
                expense.ExpenseId, date, amount, command.Description, expense.MeasureId, caller.Subject), id);
        }, cancellationToken);
        return await Accounts.GetAsync(context.Store, command.NetworkId, command.GroupId, command.Year, cancellationToken);
    }
}
