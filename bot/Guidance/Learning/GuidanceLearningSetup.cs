using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Turns;

namespace Trygg.Guidance.Learning;

public static class GuidanceLearningSetup
{
    /// <summary>
    /// Learning from members' questions: the <c>guidancelearning</c> table, the approval service behind
    /// <see cref="IGuidanceLearning"/>, the poll that keeps every instance's index up to date
    /// (<see cref="GuidanceLearningOptions.PollInterval"/>) and the administrators' verbs. Called by AddGuidance.
    /// </summary>
    public static IServiceCollection AddGuidanceLearning(this IServiceCollection services)
    {
        services.AddOptions<GuidanceLearningOptions>()
            .BindConfiguration(GuidanceLearningOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ILearnedPairStore, TableLearnedPairStore>();
        services.AddSingleton<GuidanceLearning>();
        services.AddSingleton<IGuidanceLearning>(sp => sp.GetRequiredService<GuidanceLearning>());
        services.AddSingleton<LearningCards>();
        services.AddSingleton<ICardActionHandler, LearningActions>();
        services.AddHostedService<GuidanceLearningRefresh>();
        return services;
    }
}
