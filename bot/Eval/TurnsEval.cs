using System.Text.Json;
using System.Text.Json.Serialization;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Guidance;
using Trygg.Members;
using Trygg.Teams;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Eval;

/// <summary>
/// <c>eval turns FILE</c>: each text as the first message of a new member of the given organisation, through the real
/// turn pipeline (every registration of Program.cs, the router, the features, storage in an in-memory Azurite started
/// and stopped here) with an English (en-US) Teams client. Prints [ { id, action, language, passages } ] and nothing
/// else to stdout; the action is read from what the bot sent (see <see cref="TurnActions"/>).
/// </summary>
internal sealed class TurnsEval : IAsyncDisposable
{
    private const string TenantId = "00000000-0000-0000-0000-00000000e7a1";
    private const string ClientLocale = "en-US";
    private const string DefaultOrganisation = "alingsas";

    /// <summary>An answer card shows the answer and at most two "Läs också"; a suggest card every passage it kept.</summary>
    private const int AnswerShows = 3;

    private readonly LocalTables _tables;
    private readonly string _path;
    private readonly RecordingRenderer _renderer = new(new CardRenderer());

    private TurnsEval(LocalTables tables, string path)
    {
        _tables = tables;
        _path = path;
    }

    /// <summary>
    /// Null unless the arguments are <c>eval turns FILE</c>. Otherwise starts the tables and points the app at them,
    /// sends logs to stderr, and records the cards the features render. Call after every registration, before Build.
    /// </summary>
    public static async Task<TurnsEval?> PrepareAsync(string[] args, WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(builder);
        if (args is not ["eval", "turns", var file])
        {
            return null;
        }

        var path = EvalCommand.Resolve(file) ?? throw new FileNotFoundException($"file not found: {file}");
        var tables = await LocalTables.StartAsync(CancellationToken.None);
        var eval = new TurnsEval(tables, path);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = tables.ConnectionString,
            ["Storage:TablePrefix"] = "eval",
            ["Bot:AppId"] = string.Empty,
            ["Privacy:RunInBackground"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ICardRenderer>(eval._renderer);
        return eval;
    }

    /// <summary>True for <c>eval turns ...</c>: the host is built for it, so the other eval commands leave it alone.</summary>
    public static bool IsTurns(string[] args) => args is ["eval", "turns", ..];

    public async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (await EvalCommand.ReadAsync<TurnInput>(_path, "{ \"id\", \"text\", \"organisation\"? }", stderr) is not { } inputs)
        {
            return 2;
        }

        var router = services.GetRequiredService<TurnRouter>();
        var profiles = services.GetRequiredService<IMemberProfileStore>();
        var organisations = services.GetRequiredService<IOrganisationDirectory>();
        var feedback = services.GetRequiredService<IGuidanceFeedbackStore>();
        var index = services.GetRequiredService<GuidanceIndex>();
        var time = services.GetRequiredService<TimeProvider>();

        var results = new List<TurnOutput>();
        foreach (var input in inputs)
        {
            var organisationId = string.IsNullOrWhiteSpace(input.Organisation) ? DefaultOrganisation : input.Organisation;
            if (organisations.Find(organisationId) is not { } organisation)
            {
                await stderr.WriteLineAsync($"{input.Id}: no organisation profile '{organisationId}'");
                return 2;
            }

            var member = Guid.NewGuid().ToString();
            await profiles.SaveAsync(
                new MemberKey(TenantId, member),
                new MemberProfile(organisation.Id, organisation.Parties[0], MemberRole.Fritidspolitiker, [organisation.Bodies[0].Id], null, "Eval Member", null, time.GetUtcNow()),
                CancellationToken.None);

            _renderer.Rendered.Clear();
            var replies = new TurnReplies();
            await router.RouteAsync(EvalActivities.PersonalMessage(member, input.Text ?? string.Empty, ClientLocale, TenantId, time.GetUtcNow()), replies, CancellationToken.None);

            var sent = replies.Replies.OfType<Reply.Card>().Select(c => c.Value).ToList();
            // In the order the member saw them: a feature may render a card to send last before the one shown first
            // (a told incident renders "Rapportera det här" before the guidance's card).
            var shown = sent.SelectMany(card => _renderer.Rendered.Where(r => r.Card == card).Take(1)).ToList();
            var action = TurnActions.Of(shown.Select(s => (s.Template, s.Card)));
            var passages = action is "answer" or "suggest" ? await ShownPassagesAsync(shown, feedback, index, organisation.Id) : [];
            var language = LanguageOf(replies);
            results.Add(new TurnOutput(input.Id ?? string.Empty, action, language, passages));

            // For tuning: what the member read first, on stderr (stdout stays the JSON alone).
            await stderr.WriteLineAsync($"{input.Id} {action} {language}: {FirstReplyText(replies)}");
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(results, EvalCommand.Json));
        return 0;
    }

    public ValueTask DisposeAsync() => _tables.DisposeAsync();

    /// <summary>
    /// The passages the guidance's answer or suggest card showed: the ones GuidanceActions kept on the server under the
    /// card's id (the answer and "Läs också", or the suggestions), so a rejected or filtered passage is never printed.
    /// </summary>
    private static async Task<IReadOnlyList<PassageOutput>> ShownPassagesAsync(
        IReadOnlyList<(string Template, AdaptiveCard Card, object? Data)> shown, IGuidanceFeedbackStore feedback, GuidanceIndex index, string organisationId)
    {
        var (cardId, shows) = shown.Select(s => s.Data switch
        {
            AnswerCard answer => ((string?)answer.Feedback.Card, AnswerShows),
            SuggestCard suggest => (suggest.Card, int.MaxValue),
            _ => (null, 0),
        }).FirstOrDefault(c => !string.IsNullOrEmpty(c.Item1));
        if (cardId is null || await feedback.GetAnswerAsync(TenantId, organisationId, cardId, CancellationToken.None) is not { } given)
        {
            return [];
        }

        return [.. given.PassageIds.Take(shows).Select(index.Find).OfType<GuidancePassage>().Select(PassageOutput.From)];
    }

    /// <summary>The language of the first thing the bot said.</summary>
    private static string LanguageOf(TurnReplies replies)
    {
        switch (replies.Replies.Count > 0 ? replies.Replies[0] : null)
        {
            case Reply.Card card:
                var (body, buttons) = TurnActions.Texts(card.Value, withChoices: false);
                return ReplyLanguage.Of(body, buttons);
            case Reply.Text text:
                return ReplyLanguage.Of([text.Value], []);
            default:
                return "sv";
        }
    }

    private static string FirstReplyText(TurnReplies replies) => (replies.Replies.Count > 0 ? replies.Replies[0] : null) switch
    {
        Reply.Card card when TurnActions.Texts(card.Value) is var (body, buttons) => string.Join(" / ", body) + " [" + string.Join(" / ", buttons) + "]",
        Reply.Text text => text.Value,
        _ => string.Empty,
    };

    /// <summary>The real renderer, remembering each card and its template so the eval can tell what was shown.</summary>
    private sealed class RecordingRenderer(ICardRenderer inner) : ICardRenderer
    {
        public List<(string Template, AdaptiveCard Card, object? Data)> Rendered { get; } = [];

        public AdaptiveCard Render<TData>(string templateName, TData data)
        {
            var card = inner.Render(templateName, data);
            Rendered.Add((templateName, card, data));
            return card;
        }
    }

    private sealed record TurnInput(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("organisation")] string? Organisation);

    private sealed record TurnOutput(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("language")] string Language,
        [property: JsonPropertyName("passages")] IReadOnlyList<PassageOutput> Passages);
}
