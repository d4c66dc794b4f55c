namespace Trygg.Cards;

public static class CardsSetup
{
    public static IHostApplicationBuilder AddCards(this IHostApplicationBuilder builder) => builder;
}
