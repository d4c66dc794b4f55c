namespace Trygg.Teams.Connector;

// Placeholder until the connector client lands.
public static class ConnectorSetup
{
    public static IHostApplicationBuilder AddConnector(this IHostApplicationBuilder builder) => builder;
}
