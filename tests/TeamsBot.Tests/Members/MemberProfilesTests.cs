using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Members;

public sealed class MemberProfilesTests
{
    private static Turn TurnOf(string? aadObjectId) =>
        new(TurnKind.Message, "tenant", "conv", ConversationScope.Personal, new Participant("29:teams-id", aadObjectId, "Bo"), Language.Swedish, DateTimeOffset.UnixEpoch);

    [Fact]
    public void KeyOf_EntraIdKnown_UsesIt() =>
        Assert.Equal(new MemberKey("tenant", "aad-1"), new MemberProfiles(new InMemoryMemberProfileStore()).KeyOf(TurnOf("aad-1")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void KeyOf_NoEntraId_ThrowsInsteadOfKeyingOnTeamsId(string? aadObjectId) =>
        Assert.Throws<InvalidOperationException>(() => new MemberProfiles(new InMemoryMemberProfileStore()).KeyOf(TurnOf(aadObjectId)));

    [Fact]
    public async Task GetAsync_Saved_ReturnsTheMembersProfile()
    {
        var store = new InMemoryMemberProfileStore();
        var profile = new MemberProfile("alingsas", "Moderaterna", MemberRole.Fritidspolitiker, [], null, "Bo", null, DateTimeOffset.UnixEpoch);
        store.Profiles[new MemberKey("tenant", "aad-1")] = profile;
        var profiles = new MemberProfiles(store);

        Assert.Same(profile, await profiles.GetAsync(TurnOf("aad-1"), default));
        Assert.Null(await profiles.GetAsync(TurnOf("aad-2"), default));
    }
}
