using System.Text.RegularExpressions;
using Trygg.Testing;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>
/// Issue 17's language policy: every member- and staff-facing text lives in per-language resources (see
/// <see cref="LocalizedTexts"/>), so no code picks a text by language inline. This reads every bot/**/*.cs and fails,
/// naming file and line, on a text chosen by language: <c>language == Language.English ? "…" : "…"</c>, a switch arm
/// <c>Language.English =&gt; "…"</c>, a <c>(…, language == Language.English) switch</c>, or a bool such as
/// <c>var en = language == Language.English;</c> that then picks a literal (<c>en ? "…"</c>). A language's culture or
/// locale code ("en-GB", "sv") is not a text and is allowed.
/// </summary>
public sealed partial class NoInlineLanguageChoiceTests
{
    /// <summary>The mechanism itself: mapping languages to cultures and reading resources.</summary>
    private const string Mechanism = "Conversation/Languages/";

    private const string Literal = @"(?<lit>[$@]?""(?<text>[^""]*)"")";

    [GeneratedRegex(@"Language\.(?:English|Swedish)\)?\s*\?\s*\(?\s*" + Literal)]
    private static partial Regex ConditionalOnLanguage();

    [GeneratedRegex(@"Language\.(?:English|Swedish)\s*\)?\s*=>\s*" + Literal)]
    private static partial Regex SwitchArmOnLanguage();

    [GeneratedRegex(@"[=!]=\s*(?:[\w.]+\.)?Language\.(?:English|Swedish)\s*\)\s*switch")]
    private static partial Regex SwitchOnLanguageComparison();

    [GeneratedRegex(@"\b(?:var|bool)\s+(?<name>\w+)\s*=\s*[\w.]+\s*[=!]=\s*(?:[\w.]+\.)?Language\.(?:English|Swedish)\s*;")]
    private static partial Regex LanguageFlag();

    [GeneratedRegex(@"^[a-z]{2}(?:-[A-Z]{2})?$")]
    private static partial Regex LocaleCode();

    [Fact]
    public void BotSources_ChooseNoTextByLanguageInline()
    {
        var bot = RepoPaths.Combine("bot");
        var offences = Directory.EnumerateFiles(bot, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(bot, f).Replace(Path.DirectorySeparatorChar, '/'), File: f))
            .Where(f => !f.Path.StartsWith("obj/", StringComparison.Ordinal) && !f.Path.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => !f.Path.StartsWith(Mechanism, StringComparison.Ordinal))
            .SelectMany(f => Offences(File.ReadAllText(f.File)).Select(o => $"bot/{f.Path}:{o.Line}: {o.Text}"))
            .ToList();

        Assert.True(offences.Count == 0, "Texts chosen by language in code; put them in the feature's .resx files:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("var title = language == Language.English ? \"Report\" : \"Rapport\";")]
    [InlineData("var title = turn.Language == Trygg.Texts.Language.Swedish\n    ? $\"Hej {name}\"\n    : $\"Hi {name}\";")]
    [InlineData("steps.Add(language == Language.English ? (\"a\") : \"b\");")]
    [InlineData("(MemberRole.SarskiltArvoderad, Language.English) => \"Full-time officials\",")]
    [InlineData("Language.English => $\"Done {date}\",")]
    [InlineData("var x = (who, language == Language.English) switch { (_, true) => \"Unknown\", _ => \"Okänd\" };")]
    [InlineData("var en = turn.Language == Language.English;\nreplies.SendText(en\n    ? \"Write it there.\"\n    : \"Skriv det där.\");")]
    public void Offences_AnInlineChoice_IsFound(string code) => Assert.NotEmpty(Offences(code));

    [Theory]
    [InlineData("var culture = CultureInfo.GetCultureInfo(language == Language.English ? \"en-GB\" : \"sv-SE\");")]
    [InlineData("html.Append(texts.Language == Trygg.Texts.Language.English ? \"en\" : \"sv\");")]
    [InlineData("row.Language = turn.Language == Language.English ? LanguageCodes.English : LanguageCodes.Swedish;")]
    [InlineData("Language.Swedish => t.LanguageChosenSwedish,")]
    [InlineData("var t = TrainingTexts.For(language);\nvar title = t.Open;")]
    public void Offences_ResourcesOrALocaleCode_AreAllowed(string code) => Assert.Empty(Offences(code));

    [Fact]
    public void Offences_NameTheLineOfTheChoice()
    {
        var offence = Assert.Single(Offences("// one\n// two\nvar t = language == Language.English ? \"Report\" : \"Rapport\";\n"));

        Assert.Equal(3, offence.Line);
    }

    /// <summary>Every inline text choice by language in <paramref name="code"/>, with its line (1-based) and text.</summary>
    internal static IReadOnlyList<(int Line, string Text)> Offences(string code)
    {
        var found = new List<Match>();
        found.AddRange(ConditionalOnLanguage().Matches(code).Where(m => !LocaleCode().IsMatch(m.Groups["text"].Value)));
        found.AddRange(SwitchArmOnLanguage().Matches(code).Where(m => !LocaleCode().IsMatch(m.Groups["text"].Value)));
        found.AddRange(SwitchOnLanguageComparison().Matches(code));
        foreach (Match flag in LanguageFlag().Matches(code))
        {
            var name = Regex.Escape(flag.Groups["name"].Value);
            var rest = code[(flag.Index + flag.Length)..];
            if (Regex.IsMatch(rest, $@"\b{name}\s*\?\s*\(?\s*[$@]?""") || Regex.IsMatch(rest, $@"\b{name}\s*\)\s*switch"))
            {
                found.Add(flag);
            }
        }

        return [.. found
            .Select(m => (Line: code.AsSpan(0, m.Index).Count('\n') + 1, Text: m.Value.Split('\n')[0].Trim()))
            .Distinct()
            .OrderBy(o => o.Line)];
    }
}
