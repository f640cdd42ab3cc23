using NetworkPlatform.Events;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Domain;

/// <summary>The values the catalogue lists for reporting's event fields are the names of the enums they are written from.</summary>
public sealed class EventValuesTests
{
    [Fact]
    public void each_listed_field_names_the_values_of_its_enum()
    {
        Assert.Equal(Enum.GetNames<MeasureStatus>(), EventValues.Of(typeof(ProgressReportSubmitted), "Status"));
        Assert.Equal(Enum.GetNames<LearningKind>(), EventValues.Of(typeof(LearningActivityLogged), "Kind"));
    }
}
