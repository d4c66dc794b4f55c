namespace Trygg.Texts;

/// <summary>The language the bot answers in: Swedish unless the member's Teams speaks English.</summary>
public enum Language
{
    Swedish,
    English,
}
