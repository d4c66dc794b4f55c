using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Eval;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Routing;
using Trygg.Routing.Delivery;
using Trygg.Storage;
using Trygg.Teams;
using Trygg.Teams.Health;

// `eval intents FILE` and friends score the bot's components without starting the web host.
if (await EvalCommand.TryRunAsync(args, Console.Out, Console.Error) is { } evalExitCode)
{
    return evalExitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddHealthAndLogging();
builder.AddStorage();
builder.AddCards();
builder.AddTeams();
builder.AddOrganisations();
builder.AddMembers();
builder.AddReporting();
builder.AddDelivery();
builder.AddConversation();

var app = builder.Build();

app.MapHealth();
app.MapTeams();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the real app.</summary>
public partial class Program;
