using System.Text.Json.Serialization;

namespace NetworkPlatform.Reporting.Domain;

public sealed record IndicatorPoint(DateOnly Date, decimal Value, string? Note);

/// <summary>An indicator the network tracks (002: develop indicators, collect and use data): one value per date.</summary>
public sealed record IndicatorFact
{
    [JsonConstructor]
    private IndicatorFact()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string IndicatorId { get; private init; } = "";

    [JsonInclude]
    public string Name { get; private init; } = "";

    [JsonInclude]
    public string Unit { get; private init; } = "";

    [JsonInclude]
    public string? MeasureId { get; private init; }

    [JsonInclude]
    public decimal? Target { get; private init; }

    [JsonInclude]
    public IReadOnlyList<IndicatorPoint> Points { get; private init; } = [];

    public static IndicatorFact Create(string networkId, string indicatorId, string name, string unit, string? measureId,
        decimal? target) =>
        new() { NetworkId = networkId, IndicatorId = indicatorId, Name = name, Unit = unit, MeasureId = measureId, Target = target };

    /// <summary>The indicator with a value of a date; a later value of the same date replaces the earlier one.</summary>
    public IndicatorFact Record(IndicatorPoint point) => this with { Points = [.. Points.Where(p => p.Date != point.Date), point] };
}
