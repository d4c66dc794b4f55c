using Trygg.Conversation.Turns;

namespace Trygg.Reporting;

public sealed class ReportingLabelsTests
{
    [Fact]
    public void Kind_HarassmentInEnglish_IsNotMolestation()
    {
        Assert.Equal("Trakasserier eller ofredande", ReportingLabels.Kind(IncidentKind.Harassment, Language.Swedish));
        Assert.DoesNotContain("molest", ReportingLabels.Kind(IncidentKind.Harassment, Language.English), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Harassment", ReportingLabels.Kind(IncidentKind.Harassment, Language.English), StringComparison.Ordinal);
    }
}
