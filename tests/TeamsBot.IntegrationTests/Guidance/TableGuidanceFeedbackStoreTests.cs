using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Testing;

namespace Trygg.Guidance;

public sealed class TableGuidanceFeedbackStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private readonly IHost _host = TryggServices.Build(azurite, AzuriteFixture.NewTablePrefix(), s => s.AddSingleton<IGuidanceFeedbackStore, TableGuidanceFeedbackStore>());

    private IGuidanceFeedbackStore Store => _host.Services.GetRequiredService<IGuidanceFeedbackStore>();

    public void Dispose() => _host.Dispose();

    private const string Tenant = "tenant-a";

    private static GuidanceFeedback Feedback(string org, string card, string question, bool helpful, int minutes, string tenant = Tenant) =>
        new(tenant, org, card, question, "alingsas-rutin-hot-hat-vald:1f3a9c2e", helpful, Noon.AddMinutes(minutes), Noon.AddMinutes(minutes + 1));

    [Fact]
    public async Task ListRecentNegative_NewestFirst_OnlyNej_OnlyThatOrganisation()
    {
        await Store.SaveAsync(Feedback("alingsas", "c1", "första", helpful: false, minutes: 1), default);
        await Store.SaveAsync(Feedback("alingsas", "c2", "hjälpte", helpful: true, minutes: 2), default);
        await Store.SaveAsync(Feedback("alingsas", "c3", "tredje", helpful: false, minutes: 3), default);
        await Store.SaveAsync(Feedback("goteborg", "c4", "annan kommun", helpful: false, minutes: 4), default);

        var listed = await Store.ListRecentNegativeAsync(Tenant, "alingsas", 10, default);

        Assert.Equal(["tredje", "första"], listed.Select(f => f.Question));
        Assert.All(listed, f => Assert.False(f.Helpful));
        Assert.Equal(Noon.AddMinutes(3), listed[0].AnsweredAt);
    }

    [Fact]
    public async Task Save_SameCardTwice_TheLaterPressWins()
    {
        await Store.SaveAsync(Feedback("alingsas", "c1", "ändrade mig", helpful: false, minutes: 1), default);
        await Store.SaveAsync(Feedback("alingsas", "c1", "ändrade mig", helpful: true, minutes: 1), default);

        Assert.Empty(await Store.ListRecentNegativeAsync(Tenant, "alingsas", 10, default));
    }

    [Fact]
    public async Task ListRecentNegative_Max_CutsTheList()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SaveAsync(Feedback("stockholm", $"c{i}", $"fråga {i}", helpful: false, minutes: i), default);
        }

        var listed = await Store.ListRecentNegativeAsync(Tenant, "stockholm", 2, default);

        Assert.Equal(["fråga 4", "fråga 3"], listed.Select(f => f.Question));
    }

    [Fact]
    public async Task Save_UnknownOrganisation_LongQuestionWithAwkwardCharacters_IsKeptCut()
    {
        var question = "Vad gäller #1 / \\ ? \"citat\" " + new string('x', 2000);

        await Store.SaveAsync(Feedback(string.Empty, "card/with#odd?chars", question, helpful: false, minutes: 0), default);

        var saved = Assert.Single(await Store.ListRecentNegativeAsync(Tenant, string.Empty, 10, default));
        Assert.Equal(TableGuidanceFeedbackStore.MaxQuestionLength, saved.Question.Length);
        Assert.StartsWith("Vad gäller #1 / \\ ? \"citat\"", saved.Question, StringComparison.Ordinal);
        Assert.Equal("card/with#odd?chars", saved.CardId);
    }

    [Fact]
    public async Task ListRecentNegative_SameOrganisationIdInAnotherTenant_IsNotListed()
    {
        await Store.SaveAsync(Feedback("alingsas", "c1", "vår fråga", helpful: false, minutes: 1), default);
        await Store.SaveAsync(Feedback("alingsas", "c2", "en annan tenants fråga", helpful: false, minutes: 2, tenant: "tenant-b"), default);

        var listed = await Store.ListRecentNegativeAsync(Tenant, "alingsas", 10, default);

        Assert.Equal(["vår fråga"], listed.Select(f => f.Question));
    }

    [Fact]
    public async Task GetAnswer_OnlyInItsTenantAndOrganisation_AndNeverListedAsFeedback()
    {
        var given = new GivenAnswer(Tenant, "alingsas", "card-1", "hur polisanmäler jag?", ["p1", "p2"], Noon);

        await Store.SaveAnswerAsync(given, default);

        var read = await Store.GetAnswerAsync(Tenant, "alingsas", "card-1", default);
        Assert.Equal((given.Question, given.AnsweredAt), (read!.Question, read.AnsweredAt));
        Assert.Equal(["p1", "p2"], read.PassageIds);
        Assert.Null(await Store.GetAnswerAsync("tenant-b", "alingsas", "card-1", default));
        Assert.Null(await Store.GetAnswerAsync(Tenant, "goteborg", "card-1", default));
        Assert.Empty(await Store.ListRecentNegativeAsync(Tenant, "alingsas", 10, default));
    }
}
