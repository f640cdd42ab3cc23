using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

public sealed record GetGroupAccountsQuery(string NetworkId, string GroupId, int Year) : INetworkRequest;

/// <summary>A group's accounts of a year, with the budget against what is spent.</summary>
public sealed class GetGroupAccounts(ReportingContext context) : IUseCase<GetGroupAccountsQuery, Versioned<GroupAccounts>>
{
    // Anyone of the network may read them.
    public void Authorize(GetGroupAccountsQuery query, Caller caller)
    {
    }

    public void Validate(GetGroupAccountsQuery query, Violations violations) => violations.Accounts(query.GroupId, query.Year);

    public Task<Versioned<GroupAccounts>> HandleAsync(GetGroupAccountsQuery query, Caller caller, CancellationToken cancellationToken) =>
        Accounts.GetAsync(context.Store, query.NetworkId, query.GroupId, query.Year, cancellationToken);
}
