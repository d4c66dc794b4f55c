using Trygg.Cards;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;

namespace Trygg.Conversation.Welcome;

/// <summary>
/// The welcome card's buttons. The features behind them are built in later steps; until then each
/// answers honestly, and the report button still tells the member what to do if something has happened.
/// </summary>
public sealed class WelcomeActions(IConversationStateStore state, ICardRenderer cards) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } =
        [WelcomeVerbs.Report, WelcomeVerbs.Question, WelcomeVerbs.Training, WelcomeVerbs.MyReports, WelcomeVerbs.Language];

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
                replies.SendText(texts.Question);
                break;
            case WelcomeVerbs.Training:
                replies.SendText(texts.Training);
                break;
            case WelcomeVerbs.MyReports:
                replies.ContinueWith(FeatureVerbs.MyReports);
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
        var card = WelcomeCard.For(language).Render(cards);
        if (turn.Kind == TurnKind.CardExecute)
        {
            replies.ReplaceCard(card);
        }
        else
        {
            replies.SendCard(card);
        }
    }
}

/// <summary>What the buttons of features still being built say.</summary>
public sealed record ComingSoonTexts(string Report, string Question, string Training, string MyReports)
{
    public static readonly ComingSoonTexts Swedish = new(
        Report: "Snart kan du rapportera händelser här. Tills dess:\n\n"
            + "- **Är du i fara: ring 112.**\n"
            + "- Polisanmäl via **114 14** och säg att du är förtroendevald.\n"
            + "- Berätta för kommunens säkerhetsenhet och ditt partis säkerhetsansvarig.\n"
            + "- Spara allt: meddelanden, skärmbilder, datum och tid.",
        Question: "Snart kan jag svara på frågor om din säkerhet, med stöd i kommunens riktlinjer. Tills dess: fråga kommunens säkerhetsenhet.",
        Training: "Snart ser du här vilken säkerhetsutbildning du ska gå och om du har gjort den.",
        MyReports: "Snart ser du här dina rapporter och vad som har hänt med dem.");

    public static readonly ComingSoonTexts English = new(
        Report: "Soon you will be able to report incidents here. Until then:\n\n"
            + "- **If you are in danger: call 112.**\n"
            + "- Report it to the police on **114 14** and say that you are an elected official.\n"
            + "- Tell the municipality's security unit and your party's security officer.\n"
            + "- Keep everything: messages, screenshots, dates and times.",
        Question: "Soon I will answer questions about your safety from the municipality's guidance. Until then, ask the municipality's security unit.",
        Training: "Soon you will see here which security training you should take and whether you have done it.",
        MyReports: "Soon you will see your reports here and what has happened with them.");

    public static ComingSoonTexts For(Language language) => language == Language.English ? English : Swedish;
}
