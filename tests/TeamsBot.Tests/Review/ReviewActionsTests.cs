using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Members;
using Trygg.Storage.Documents;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Review;

public sealed class ReviewActionsTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Staff = "00000000-0000-0000-0000-0000000000020";       // Alex Wilber: security staff everywhere
    private const string SocialDemocratOfficer = "00000000-0000-0000-0000-0000000000021"; // Megan Bowen
    private const string Member = "00000000-0000-0000-0000-0000000000099";
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();

    private readonly Mock<IReviewFacts> _facts = new();
    private readonly Mock<ITrainingReviewFacts> _training = new();
    private readonly InMemoryDocuments _documents = new();
    private readonly InMemoryPrivateFiles _files = new();
    private readonly TurnReplies _replies = new();

    public ReviewActionsTests()
    {
        _facts.Setup(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, It.IsAny<ReviewPeriod>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewDocumentsTests.SampleYear());
        _training.Setup(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, It.IsAny<ReviewPeriod>(), It.IsAny<string?>(), It.IsAny<DateOnly>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewDocumentsTests.SampleTraining());
    }

    private const string Team = "team-1";
    private const string Channel = "19:abc@thread.tacv2";

    private readonly InMemorySecurityChannels _channels = new();

    private ReviewActions Actions()
    {
        foreach (var organisation in Shipped.All.Where(o => _channels.Channels.All(c => c.OrganisationId != o.Id)))
        {
            // Each organisation's security channel is registered, Alingsås' being the one these turns are written in.
            var channel = organisation.Id == "alingsas" ? Channel : $"19:{organisation.Id}@thread.tacv2";
            _channels.Channels.Add(new(Tenant, organisation.Id, Team, channel, Staff, Now));
        }

        return new(Shipped, Mock.Of<IMemberProfiles>(), _facts.Object, _training.Object, _documents,
            new PrivateFileSender(_files, _files, new FakeTimeProvider(Now)), _channels, new CardRenderer(), new FakeTimeProvider(Now));
    }

    private static Turn Ask(string aad, ConversationScope scope, string? argument, Language language = Language.Swedish) =>
        new(TurnKind.Message, Tenant, scope == ConversationScope.Channel ? Channel : "a:1", scope, new Participant("29:x", aad, "N N"), language, Now)
        {
            TeamId = scope == ConversationScope.Channel ? Team : null,
            ChannelId = scope == ConversationScope.Channel ? Channel : null,
            Action = new CardAction(FeatureVerbs.AnnualReview, argument is null ? [] : new Dictionary<string, string?> { [Commands.ArgumentKey] = argument }),
        };

    private string OnlyText() => Assert.IsType<Reply.Text>(Assert.Single(_replies.Replies)).Value;

    private string OnlyCardJson() => Assert.Single(_replies.Replies.OfType<Reply.Card>()).Value.Json;

    private JsonNode OnlyCard() => JsonNode.Parse(OnlyCardJson())!;

    [Fact]
    public async Task SecurityStaff_InAChannel_GetTheWholeOrganisationWithChartLinks_AndTheFilesInTheirOwnChat()
    {
        await Actions().HandleAsync(Ask(Staff, ConversationScope.Channel, "2026"), _replies, CancellationToken.None);

        var card = OnlyCard();
        var json = OnlyCardJson();
        Assert.Equal("Årsuppföljning 2026", (string?)card["body"]![0]!["text"]);
        Assert.Contains("alla partier", (string?)card["body"]![1]!["text"], StringComparison.Ordinal);
        Assert.Equal(2, card["body"]!.AsArray().Count(e => (string?)e!["type"] == "Image" && ((string?)e["url"])!.StartsWith("https://trygg.example/documents/", StringComparison.Ordinal)));
        Assert.Equal(2, _documents.Shared.Count);
        Assert.All(_documents.Shared, d => Assert.Equal("image/png", d.ContentType)); // only charts by link
        Assert.Null(card["actions"]);
        Assert.Equal([".csv", ".html"], _files.Kept.Select(f => Path.GetExtension(f.FileName)).Order(StringComparer.Ordinal));
        Assert.All(_files.Kept, f => Assert.Equal((Tenant, Staff), (f.TenantId, f.OwnerAadObjectId)));
        Assert.Equal(2, _files.Offered.Count(o => o.User == Staff));
        Assert.Contains("din egen chatt med Trygg", Assert.Single(_replies.Replies.OfType<Reply.Text>()).Value, StringComparison.Ordinal);
        _facts.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, ReviewPeriod.Year(2026), null, It.IsAny<CancellationToken>()));
        Assert.True(json.Length < 28_000, $"the card must stay well within Teams' message size, was {json.Length} characters");
    }

    [Fact]
    public async Task TheCard_ShowsTrainingCompletionPerCycle_AndTheCsvCarriesIt()
    {
        await Actions().HandleAsync(Ask(Staff, ConversationScope.Channel, "2026"), _replies, CancellationToken.None);

        var facts = OnlyCard()["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("22 av 40 klara (55 %)", (string?)facts.Single(f => (string?)f!["title"] == "Säkerhetsutbildning för förtroendevalda 2026-2030")!["value"]);
        _training.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, ReviewPeriod.Year(2026), null, new DateOnly(2027, 1, 20), It.IsAny<CancellationToken>()));
        var csv = System.Text.Encoding.UTF8.GetString(_files.Kept.Single(d => d.FileName.EndsWith(".csv", StringComparison.Ordinal)).Content);
        Assert.Contains("mandatperiod,2026-2030,2026-10-15,2030-10-14,total,total,40,22,18,4,18,55", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartySecurityOfficer_GetsTheirOwnPartyOnly()
    {
        await Actions().HandleAsync(Ask(SocialDemocratOfficer, ConversationScope.Personal, "2026"), _replies, CancellationToken.None);

        Assert.Contains("Socialdemokraterna", (string?)OnlyCard()["body"]![1]!["text"], StringComparison.Ordinal);
        _facts.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, It.IsAny<ReviewPeriod>(), "Socialdemokraterna", It.IsAny<CancellationToken>()));
        _facts.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), It.IsAny<string>(), It.IsAny<ReviewPeriod>(), null, It.IsAny<CancellationToken>()), Times.Never);
        _training.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), Tenant, It.IsAny<ReviewPeriod>(), "Socialdemokraterna", It.IsAny<DateOnly>(), It.IsAny<CancellationToken>()));
        _training.Verify(f => f.LoadAsync(It.IsAny<Organisation>(), It.IsAny<string>(), It.IsAny<ReviewPeriod>(), null, It.IsAny<DateOnly>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(Member, ConversationScope.Personal)]
    [InlineData(Member, ConversationScope.Channel)]
    public async Task AMember_GetsNothingButAPoliteNo(string aad, ConversationScope scope)
    {
        await Actions().HandleAsync(Ask(aad, scope, "2026"), _replies, CancellationToken.None);

        Assert.Contains("säkerhetsenheten", OnlyText(), StringComparison.Ordinal);
        _facts.VerifyNoOtherCalls();
        _training.VerifyNoOtherCalls();
        Assert.Empty(_documents.Shared);
        Assert.Empty(_files.Kept);
    }

    [Fact]
    public async Task SecurityStaff_InTheirPersonalChat_AreSentToTheChannel()
    {
        await Actions().HandleAsync(Ask(Staff, ConversationScope.Personal, "2026"), _replies, CancellationToken.None);

        Assert.Contains("säkerhetskanalen", OnlyText(), StringComparison.Ordinal);
        _facts.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AnUnreadablePeriod_IsExplainedInTheMembersLanguage()
    {
        await Actions().HandleAsync(Ask(Staff, ConversationScope.Channel, "last year", Language.English), _replies, CancellationToken.None);

        Assert.Contains("annual report 2026", OnlyText(), StringComparison.Ordinal);
        _facts.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("årsrapport 2026", "2026")]
    [InlineData("Årsrapport", null)]
    [InlineData("arsrapport 2026-01-01..2026-06-30", "2026-01-01..2026-06-30")]
    [InlineData("annual report 2025", "2025")]
    public void Command_CarriesThePeriodAsWritten(string text, string? argument)
    {
        var match = Commands.MatchWithArgument(text);

        Assert.NotNull(match);
        Assert.Equal(FeatureVerbs.AnnualReview, match.Verb);
        Assert.Equal(argument, match.Argument);
    }

    private sealed class InMemoryPrivateFiles : IPrivateFiles, IFileOffers
    {
        public List<PrivateFile> Kept { get; } = [];

        public List<(string User, FileOffer Offer)> Offered { get; } = [];

        public Task<string> KeepAsync(PrivateFile file, CancellationToken cancellationToken)
        {
            Kept.Add(file);
            return Task.FromResult(Kept.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        public Task<PrivateFile?> GetAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken) =>
            Task.FromResult<PrivateFile?>(null);

        public Task DeleteAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> DeleteForOrganisationAsync(string tenantId, string organisationId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task OfferAsync(string tenantId, string userAadObjectId, FileOffer offer, CancellationToken cancellationToken)
        {
            Offered.Add((userAadObjectId, offer));
            return Task.CompletedTask;
        }
    }

    private sealed class InMemoryDocuments : ISharedDocuments
    {
        public List<SharedDocument> Shared { get; } = [];

        public Task<Uri> ShareAsync(string fileName, string contentType, byte[] content, TimeSpan lifetime, CancellationToken cancellationToken)
        {
            Shared.Add(new SharedDocument(fileName, contentType, content, Now.Add(lifetime)));
            return Task.FromResult(new Uri($"https://trygg.example/documents/{Shared.Count}"));
        }

        public Task<SharedDocument?> OpenAsync(string token, CancellationToken cancellationToken) => Task.FromResult<SharedDocument?>(null);
    }
}
