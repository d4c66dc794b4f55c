using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trygg.Storage;

/// <summary>How report content is serialized into a table property.</summary>
internal static class TableJson
{
    /// <summary>
    /// A string property holds at most 64 KiB (32 K UTF-16 characters). A report is at most a few thousand
    /// characters of text; this leaves ample room and fails clearly instead of at the service.
    /// </summary>
    public const int MaxPropertyLength = 32 * 1024;

    /// <summary>
    /// Web defaults, enums by name (stable if members are reordered, readable in Storage Explorer) and non-ASCII
    /// kept as is: the default encoder writes 'å' as six characters. The JSON is never embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value, string what)
    {
        var json = JsonSerializer.Serialize(value, Options);
        return json.Length <= MaxPropertyLength
            ? json
            : throw new InvalidOperationException(
                $"The {what} is {json.Length} characters as JSON; at most {MaxPropertyLength} fit in a table property.");
    }

    public static T Deserialize<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidOperationException($"The stored {what} is empty.");
}
