namespace Trygg.Teams.Auth;

// Placeholder until the inbound authenticator lands.
public static class AuthSetup
{
    public static IHostApplicationBuilder AddInboundAuthentication(this IHostApplicationBuilder builder) => builder;
}
