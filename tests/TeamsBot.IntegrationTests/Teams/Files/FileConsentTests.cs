using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Teams.Files;

/// <summary>
/// A file with personal data (the training list names members) reaches only the staff member who asked, through Teams'
/// file consent flow in their own chat: never a link, and nobody else's "Allow" gets it.
/// </summary>
public sealed class FileConsentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Staff = "00000000-0000-0000-0000-0000000000020"; // Alex Wilber: security staff in every shipped profile
    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);

        // The training status names members, so it is shown only in the organisation's registered security channel.
        await _bot.RegisterSecurityChannelAsync(Staff);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TrainingList_GoesToTheAskersChat_OnlyTheAskerCanTakeIt_Once()
    {
        await _bot.App.Services.GetRequiredService<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, Guid.NewGuid().ToString()),
            new MemberProfile("alingsas", "Moderaterna", MemberRole.SarskiltArvoderad, ["kf"], null, "Hemlig Ledamot", null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        _bot.Connector.Clear();

        var asker = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Staff, ConversationId = "19:security@thread.tacv2" };
        await _bot.PostAsync(asker.ChannelMessage("utbildningsstatus"));
        var offer = await _bot.Connector.WaitForMessageAsync(r => TryggBot.OfferedFile(r.Body!) is not null);

        // The offer is in a 1:1 chat, not the channel, and names the file without any link to it.
        Assert.False(offer.ConversationId!.StartsWith("19:security", StringComparison.Ordinal));
        Assert.DoesNotContain("/documents/", offer.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hemlig Ledamot", offer.Body!.ToJsonString(), StringComparison.Ordinal);
        var channelCard = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(r => r.ConversationId?.StartsWith("19:security", StringComparison.Ordinal) == true && CardJson.CardOf(r.Body!) is not null)).Body!)!;
        Assert.Null(channelCard["actions"]);

        // Someone else pressing Allow with the same card data gets nothing uploaded.
        var other = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = "00000000-0000-0000-0000-0000000000099" };
        Assert.Null(await _bot.AcceptOfferedFileAsync(other, ".csv"));

        var csv = await _bot.AcceptOfferedFileAsync(new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Staff }, ".csv");
        Assert.Contains("Hemlig Ledamot,Moderaterna,SarskiltArvoderad,notDone", csv, StringComparison.Ordinal);
        await _bot.Connector.WaitForMessageAsync(r => r.Body?["attachments"]?[0]?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.info");

        // Uploaded once, then forgotten.
        Assert.Null(await _bot.AcceptOfferedFileAsync(new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Staff }, ".csv"));
    }
}
