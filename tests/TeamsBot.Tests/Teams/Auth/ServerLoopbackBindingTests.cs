using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Trygg.Teams.Auth;

public sealed class ServerLoopbackBindingTests
{
    [Theory]
    [InlineData(true, "http://127.0.0.1:5000")]
    [InlineData(true, "http://127.0.0.2:5000")]
    [InlineData(true, "http://localhost:5000")]
    [InlineData(true, "https://LOCALHOST:5001")]
    [InlineData(true, "http://[::1]:5000")]
    [InlineData(true, "http://127.0.0.1:5000", "http://[::1]:5000")]
    [InlineData(false)]
    [InlineData(false, "http://*:5000")]
    [InlineData(false, "http://+:80")]
    [InlineData(false, "http://0.0.0.0:5000")]
    [InlineData(false, "http://[::]:5000")]
    [InlineData(false, "http://bot.example.com:5000")]
    [InlineData(false, "http://10.0.0.5:5000")]
    [InlineData(false, "http://127.0.0.1:5000", "http://0.0.0.0:5001")]
    [InlineData(false, "http://unix:/tmp/bot.sock")]
    [InlineData(false, "not an address")]
    public void ListensOnLoopbackOnly_ServerAddresses_Expected(bool expected, params string[] addresses)
    {
        var binding = new ServerLoopbackBinding(new FakeServer(addresses));

        Assert.Equal(expected, binding.ListensOnLoopbackOnly);
    }

    [Fact]
    public void ListensOnLoopbackOnly_NoAddressesFeature_False()
    {
        var binding = new ServerLoopbackBinding(new FakeServer(null));

        Assert.False(binding.ListensOnLoopbackOnly);
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(string[]? addresses)
        {
            if (addresses is not null)
            {
                var feature = new ServerAddressesFeature();
                foreach (var address in addresses)
                {
                    feature.Addresses.Add(address);
                }

                Features.Set<IServerAddressesFeature>(feature);
            }
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
