using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Indicators the network develops and collects data for (002), optionally tied to a measure.</summary>
public sealed class Indicators(IDocumentStore store, ReportingCommands commands, ReportingQueries queries, TimeProvider clock)
{
    public async Task<Indicator> CreateAsync(CreateIndicatorRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);
        new Validation().Required("name", request.Name).Required("unit", request.Unit, 40).ThrowIfInvalid();
        var id = await commands.PreviousResultAsync(request.NetworkId, "indicator", request.RequestId, ct);
        if (id is null)
        {
            id = Guid.NewGuid().ToString("N");
            await commands.CommitAsync(new IndicatorCreated(Guid.NewGuid(), clock.GetUtcNow(), request.NetworkId, id, 1, id, request.Name, request.Unit,
                request.MeasureId.Length == 0 ? null : request.MeasureId, request.HasTarget ? (decimal)request.Target : null), ct, "indicator", request.RequestId, id);
        }
        return await GetAsync(request.NetworkId, id, ct);
    }

    public async Task<Indicator> RecordValueAsync(RecordIndicatorValueRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat, Roles.PartnerSystem);
        var validation = new Validation().Required("indicator_id", request.IndicatorId);
        var date = validation.Date("date", request.Date);
        if (double.IsNaN(request.Value) || double.IsInfinity(request.Value))
        {
            validation.Add("value", "Must be a finite number.");
        }
        validation.ThrowIfInvalid();
        var indicator = await store.GetAsync(ReportingCollections.Indicators, request.NetworkId, request.IndicatorId, ct)
            ?? throw RpcErrors.NotFound("indicator", request.IndicatorId);
        await commands.CommitAsync(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), request.NetworkId, request.IndicatorId, indicator.Version + 1,
            request.IndicatorId, date, (decimal)request.Value, request.Note.Length == 0 ? null : request.Note), ct);
        return await GetAsync(request.NetworkId, request.IndicatorId, ct);
    }

    public async Task<ListIndicatorsResponse> ListAsync(ListIndicatorsRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        var query = request.MeasureId.Length == 0 ? null : ReportingCollections.Indicators.Query().Where(i => i.MeasureId,
            request.MeasureId);
        var response = new ListIndicatorsResponse();
        response.Indicators.AddRange((await queries.AllAsync(ReportingCollections.Indicators, request.NetworkId, ct,
            query)).Select(i => ToProto(i, null)));
        return response;
    }

    private async Task<Indicator> GetAsync(string networkId, string id, CancellationToken ct)
    {
        var stored = await store.GetAsync(ReportingCollections.Indicators, networkId, id, ct) ?? throw RpcErrors.NotFound("indicator", id);
        return ToProto(stored.Document, stored.ETag);
    }

    private static Indicator ToProto(IndicatorFact indicator, string? etag)
    {
        var proto = new Indicator { IndicatorId = indicator.IndicatorId, Name = indicator.Name, Unit = indicator.Unit, MeasureId = indicator.MeasureId ?? "", Etag = etag ?? "" };
        if (indicator.Target is { } target)
        {
            proto.Target = (double)target;
        }
        proto.Points.AddRange(indicator.Points.OrderBy(p => p.Date).Select(p => new V1.IndicatorPoint { Date = Dates.ToProto(p.Date), Value = (double)p.Value, Note = p.Note ?? "" }));
        return proto;
    }
}
