using System.Text.Json;
using Trygg.Conversation.Turns;
using Trygg.Teams;
using Trygg.Teams.Wire;
using Trygg.Texts;

namespace Trygg.Teams;

public sealed class ActivityTranslatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, WireJson.Options)!;

    [Fact]
    public void ToTurn_ChannelMessageWithBotMention_RemovesOnlyTheBotMention()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>Trygg</at> hjälp <at>Kim</at>","recipient":{"id":"28:bot"},
             "from":{"id":"29:u","aadObjectId":"aad-1","name":"Alex"},
             "conversation":{"id":"19:c@thread.tacv2;messageid=1","conversationType":"channel"},
             "channelData":{"tenant":{"id":"t1"},"team":{"id":"team-1"},"channel":{"id":"19:c@thread.tacv2"}},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Trygg"},"text":"<at>Trygg</at>"},
                         {"type":"mention","mentioned":{"id":"29:kim","name":"Kim"},"text":"<at>Kim</at>"}]}
            """);

        var turn = ActivityTranslator.ToTurn(activity, Now);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("hjälp <at>Kim</at>", turn.Text);
        Assert.Equal(ConversationScope.Channel, turn.Scope);
        Assert.Equal("t1", turn.TenantId);
        Assert.Equal("team-1", turn.TeamId);
        Assert.Equal("19:c@thread.tacv2", turn.ChannelId);
        Assert.Equal("aad-1", turn.User.AadObjectId);
    }

    [Fact]
    public void ToTurn_MentionEntityWithoutText_RemovesAtName()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>Trygg</at> hej","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Trygg"}}]}
            """);

        Assert.Equal("hej", ActivityTranslator.ToTurn(activity, Now).Text);
    }

    [Fact]
    public void ToTurn_MessageWithValueAndNoText_IsCardSubmitWithVerbAndInputs()
    {
        var activity = Parse("""
            {"type":"message","replyToId":"card-9","value":{"verb":"welcome.report","phone":"070-123 45 67","count":3,"msteams":{"type":"messageBack"}}}
            """);

        var turn = ActivityTranslator.ToTurn(activity, Now);

        Assert.Equal(TurnKind.CardSubmit, turn.Kind);
        Assert.Equal("welcome.report", turn.Action!.Verb);
        Assert.Equal("070-123 45 67", turn.Action.Get("phone"));
        Assert.Equal("3", turn.Action.Get("count"));
        Assert.False(turn.Action.Data.ContainsKey("verb"));
        Assert.False(turn.Action.Data.ContainsKey("msteams"));
        Assert.Equal("card-9", turn.ReplyToId);
    }

    [Fact]
    public void ToTurn_AdaptiveCardActionInvoke_IsCardExecute()
    {
        var activity = Parse("""
            {"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"welcome.language","data":{"language":"en"}}}}
            """);

        var turn = ActivityTranslator.ToTurn(activity, Now);

        Assert.Equal(TurnKind.CardExecute, turn.Kind);
        Assert.Equal("welcome.language", turn.Action!.Verb);
        Assert.Equal("en", turn.Action.Get("language"));
    }

    [Theory]
    [InlineData("""{"type":"installationUpdate","action":"add"}""", TurnKind.Installed)]
    [InlineData("""{"type":"installationUpdate","action":"add-upgrade"}""", TurnKind.Installed)]
    [InlineData("""{"type":"installationUpdate","action":"remove"}""", TurnKind.Uninstalled)]
    [InlineData("""{"type":"conversationUpdate","locale":"sv-SE","recipient":{"id":"28:bot"},"membersAdded":[{"id":"28:bot"}]}""", TurnKind.Installed)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"28:bot"}]}""", TurnKind.Other)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:other"}]}""", TurnKind.MembersAdded)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersRemoved":[{"id":"28:bot"}]}""", TurnKind.Uninstalled)]
    [InlineData("""{"type":"conversationUpdate","channelData":{"eventType":"channelRenamed"}}""", TurnKind.Other)]
    [InlineData("""{"type":"messageReaction","reactionsAdded":[{"type":"like"}]}""", TurnKind.Reaction)]
    [InlineData("""{"type":"event","name":"something"}""", TurnKind.Other)]
    [InlineData("""{"type":"invoke","name":"task/fetch"}""", TurnKind.Other)]
    public void ToTurn_LifecycleActivities_MapToKinds(string json, TurnKind expected)
    {
        Assert.Equal(expected, ActivityTranslator.ToTurn(Parse(json), Now).Kind);
    }

    [Theory]
    [InlineData("en-US", Language.English)]
    [InlineData("en-GB", Language.English)]
    [InlineData("sv-SE", Language.Swedish)]
    [InlineData(null, Language.Swedish)]
    [InlineData("fi-FI", Language.Swedish)]
    public void LanguageOf_Locale_SwedishUnlessEnglish(string? locale, Language expected)
    {
        Assert.Equal(expected, ActivityTranslator.LanguageOf(locale));
    }

    [Fact]
    public void TenantOf_PrefersChannelDataTenant()
    {
        var activity = Parse("""{"type":"message","conversation":{"id":"c","tenantId":"conv-tenant"},"channelData":{"tenant":{"id":"cd-tenant"}}}""");
        Assert.Equal("cd-tenant", ActivityTranslator.TenantOf(activity));
        Assert.Equal("conv-tenant", ActivityTranslator.TenantOf(Parse("""{"type":"message","conversation":{"id":"c","tenantId":"conv-tenant"}}""")));
    }
}
