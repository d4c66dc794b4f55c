using Trygg.Conversation.Turns;

namespace Trygg.Conversation.Handover;

/// <summary>What the bot says when a private flow is started in a group chat or a channel, in both languages.</summary>
public sealed record HandoverTexts(string InGroup, string InGroupAcute, string Title, string Body, string Continue)
{
    public static readonly HandoverTexts Swedish = new(
        InGroup: "Det tar vi i vår privata chatt. Jag har skrivit till dig där.",
        InGroupAcute: "Är du i fara just nu: ring 112. Jag har skrivit till dig i vår privata chatt.",
        Title: "Vi fortsätter här",
        Body: "Här ser bara du vad vi skriver. Tryck på knappen när du vill fortsätta. Är du i fara: ring 112.",
        Continue: "Fortsätt");

    public static readonly HandoverTexts English = new(
        InGroup: "Let us take that in our private chat. I have written to you there.",
        InGroupAcute: "If you are in danger right now: call 112. I have written to you in our private chat.",
        Title: "Let us continue here",
        Body: "Only you can see what we write here. Press the button when you want to continue. If you are in danger: call 112.",
        Continue: "Continue");

    public static HandoverTexts For(Language language) => language == Language.English ? English : Swedish;
}
