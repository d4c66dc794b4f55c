using Trygg.Bench;

// `floor --urls URL`: the baseline endpoint, run as its own process by the harness.
// Otherwise: the whole benchmark; prints one JSON object on stdout, progress on stderr.
if (args.Length > 0 && args[0] == "floor")
{
    await FloorEndpoint.RunAsync(args[1..]);
    return 0;
}

var options = BenchOptions.Parse(args);
var result = await Harness.RunAsync(options);
Console.WriteLine(result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
return 0;
