using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;
using Trygg.Guidance.Learning;

namespace Trygg.Guidance;

public static partial class GuidanceSetup
{
    /// <summary>
    /// Questions answered from the guidance: the corpus (<see cref="GuidanceOptions.CorpusPath"/>) indexed once at
    /// start, the answer and feedback cards, and the <c>guidancefeedback</c> table. Needs storage (AddStorage), cards
    /// (AddCards), the organisations (AddOrganisations) and member profiles (AddMembers).
    /// </summary>
    public static IHostApplicationBuilder AddGuidance(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GuidanceOptions>()
            .BindConfiguration(GuidanceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => BuildIndex(
            sp.GetRequiredService<IOptions<GuidanceOptions>>().Value.CorpusPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<GuidanceIndex>()));
        services.AddSingleton(sp => new LearnedIndexes(sp.GetRequiredService<GuidanceIndex>()));
        services.AddSingleton(sp => new GuidanceSearch(
            sp.GetRequiredService<GuidanceIndex>(), sp.GetRequiredService<LearnedIndexes>(), sp.GetRequiredService<GuidanceTopics>().TopicOf));
        services.AddSingleton<GuidanceCards>();
        services.TryAddSingleton<IGuidanceFeedbackStore, TableGuidanceFeedbackStore>();
        services.AddSingleton<ICardActionHandler, GuidanceActions>();
        services.AddSingleton(sp => GuidanceTopics.Load(
            sp.GetRequiredService<IOptions<GuidanceOptions>>().Value.CorpusPath, sp.GetRequiredService<GuidanceIndex>().Passages));
        services.AddSingleton<BrowseCards>();
        services.AddSingleton<ICardActionHandler, BrowseActions>();
        services.AddGuidanceLearning();
        services.AddHostedService<GuidanceStartupCheck>();
        return builder;
    }

    private static GuidanceIndex BuildIndex(string corpusPath, ILogger logger)
    {
        var watch = Stopwatch.StartNew();
        var passages = GuidanceCorpus.Load(corpusPath);
        var index = new GuidanceIndex(passages);
        var documents = passages.Select(p => p.DocumentId).Distinct().Count();
        LogIndexed(logger, passages.Count, documents, watch.ElapsedMilliseconds);
        return index;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance indexed: {Passages} passages from {Documents} documents in {Milliseconds} ms")]
    private static partial void LogIndexed(ILogger logger, int passages, int documents, long milliseconds);
}

/// <summary>Builds the index while the host starts: a missing corpus stops the bot there, and the first question is not slow.</summary>
internal sealed class GuidanceStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<GuidanceIndex>();
        _ = services.GetRequiredService<GuidanceTopics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
