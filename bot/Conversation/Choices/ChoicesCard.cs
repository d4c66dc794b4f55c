using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Choices;

/// <summary>
/// Data of Conversation/Cards/Choices.json: what the member can do next, as buttons, with 112 one tap away (tel:).
/// No dead ends: every offer reports, asks or shows the member's own contacts.
/// </summary>
public sealed record ChoicesCard(string Title, string Text, IReadOnlyList<ChoiceButton> Buttons, string Call112)
{
    public const string Template = "Conversation/Choices";

    /// <summary>
    /// Data key on the guidance's ask: the member told of something that happened to them, and the offer to report it
    /// waits last in the turn (<see cref="Told"/>). When the guidance has nothing, it sends that offer first instead.
    /// </summary>
    public const string ToldKey = "told";

    /// <summary>Nothing was asked (thanks, an emoji): report, ask a question, or the organisation's contacts.</summary>
    public static ChoicesCard NothingAsked(Language language)
    {
        var t = ChoicesTexts.For(language);
        return new ChoicesCard(t.NothingAskedTitle, t.NothingAskedText,
            [new(t.Report, FeatureVerbs.Report), new(t.Ask, FeatureVerbs.Ask), new(t.Contact, FeatureVerbs.Contacts)], t.Call112);
    }

    /// <summary>After the guidance's help for something that happened: report it with the member's own words as the description.</summary>
    public static ChoicesCard Told(Language language, string words)
    {
        var t = ChoicesTexts.For(language);
        return new ChoicesCard(t.ToldTitle, t.ToldText,
            [new(t.ReportThis, FeatureVerbs.Report, words), new(t.Contact, FeatureVerbs.Contacts)], t.Call112);
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }
}

/// <param name="Description">The member's words, carried to the report form as its description; empty for other buttons.</param>
public sealed record ChoiceButton(string Title, string Verb, string Description = "");
