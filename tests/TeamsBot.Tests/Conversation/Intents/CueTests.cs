namespace Trygg.Conversation.Intents;

public sealed class CueTests
{
    [Theory]
    [InlineData("*hot*", "hotad", true)]
    [InlineData("*hot*", "hotbrev", true)]
    [InlineData("*hot*", "dödshot", true)]
    [InlineData("*hot*", "photo", false)]
    [InlineData("*hot* -hotell", "hotell", false)]
    [InlineData("*hot* -hotell", "cykelhotell", false)]
    [InlineData("trakas*", "trakkaserad", true)]
    [InlineData("anmäl*", "animal", false)]
    [InlineData("trakass*", "trakaserad", true)]
    [InlineData("hot*", "hotad", true)]
    [InlineData("hot*", "dödshot", false)]
    [InlineData("utbildning", "utbildnng", true)]
    [InlineData("brinner", "brinnner", true)]
    [InlineData("still", "till", false)]
    [InlineData("nasty", "nästa", false)]
    public void IsIn_Token_MatchesByPattern(string pattern, string token, bool expected)
    {
        var folded = IntentRecognizer.Fold(token);

        Assert.Equal(expected, Cue.Parse(pattern).IsIn([folded]));
    }

    [Theory]
    [InlineData("står utanför", "han står utanför nu", true)]
    [InlineData("står utanför", "han står inte utanför", false)]
    [InlineData("vet var ? bor", "de vet var jag bor", true)]
    [InlineData("ta|tar sig in", "någon tar sig in", true)]
    public void IsIn_Phrase_MatchesConsecutiveTokens(string pattern, string text, bool expected)
    {
        var tokens = IntentRecognizer.Fold(text).Split(' ');

        Assert.Equal(expected, Cue.Parse(pattern).IsIn(tokens));
    }

    [Theory]
    [InlineData("hotad", "hotad", 0)]
    [InlineData("hotad", "hoatd", 1)]
    [InlineData("kniv", "kinv", 1)]
    [InlineData("trakas", "trakkas", 1)]
    [InlineData("anmal", "animal", 1)]
    [InlineData("hotad", "hatade", 2)]
    public void Distance_Words_CountsEditsAndSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, Typo.Distance(a, b));
    }
}
