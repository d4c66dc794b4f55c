using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Conversation.Languages;

/// <summary>The language policy through /api/messages, from a Teams client that speaks English (en-US), as many laptops do.</summary>
public sealed class LanguagePolicyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "en-US" };
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Message_SwedishFromAnEnglishClient_AsksTheSafetyQuestionInSwedish()
    {
        var reply = await SayAsync("jag har blivit hotad");

        Assert.Contains("Är du i säkerhet just nu?", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Are you safe", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_SwedishGreetingFromAnEnglishClient_WelcomesInSwedish()
    {
        var reply = await SayAsync("hej");

        Assert.Contains("Vad vill du göra?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_EnglishFromASwedishClient_AnswersInEnglish()
    {
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "sv-SE" };

        var reply = await SayAsync("I have been threatened");

        Assert.Contains("Are you safe right now?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_TooShortToTell_KeepsTheLanguageTheMemberLastWrote()
    {
        await SayAsync("hej");

        var reply = await SayAsync("ok");

        // Every reply names 112; the English ones say "call 112".
        Assert.Contains("112", reply, StringComparison.Ordinal);
        Assert.DoesNotMatch("[Cc]all 112", reply);
    }

    [Fact]
    public async Task Message_InEnglish_SwitchesConfirmsAndIsRemembered()
    {
        var confirmation = await SayAsync("in english");
        var reply = await SayAsync("jag har blivit hotad");

        Assert.Contains("I will write in English", confirmation, StringComparison.Ordinal);
        // What the bot can do follows the confirmation, in the language just chosen.
        Assert.Contains("Hi! I'm Trygg.", confirmation, StringComparison.Ordinal);
        Assert.True(confirmation.IndexOf("I will write in English", StringComparison.Ordinal) < confirmation.IndexOf("Hi! I'm Trygg.", StringComparison.Ordinal));
        Assert.Contains("Are you safe right now?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_PaSvenska_SwitchesBackAndIsRememberedOverTheEnglishClient()
    {
        await SayAsync("english");

        var confirmation = await SayAsync("på svenska");
        var reply = await SayAsync("help");

        Assert.Contains("skriver jag på svenska", confirmation, StringComparison.Ordinal);
        Assert.Contains("Vad vill du göra?", reply, StringComparison.Ordinal);
    }

    /// <summary>Sends <paramref name="text"/> and returns everything the bot answered to it, cards as their text.</summary>
    private async Task<string> SayAsync(string text)
    {
        var before = _bot.Connector.Messages.Count;
        await _bot.PostAsync(_bot.Activities.Message(text));
        await _bot.Connector.WaitForMessageAsync(m => _bot.Connector.Messages.Count > before);
        return string.Join('\n', _bot.Connector.Messages.Skip(before).Select(Text));
    }

    private static string Text(JsonNode message) =>
        CardJson.CardOf(message) is { } card ? CardJson.TextOf(card) : message["text"]?.GetValue<string>() ?? "";
}
