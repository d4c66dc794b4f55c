using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Trygg.Storage;

public sealed class StorageOptionsValidatorTests
{
    private static readonly StorageOptionsValidator Validator = new();

    [Fact]
    public void Validate_ConnectionStringOnly_Succeeds()
    {
        Assert.True(Validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }).Succeeded);
    }

    [Fact]
    public void Validate_TableEndpointOnly_Succeeds()
    {
        var options = new StorageOptions { TableEndpoint = new Uri("https://trygg.table.core.windows.net"), ManagedIdentityClientId = "client-id" };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_Neither_FailsNamingBothSettings()
    {
        var result = Validator.Validate(null, new StorageOptions { ConnectionString = " " });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:TableEndpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Both_FailsNamingBothSettings()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TableEndpoint = new Uri("https://trygg.table.core.windows.net") };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:TableEndpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1trygg")]
    [InlineData("trygg-test")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijX")]
    public void Validate_BadTablePrefix_FailsNamingTheSetting(string prefix)
    {
        var result = Validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix });

        Assert.True(result.Failed);
        Assert.Contains("Storage:TablePrefix", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeEndpoint_FailsNamingTheSetting()
    {
        var result = Validator.Validate(null, new StorageOptions { TableEndpoint = new Uri("/tables", UriKind.Relative) });

        Assert.True(result.Failed);
        Assert.Contains("Storage:TableEndpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AppsettingsWithEmptyStorageSettings_RefusesToStartNamingTheSettings()
    {
        // The shipped appsettings.json has both settings present but empty.
        using var host = BuildHost(new() { ["Storage:ConnectionString"] = "", ["Storage:TableEndpoint"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:TableEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TableEndpointFromConfiguration_IsAnAbsoluteUri()
    {
        using var host = BuildHost(new() { ["Storage:TableEndpoint"] = "https://trygg.table.core.windows.net", ["Storage:ConnectionString"] = "" });

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(new Uri("https://trygg.table.core.windows.net"), options.TableEndpoint);
        Assert.Equal("trygg", options.TablePrefix);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        return builder.Build();
    }
}
