namespace Trygg.Hosting;

public static class HostingSetup
{
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapHealth(this WebApplication app) => app;
}
