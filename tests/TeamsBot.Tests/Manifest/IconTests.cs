using Trygg.Testing;

namespace Trygg.Manifest;

/// <summary>Teams' icon rules: a 192x192 colour icon, and a 32x32 outline icon that is white on transparent.</summary>
public sealed class IconTests
{
    private static Png Load(string name) => Png.Decode(File.ReadAllBytes(RepoPaths.Combine("manifest", name)));

    [Fact]
    public void ColorIcon_Is192x192_OpaqueAndInTheAccentColour()
    {
        var icon = Load("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.Equal((0x1B, 0x4F, 0x72, 255), ((int)icon[0, 0].R, (int)icon[0, 0].G, (int)icon[0, 0].B, (int)icon[0, 0].A));
        Assert.Contains(icon.Pixels(), p => p is { R: 255, G: 255, B: 255 }); // the shield
    }

    [Fact]
    public void OutlineIcon_Is32x32_WhiteOnTransparent()
    {
        var icon = Load("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel);
        var pixels = icon.Pixels().ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), ((int)p.R, (int)p.G, (int)p.B)));
        Assert.Equal(0, icon[0, 0].A);
        Assert.Equal(0, icon[31, 31].A);
        var transparent = pixels.Count(p => p.A == 0);
        var drawn = pixels.Count(p => p.A == 255);
        Assert.InRange(transparent, 32 * 32 / 2, 32 * 32 - 50); // mostly see-through, yet a visible shape
        Assert.True(drawn >= 50, $"only {drawn} solid pixels");
    }

    [Fact]
    public void Decoder_RejectsACorruptedFile()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Combine("manifest", "outline.png"));
        bytes[40] ^= 0xFF;

        Assert.Throws<InvalidDataException>(() => Png.Decode(bytes));
    }
}
