using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using DomainAccounts = NetworkPlatform.Reporting.Domain.GroupAccounts;
using DomainApplicationState = NetworkPlatform.Reporting.Domain.FundApplicationState;
using ProtoAccounts = NetworkPlatform.Reporting.V1.GroupAccounts;

namespace NetworkPlatform.Reporting.Features;

/// <summary>A group's money per year: base grant, partner-fund applications, expenses, and the accounts' sign-off.</summary>
public sealed class Money(IDocumentStore store, ReportingCommands commands, TimeProvider clock)
{
    public Task<ProtoAccounts> SetBaseGrantAsync(SetBaseGrantRequest request, Caller caller, CancellationToken ct)
    {
        var validation = Validate(request.NetworkId, request.GroupId, request.Year, caller, Roles.Secretariat);
        var amount = validation.Money("amount", request.Amount);
        validation.ThrowIfInvalid();
        return ChangeAsync(request.NetworkId, request.GroupId, request.Year, request.Etag, ct, (accounts, version, now) =>
            new BaseGrantSet(Guid.NewGuid(), now, request.NetworkId, AccountsId(request.GroupId, request.Year), version, request.GroupId, request.Year, amount, caller.Subject));
    }

    public async Task<ProtoAccounts> SubmitFundApplicationAsync(SubmitFundApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var validation = Validate(request.NetworkId, request.GroupId, request.Year, caller, Roles.GroupLeader, Roles.Secretariat).Required("purpose", request.Purpose, 500);
        var amount = validation.Money("amount_requested", request.AmountRequested, allowZero: false);
        validation.ThrowIfInvalid();
        if (await commands.PreviousResultAsync(request.NetworkId, "fund-application", request.RequestId, ct) is not null)
        {
            return await GetAsync(request.NetworkId, request.GroupId, request.Year, ct);
        }
        return await ChangeAsync(request.NetworkId, request.GroupId, request.Year, "", ct, (accounts, version, now) =>
            new FundApplicationSubmitted(Guid.NewGuid(), now, request.NetworkId, AccountsId(request.GroupId, request.Year), version, request.GroupId, request.Year,
                Guid.NewGuid().ToString("N"), request.Purpose, amount, caller.Subject), "fund-application", request.RequestId);
    }

    public Task<ProtoAccounts> DecideFundApplicationAsync(DecideFundApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var validation = Validate(request.NetworkId, request.GroupId, request.Year, caller, Roles.Secretariat).Required("application_id", request.ApplicationId);
        var granted = request.Approved ? validation.Money("amount_granted", request.AmountGranted, allowZero: false) : 0m;
        validation.ThrowIfInvalid();
        return ChangeAsync(request.NetworkId, request.GroupId, request.Year, request.Etag, ct, (accounts, version, now) =>
        {
            var application = accounts?.FundApplications.FirstOrDefault(a => a.ApplicationId == request.ApplicationId)
                ?? throw RpcErrors.NotFound("fund application", request.ApplicationId);
            if (application.State != DomainApplicationState.Submitted)
            {
                throw RpcErrors.FailedPrecondition("FUND_APPLICATION_ALREADY_DECIDED", request.ApplicationId,
                    $"Fund application {request.ApplicationId} was already {application.State.ToString().ToLowerInvariant()}; submit a new application to ask again.");
            }
            return new FundApplicationDecided(Guid.NewGuid(), now, request.NetworkId, AccountsId(request.GroupId, request.Year), version, request.GroupId, request.Year,
                request.ApplicationId, request.Approved, granted, caller.Subject);
        });
    }

    public async Task<ProtoAccounts> RecordExpenseAsync(RecordExpenseRequest request, Caller caller, CancellationToken ct)
    {
        var validation = Validate(request.NetworkId, request.GroupId, request.Year, caller, Roles.GroupLeader, Roles.Secretariat).Required("description", request.Description, 500);
        var amount = validation.Money("amount", request.Amount, allowZero: false);
        var date = validation.Date("date", request.Date);
        if (request.Date is not null && date.Year != request.Year && date != default)
        {
            validation.Add("date", $"The expense is dated {date:yyyy-MM-dd}, outside the accounts' year {request.Year}.");
        }
        validation.ThrowIfInvalid();
        if (await commands.PreviousResultAsync(request.NetworkId, "expense", request.RequestId, ct) is not null)
        {
            return await GetAsync(request.NetworkId, request.GroupId, request.Year, ct);
        }
        return await ChangeAsync(request.NetworkId, request.GroupId, request.Year, "", ct, (accounts, version, now) =>
        {
            EnsureOpen(accounts, request.GroupId, request.Year);
            return new ExpenseRecorded(Guid.NewGuid(), now, request.NetworkId, AccountsId(request.GroupId, request.Year), version, request.GroupId, request.Year,
                Guid.NewGuid().ToString("N"), date, amount, request.Description, request.MeasureId.Length == 0 ? null : request.MeasureId, caller.Subject);
        }, "expense", request.RequestId);
    }

    public Task<ProtoAccounts> SignOffAsync(SignOffAccountsRequest request, Caller caller, CancellationToken ct)
    {
        Validate(request.NetworkId, request.GroupId, request.Year, caller, Roles.GroupLeader, Roles.Secretariat).ThrowIfInvalid();
        return ChangeAsync(request.NetworkId, request.GroupId, request.Year, request.Etag, ct, (accounts, version, now) =>
        {
            EnsureOpen(accounts, request.GroupId, request.Year);
            return new AccountsSignedOff(Guid.NewGuid(), now, request.NetworkId, AccountsId(request.GroupId, request.Year), version, request.GroupId, request.Year, caller.Subject);
        });
    }

    public async Task<ProtoAccounts> GetAsync(GetGroupAccountsRequest request, Caller caller, CancellationToken ct)
    {
        Validate(request.NetworkId, request.GroupId, request.Year, caller).ThrowIfInvalid();
        return await GetAsync(request.NetworkId, request.GroupId, request.Year, ct);
    }

    private async Task<ProtoAccounts> GetAsync(string networkId, string groupId, int year, CancellationToken ct)
    {
        var stored = await store.GetAsync(ReportingCollections.Accounts, networkId, AccountsId(groupId, year), ct);
        return ToProto(stored?.Document ?? new DomainAccounts(networkId, groupId, year, 0m, [], [], null, null), stored?.Version ?? 0);
    }

    private async Task<ProtoAccounts> ChangeAsync(string networkId, string groupId, int year, string etag, CancellationToken ct,
        Func<DomainAccounts?, long, DateTimeOffset, IDomainEvent> change, string operation = "", string requestId = "")
    {
        var id = AccountsId(groupId, year);
        var stored = await store.GetAsync(ReportingCollections.Accounts, networkId, id, ct);
        var version = stored?.Version ?? 0;
        if (etag.Length > 0 && etag != version.ToString(CultureInfo.InvariantCulture))
        {
            throw RpcErrors.Aborted($"accounts {id}", version.ToString(CultureInfo.InvariantCulture));
        }
        await commands.CommitAsync(change(stored?.Document, version + 1, clock.GetUtcNow()), ct, operation, requestId, id);
        return await GetAsync(networkId, groupId, year, ct);
    }

    private static void EnsureOpen(DomainAccounts? accounts, string groupId, int year)
    {
        if (accounts?.SignedOffBy is { } signedOffBy)
        {
            throw RpcErrors.FailedPrecondition("ACCOUNTS_SIGNED_OFF", AccountsId(groupId, year),
                $"The {year} accounts of {groupId} were signed off by {signedOffBy}; corrections go into next year's accounts.");
        }
    }

    private static Validation Validate(string networkId, string groupId, int year, Caller caller, params string[] roles)
    {
        caller.EnsureNetwork(networkId);
        if (roles.Length > 0)
        {
            caller.EnsureAnyRole(roles);
        }
        return new Validation().Required("group_id", groupId).Year("year", year);
    }

    private static string AccountsId(string groupId, int year) => ReportingCollections.AccountsId(groupId, year);

    private static ProtoAccounts ToProto(DomainAccounts accounts, long version)
    {
        var budget = BudgetFigure.From(accounts);
        var proto = new ProtoAccounts
        {
            GroupId = accounts.GroupId,
            Year = accounts.Year,
            BaseGrant = Format(accounts.BaseGrant),
            SignedOffBy = accounts.SignedOffBy ?? "",
            Budget = Format(budget.Budget),
            Granted = Format(budget.Granted),
            Pending = Format(budget.Pending),
            Spent = Format(budget.Spent),
            Remaining = Format(budget.Remaining),
            Etag = version.ToString(CultureInfo.InvariantCulture),
        };
        if (accounts.SignedOffAt is { } signedOffAt)
        {
            proto.SignedOffAt = Timestamp.FromDateTimeOffset(signedOffAt);
        }
        proto.FundApplications.AddRange(accounts.FundApplications.Select(a =>
        {
            var application = new V1.FundApplication
            {
                ApplicationId = a.ApplicationId,
                Purpose = a.Purpose,
                AmountRequested = Format(a.AmountRequested),
                State = a.State switch
                {
                    DomainApplicationState.Approved => V1.FundApplicationState.Approved,
                    DomainApplicationState.Rejected => V1.FundApplicationState.Rejected,
                    _ => V1.FundApplicationState.Submitted,
                },
                AmountGranted = Format(a.AmountGranted),
                SubmittedAt = Timestamp.FromDateTimeOffset(a.SubmittedAt),
            };
            if (a.DecidedAt is { } decidedAt)
            {
                application.DecidedAt = Timestamp.FromDateTimeOffset(decidedAt);
            }
            return application;
        }));
        proto.Expenses.AddRange(accounts.Expenses.OrderBy(e => e.Date).Select(e => new V1.Expense
        {
            ExpenseId = e.ExpenseId,
            Date = Dates.ToProto(e.Date),
            Amount = Format(e.Amount),
            Description = e.Description,
            MeasureId = e.MeasureId ?? "",
        }));
        return proto;
    }

    private static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
