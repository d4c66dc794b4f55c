using Trygg.Conversation;

namespace Trygg.Privacy;

public sealed class PrivacyCommandsTests
{
    [Theory]
    [InlineData("vilka uppgifter har ni om mig")]
    [InlineData("Vilka uppgifter har ni om mig?")]
    [InlineData("vad vet ni om mig")]
    [InlineData("mina uppgifter")]
    [InlineData("What data do you have about me?")]
    [InlineData("my data")]
    public void AskingWhatIsStored_IsTheMyDataCommand(string text)
    {
        Assert.Equal(FeatureVerbs.MyData, Commands.Match(text));
    }

    [Theory]
    [InlineData("radera uppgifter Anna Andersson", "Anna Andersson")]
    [InlineData("Radera uppgifter anna@alingsas.example", "anna@alingsas.example")]
    [InlineData("erase data Anna Andersson", "Anna Andersson")]
    public void EraseWithAName_IsTheEraseCommand_WithTheNameAsArgument(string text, string argument)
    {
        var match = Commands.MatchWithArgument(text);

        Assert.Equal(new CommandMatch(FeatureVerbs.EraseData, argument), match);
    }

    [Fact]
    public void ASentenceAboutData_IsNotACommand()
    {
        Assert.Null(Commands.Match("han lade ut mina uppgifter på nätet"));
    }
}
