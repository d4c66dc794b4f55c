using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Teams.Health;
using Trygg.Storage;
using Trygg.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddHealthAndLogging();
builder.AddStorage();
builder.AddCards();
builder.AddTeams();
builder.AddConversation();

var app = builder.Build();

app.MapHealth();
app.MapTeams();

app.Run();

/// <summary>Entry point; public so integration tests can host the real app.</summary>
public partial class Program;
