using System.Text.Json.Nodes;

namespace Trygg.Organisations.Sources;

/// <summary>A profile source held in memory: what a table holds, changed by the test between refreshes.</summary>
internal sealed class FakeProfileSource : IProfileSource
{
    public IReadOnlyList<ProfileText> Texts { get; set; } = [];

    public Exception? Failure { get; set; }

    public string Description => "table 't'";

    public void Set(params JsonObject[] profiles) =>
        Texts = [.. profiles.Select(p => new ProfileText($"t/{p["id"]}", p.ToJsonString(), (string)p["id"]!))];

    public IReadOnlyList<ProfileText> Read() => Texts;

    public Task<IReadOnlyList<ProfileText>> ReadAsync(CancellationToken cancellationToken) =>
        Failure is null ? Task.FromResult(Texts) : Task.FromException<IReadOnlyList<ProfileText>>(Failure);
}
