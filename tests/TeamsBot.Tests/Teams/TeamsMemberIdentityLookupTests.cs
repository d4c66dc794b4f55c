using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Trygg.Members;
using Trygg.Teams.Connector;
using Trygg.Teams.Wire;
using Trygg.Conversation.References;

namespace Trygg.Teams;

public sealed class TeamsMemberIdentityLookupTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly Mock<IConversationReferenceStore> _references = new();
    private readonly Mock<IConnectorClient> _connector = new();

    public TeamsMemberIdentityLookupTests() =>
        _references.Setup(r => r.GetAsync("tenant", "conv", It.IsAny<CancellationToken>())).ReturnsAsync(new ConversationReference(
            "tenant", "conv", "personal", ServiceUrl, "msteams", "28:bot", "Trygg", "29:u", "aad", "Anna", null, null, "sv-SE", DateTimeOffset.UnixEpoch));

    private TeamsMemberIdentityLookup Lookup => new(_references.Object, _connector.Object, NullLogger<TeamsMemberIdentityLookup>.Instance);

    private void Returns(TeamsChannelAccount? member) =>
        _connector.Setup(c => c.GetMemberAsync(ServiceUrl, "conv", "29:u", It.IsAny<CancellationToken>())).ReturnsAsync(member);

    [Fact]
    public async Task FindAsync_MemberWithEmail_ReturnsNameAndEmail()
    {
        Returns(new TeamsChannelAccount { Name = "Anna Andersson", Email = "anna@alingsas.se", UserPrincipalName = "anna.upn@alingsas.se" });

        Assert.Equal(new MemberIdentity("Anna Andersson", "anna@alingsas.se"), await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }

    [Fact]
    public async Task FindAsync_NoEmail_FallsBackToUserPrincipalName()
    {
        Returns(new TeamsChannelAccount { Name = "Anna Andersson", UserPrincipalName = "anna.upn@alingsas.se" });

        Assert.Equal(new MemberIdentity("Anna Andersson", "anna.upn@alingsas.se"), await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }

    [Fact]
    public async Task FindAsync_NoDisplayName_BuildsItFromGivenNameAndSurname()
    {
        Returns(new TeamsChannelAccount { GivenName = "Anna", Surname = "Andersson" });

        Assert.Equal(new MemberIdentity("Anna Andersson", null), await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }

    [Fact]
    public async Task FindAsync_MemberNotInConversation_ReturnsNull()
    {
        Returns(null);

        Assert.Null(await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }

    [Fact]
    public async Task FindAsync_NoConversationReference_ReturnsNullWithoutCallingTeams()
    {
        Assert.Null(await Lookup.FindAsync("tenant", "other-conv", "29:u", default));
        _connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task FindAsync_ConnectorFails_ReturnsNull()
    {
        _connector.Setup(c => c.GetMemberAsync(ServiceUrl, "conv", "29:u", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("forbidden", 403, "BotNotInConversationRoster"));

        Assert.Null(await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }

    [Fact]
    public async Task FindAsync_UntrustedServiceUrl_ReturnsNull()
    {
        _connector.Setup(c => c.GetMemberAsync(ServiceUrl, "conv", "29:u", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UntrustedServiceUrlException(ServiceUrl));

        Assert.Null(await Lookup.FindAsync("tenant", "conv", "29:u", default));
    }
}
