using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Cases;

public sealed class IncidentLabelsTests
{
    [Fact]
    public void Kind_HarassmentInEnglish_IsNotMolestation()
    {
        Assert.Equal("Trakasserier eller ofredande", IncidentLabels.Kind(IncidentKind.Harassment, Language.Swedish));
        Assert.DoesNotContain("molest", IncidentLabels.Kind(IncidentKind.Harassment, Language.English), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Harassment", IncidentLabels.Kind(IncidentKind.Harassment, Language.English), StringComparison.Ordinal);
    }
}
