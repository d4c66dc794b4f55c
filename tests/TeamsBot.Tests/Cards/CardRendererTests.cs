using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Trygg.Cards;

public sealed class CardRendererTests
{
    [Fact]
    public void Render_UnknownTemplate_ThrowsNamingTheResource()
    {
        var renderer = new CardRenderer();

        var e = Assert.Throws<TemplateException>(() => renderer.Render("Nowhere/Missing", new { }));

        Assert.Contains("Trygg.Nowhere.Cards.Missing.json", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Welcome")]
    [InlineData("/Welcome")]
    [InlineData("Conversation/")]
    public void Render_NameWithoutFeature_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>(() => new CardRenderer().Render(name, new { }));

    [Fact]
    public void Render_EmbeddedSamples_AreNotEmbedded()
    {
        var resources = typeof(CardRenderer).Assembly.GetManifestResourceNames();

        Assert.DoesNotContain(resources, r => r.Contains(".samples.", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AddCards_RegistersSingletonRenderer()
    {
        var builder = Host.CreateApplicationBuilder();

        builder.AddCards();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(services.GetRequiredService<ICardRenderer>(), services.GetRequiredService<ICardRenderer>());
    }

    [Fact]
    public void Render_Template_SerializesDataCamelCaseWithEnumsAsStrings()
    {
        var assembly = new FakeAssembly("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${userName} is ${state}"}]}""");
        var renderer = new CardRenderer(assembly);

        var card = renderer.Render("Demo/Hello", new HelloCard("Åsa \"${x}\"", DayOfWeek.Monday));

        Assert.Contains("\\u00C5sa \\u0022${x}\\u0022 is monday", card.Json, StringComparison.Ordinal);
        Assert.Equal("Trygg.Demo.Cards.Hello.json", assembly.LastRequested);
    }

    private sealed record HelloCard(string UserName, DayOfWeek State);

    private sealed class FakeAssembly(string json) : Assembly
    {
        public string? LastRequested { get; private set; }

        public override Stream? GetManifestResourceStream(string name)
        {
            LastRequested = name;
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        }

        public override string[] GetManifestResourceNames() => [];
    }
}
