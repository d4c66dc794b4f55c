namespace Trygg.Cards;

public static class CardsSetup
{
    public static IHostApplicationBuilder AddCards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICardRenderer>(_ => new CardRenderer());
        return builder;
    }
}
