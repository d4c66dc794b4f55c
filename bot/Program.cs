using Trygg.Cards;
using Trygg.Cases.Delivery;
using Trygg.Contacts;
using Trygg.Conversation;
using Trygg.Eval;
using Trygg.EvidenceFiles;
using Trygg.Guidance;
using Trygg.Hosting;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Organisations.Sources;
using Trygg.Outbox;
using Trygg.Privacy;
using Trygg.Reporting;
using Trygg.Review;
using Trygg.Storage;
using Trygg.Storage.Documents;
using Trygg.Teams;
using Trygg.Teams.Graph;
using Trygg.Teams.Health;
using Trygg.Training;

// `eval intents FILE` and friends score the bot's components without starting the web host.
if (await EvalCommand.TryRunAsync(args, Console.Out, Console.Error) is { } evalExitCode)
{
    return evalExitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddClock();
builder.AddHealthAndLogging();
builder.AddStorage();
builder.AddSharedDocuments();
builder.AddCards();
builder.AddTeams();
builder.AddOrganisations();
builder.AddMembers();
builder.AddGraphDirectory();
builder.AddOutbox();
builder.AddReporting();
builder.AddEvidence();
builder.AddDelivery();
builder.AddGuidance();
builder.AddTraining();
builder.AddReview();
builder.AddPrivacy();
builder.AddContacts();
builder.AddConversation();

// `eval turns FILE` runs first messages through everything registered above, against an in-memory Azurite.
await using var turnsEval = await TurnsEval.PrepareAsync(args, builder);
var app = builder.Build();
if (turnsEval is not null)
{
    return await turnsEval.RunAsync(app.Services, Console.Out, Console.Error);
}

// `profiles upload FOLDER` checks organisation profiles as the bot does, then writes them to the profile table.
if (await ProfilesCommand.TryRunAsync(args, app.Services, Console.Out, Console.Error) is { } profilesExitCode)
{
    return profilesExitCode;
}

app.MapHealth();
app.MapTeams();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the real app.</summary>
public partial class Program;
