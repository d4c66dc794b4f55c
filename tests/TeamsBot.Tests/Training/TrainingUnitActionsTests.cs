using SkiaSharp;

namespace Trygg.Training;

public sealed class TrainingUnitActionsTests
{
    [Fact]
    public void PercentTicks_StopAt100()
    {
        Assert.Equal(100, TrainingUnitActions.PercentTicks.Max());
        Assert.Equal(0, TrainingUnitActions.PercentTicks.Min());
    }

    [Fact]
    public void Chart_AllDone_NothingDrawnAtTheRightEdge()
    {
        var png = TrainingUnitActions.Chart([("Socialdemokraterna", 12, 12), ("Moderaterna", 3, 4), ("Centerpartiet", 0, 2)], "Andel klara per parti");

        using var bitmap = SKBitmap.Decode(png);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "trygg-training-chart.png"), png);
        Assert.Equal(0, Enumerable.Range(0, bitmap.Height).Count(y => bitmap.GetPixel(bitmap.Width - 3, y).Red < 200));
    }
}
