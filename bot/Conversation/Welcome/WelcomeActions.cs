using Trygg.Cards;
using Trygg.Conversation.Languages;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Welcome;

/// <summary>
/// The welcome card's buttons. The features behind them are built in later steps; until then each
/// answers honestly, and the report button still tells the member what to do if something has happened.
/// </summary>
public sealed class WelcomeActions(IConversationStateStore state, ICardRenderer cards) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } =
        [WelcomeVerbs.Report, WelcomeVerbs.Question, WelcomeVerbs.Training, WelcomeVerbs.MyReports, WelcomeVerbs.Language, WelcomeVerbs.Guidance];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var texts = ComingSoonTexts.For(turn.Language);
        switch (turn.Action?.Verb)
        {
            case WelcomeVerbs.Report:
                replies.ContinueWith(FeatureVerbs.Report);
                break;
            case WelcomeVerbs.Question:
                replies.ShowText(turn, texts.Question);
                break;
            case WelcomeVerbs.Training:
                // Training status exists: the button shows it, with the course link and "Jag har genomfört".
                replies.ContinueWith(FeatureVerbs.Training);
                break;
            case WelcomeVerbs.MyReports:
                replies.ContinueWith(FeatureVerbs.MyReports);
                break;
            case WelcomeVerbs.Guidance:
                replies.ContinueWith(FeatureVerbs.Browse);
                break;
            case WelcomeVerbs.Language:
                await SwitchLanguageAsync(turn, replies, cancellationToken);
                break;
        }
    }

    private async Task SwitchLanguageAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var language = LanguageCodes.Parse(turn.Action?.Get("language")) ?? turn.Language;
        await state.UpdateAsync<MemberState>(
            MemberState.KeyFor(turn),
            current => (current ?? new MemberState()) with { ChosenLanguage = language },
            cancellationToken);
        replies.ShowCard(turn, WelcomeCard.For(language).Render(cards));
    }
}

/// <summary>What the buttons of features still being built say.</summary>
public sealed record ComingSoonTexts(string Question)
{
    public static ComingSoonTexts For(Language language) => LocalizedTexts.For<ComingSoonTexts>(language);
}
