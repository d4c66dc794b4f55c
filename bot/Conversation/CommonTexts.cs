using Trygg.Conversation.Turns;

namespace Trygg.Conversation;

/// <summary>Short texts shared by several flows, in both languages.</summary>
public sealed record CommonTexts(string UnknownAction, string NotUnderstood, string TryAgain, string Unidentified)
{
    public static readonly CommonTexts Swedish = new(
        UnknownAction: "Den knappen fungerar inte längre. Skriv **hjälp** så visar jag vad du kan göra.",
        NotUnderstood: "Jag förstod inte riktigt. "
            + "**Är du i fara: ring 112.** Har något hänt: skriv **rapportera**, och polisanmäl via **114 14**. "
            + "Skriv **hjälp** för att se vad jag kan göra.",
        TryAgain: "Något gick fel hos mig. Försök igen om en stund. Är du i fara: ring 112.",
        Unidentified: "Jag kan inte se vem du är här, så jag kan inte hjälpa dig med det. "
            + "Skriv till mig i Teams med ditt jobbkonto. Är du i fara: ring 112.");

    public static readonly CommonTexts English = new(
        UnknownAction: "That button no longer works. Write **help** and I will show you what you can do.",
        NotUnderstood: "I did not quite understand. "
            + "**If you are in danger: call 112.** If something has happened: write **report**, and report it to the police on **114 14**. "
            + "Write **help** to see what I can do.",
        TryAgain: "Something went wrong on my side. Please try again in a moment. If you are in danger: call 112.",
        Unidentified: "I cannot see who you are here, so I cannot help you with that. "
            + "Write to me in Teams with your work account. If you are in danger: call 112.");

    public static CommonTexts For(Language language) => language == Language.English ? English : Swedish;
}
