using Trygg.Cards;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Welcome;

/// <summary>Data of Conversation/Cards/Welcome.json.</summary>
public sealed record WelcomeCard(
    string Title,
    string Intro,
    string DangerTitle,
    string DangerText,
    string Prompt,
    IReadOnlyList<WelcomeButton> Buttons,
    string Footer,
    LanguageSwitch LanguageSwitch,
    string Call112)
{
    public const string Template = "Conversation/Welcome";

    public static WelcomeCard For(Language language)
    {
        var t = WelcomeTexts.For(language);
        return new WelcomeCard(
            t.Title,
            t.Intro,
            t.DangerTitle,
            t.DangerText,
            t.Prompt,
            [
                new(t.Report, WelcomeVerbs.Report),
                new(t.Question, WelcomeVerbs.Question),
                new(t.Guidance, WelcomeVerbs.Guidance),
                new(t.Training, WelcomeVerbs.Training),
                new(t.MyReports, WelcomeVerbs.MyReports),
            ],
            t.Footer,
            new LanguageSwitch(t.SwitchLanguage, t.SwitchLanguageCode),
            t.Call112);
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }
}

public sealed record WelcomeButton(string Title, string Verb);

public sealed record LanguageSwitch(string Title, string Language);

public static class LanguageCodes
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static Language? Parse(string? code) => code switch
    {
        Swedish => Trygg.Texts.Language.Swedish,
        English => Trygg.Texts.Language.English,
        _ => null,
    };
}

/// <summary>The welcome card's words. Short sentences: the reader may be frightened and on a phone.</summary>
public sealed record WelcomeTexts(
    string Title,
    string Intro,
    string DangerTitle,
    string DangerText,
    string Prompt,
    string Report,
    string Question,
    string Training,
    string MyReports,
    string Footer,
    string Guidance,
    string SwitchLanguage,
    string SwitchLanguageCode,
    string Call112)
{
    public static WelcomeTexts For(Language language) => LocalizedTexts.For<WelcomeTexts>(language);
}
