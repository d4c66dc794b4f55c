using System.Text.RegularExpressions;
using Trygg.Testing;

namespace Trygg.Architecture;

/// <summary>
/// Features never see the protocol: only bot/Teams (the protocol layer and the web front door with its health endpoints)
/// may use HTTP, JWT or wire types. Program.cs is the composition root.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Allowed = ["Teams"];

    [GeneratedRegex(@"\b(Microsoft\.AspNetCore\.Http|System\.Net\.Http|Microsoft\.IdentityModel|System\.IdentityModel|Trygg\.Teams\.Wire|HttpContext|HttpClient|JsonWebToken|JwtSecurityToken)\b")]
    private static partial Regex ProtocolTypes();

    [Fact]
    public void FeatureFolders_DoNotReferenceHttpJwtOrWireTypes()
    {
        var botDir = RepoPaths.Combine("bot");
        var offenders = Directory.EnumerateFiles(botDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(botDir, f);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                return relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Allowed.Contains(top);
            })
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(botDir, f), Line: i + 1, Text: line)))
            .Where(x => ProtocolTypes().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Protocol types outside bot/Teams:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Guard_WouldCatchAnOffender()
    {
        Assert.Matches(ProtocolTypes(), "using Microsoft.AspNetCore.Http;");
        Assert.Matches(ProtocolTypes(), "var x = new Trygg.Teams.Wire.Activity();");
        Assert.DoesNotMatch(ProtocolTypes(), "using Trygg.Conversation.Turns;");
    }
}
