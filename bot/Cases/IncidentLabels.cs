using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>How the report's choices read to a member. The values on the wire are the enum names in camelCase.</summary>
[EnumLabels(typeof(IncidentKind), typeof(IncidentPlace), typeof(Perpetrator), typeof(Evidence), typeof(PoliceReport), typeof(ContactWish), typeof(IncidentStatus))]
internal static class IncidentLabels
{
    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(code)
            && char.IsLower(code[0])
            && Enum.TryParse(code, ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && Code(value) == code;
    }

    public static string Kind(IncidentKind kind, Language language) => Label(kind, language);

    public static string Place(IncidentPlace place, Language language) => Label(place, language);

    public static string Perpetrator(Perpetrator who, Language language) => Label(who, language);

    public static string Evidence(Evidence evidence, Language language) => Label(evidence, language);

    public static string Police(PoliceReport police, Language language) => Label(police, language);

    public static string Contact(ContactWish contact, Language language) => Label(contact, language);

    public static string Status(IncidentStatus status, Language language) => Label(status, language);

    /// <summary>The value's label in IncidentLabels.resx (Swedish) or IncidentLabels.en.resx.</summary>
    private static string Label<T>(T value, Language language) where T : struct, Enum => LocalizedTexts.Label(typeof(IncidentLabels), value, language);
}
