using Trygg.Conversation.Turns;

namespace Trygg.Review;

public static class ReviewSetup
{
    /// <summary>
    /// The annual review ("årsrapport 2026"): statistics, charts and shared report links. Needs the organisations,
    /// member profiles, shared documents, cards, the incidents (AddReporting) and the training records (AddTraining).
    /// </summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IReviewFacts, IncidentReviewFacts>();
        builder.Services.AddSingleton<ITrainingReviewFacts, TrainingReviewFacts>();
        builder.Services.AddSingleton<ICardActionHandler, ReviewActions>();
        return builder;
    }
}
