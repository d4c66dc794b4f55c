using System.Reflection;
using Trygg.Conversation.Turns;
using Trygg.Texts;
using Trygg.Conversation;

namespace Trygg.Texts;

public sealed class LocalizedTextsTests
{
    private static readonly Assembly Bot = typeof(LocalizedTexts).Assembly;

    /// <summary>Every type with texts in resources: the neutral (Swedish) resources embedded in the bot itself.</summary>
    public static TheoryData<string> TextTypes()
    {
        var data = new TheoryData<string>();
        foreach (var name in ResourceNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void TextTypes_AreFoundInTheBot() => Assert.Contains("Trygg.Conversation.CommonTexts", ResourceNames());

    private static List<string> ResourceNames() =>
        [.. Bot.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Select(n => n[..^".resources".Length]).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(TextTypes))]
    public void Entries_EveryLanguage_HasExactlyTheKeysOfTheTypedTexts(string typeName)
    {
        var type = Bot.GetType(typeName) ?? throw new InvalidOperationException($"The resources {typeName} belong to no type: name the .resx after its texts record.");
        var expected = (type.GetCustomAttribute<EnumLabelsAttribute>() is { } labels
            ? labels.Enums.SelectMany(e => Enum.GetNames(e).Select(name => e.Name + "." + name))
            : KeysOf(type, "")).Order(StringComparer.Ordinal).ToList();

        foreach (var language in Enum.GetValues<Language>())
        {
            var entries = LocalizedTexts.Entries(type, language);
            Assert.Equal(expected, entries.Keys.Order(StringComparer.Ordinal).ToList());
            Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{typeName} {language} '{e.Key}' is empty"));
        }
    }

    [Theory]
    [MemberData(nameof(TextTypes))]
    public void Load_EveryLanguage_BuildsTheRecordWithItsOwnWords(string typeName)
    {
        var type = Bot.GetType(typeName)!;
        if (type.GetCustomAttribute<EnumLabelsAttribute>() is not null)
        {
            return; // labels, not a record: their keys are checked above
        }

        var load = typeof(LocalizedTexts).GetMethods().Single(m => m.Name == nameof(LocalizedTexts.Load) && m.GetParameters().Length == 1).MakeGenericMethod(type);

        var swedish = load.Invoke(null, [Language.Swedish]);
        var english = load.Invoke(null, [Language.English]);

        Assert.NotNull(swedish);
        Assert.NotEqual(swedish, english);
    }

    [Fact]
    public void Load_TypeWithAKeyMissing_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalizedTexts.Load<MissingKey>(Language.Swedish, typeof(CommonTexts)));

        Assert.Contains("NotInResources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_EnumValue_IsItsLabelInThatLanguage()
    {
        Assert.Equal("Hot", Cases.IncidentLabels.Kind(Cases.IncidentKind.Threat, Language.Swedish));
        Assert.Equal("Threat", Cases.IncidentLabels.Kind(Cases.IncidentKind.Threat, Language.English));
    }

    [Fact]
    public void For_SameLanguage_IsBuiltOnce() =>
        Assert.Same(LocalizedTexts.For<CommonTexts>(Language.English), LocalizedTexts.For<CommonTexts>(Language.English));

    [Fact]
    public void For_Swedish_IsSwedishAndEnglishIsEnglish()
    {
        Assert.StartsWith("Den knappen fungerar inte längre", CommonTexts.For(Language.Swedish).UnknownAction, StringComparison.Ordinal);
        Assert.StartsWith("That button no longer works", CommonTexts.For(Language.English).UnknownAction, StringComparison.Ordinal);
    }

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => c.GetParameters() is not [var only] || only.ParameterType != type)
            .MaxBy(c => c.GetParameters().Length)!;
        foreach (var parameter in constructor.GetParameters())
        {
            var t = parameter.ParameterType;
            if (t == typeof(string) || t == typeof(string[]) || t == typeof(IReadOnlyList<string>))
            {
                yield return prefix + parameter.Name;
            }
            else if (t != typeof(Language))
            {
                foreach (var key in KeysOf(t, prefix + parameter.Name + "."))
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>CommonTexts' resources do not know this record's second text.</summary>
    private sealed record MissingKey(string UnknownAction, string NotInResources);
}
