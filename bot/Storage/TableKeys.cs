using System.Globalization;
using System.Text;

namespace Trygg.Storage;

/// <summary>
/// The one place that turns our ids into PartitionKey/RowKey values. Tables forbids <c>/ \ # ?</c> and control
/// characters in keys and caps them at 1 KiB; Teams ids (<c>19:abc@thread.tacv2;messageid=1</c>, <c>a:1xyz</c>)
/// are otherwise fine, so the encoding keeps them readable and escapes only what could hurt.
/// </summary>
/// <remarks>
/// Encoding: letters, digits (any script) and <c>- _ . : @ ; = ,</c> stay as they are; every other ASCII or
/// control character becomes <c>~XX</c> (two upper-case hex digits). That also escapes <c>%</c>, <c>'</c> and
/// <c>+</c>, which survive the Tables protocol in theory but have tripped tools and emulators in practice, and
/// <see cref="Separator"/>, so composite keys split unambiguously.
/// </remarks>
internal static class TableKeys
{
    /// <summary>Tables stores keys as UTF-16; 1 KiB is 512 UTF-16 code units.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Joins the encoded parts of a composite key; never appears inside an encoded part.</summary>
    public const char Separator = '|';

    private const char Escape = '~';

    /// <summary>Reversibly encode one id for use in (part of) a key.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEncoding(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(value, i))
                {
                    throw new ArgumentException("The value contains an unpaired surrogate and cannot be stored as a key.", nameof(value));
                }

                builder.Append(c).Append(value[++i]);
            }
            else if (KeepsAsIs(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The inverse of <see cref="Encode"/>.</summary>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains(Escape, StringComparison.Ordinal))
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c != Escape)
            {
                builder.Append(c);
                continue;
            }

            if (i + 2 >= encoded.Length
                || !int.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{encoded}' is not an encoded key: '{Escape}' must be followed by two hex digits.");
            }

            builder.Append((char)code);
            i += 2;
        }

        return builder.ToString();
    }

    /// <summary>Encode each part and join them with <see cref="Separator"/>; validated as a whole key.</summary>
    public static string Compose(params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            builder.Append(Encode(parts[i]));
        }

        return Validate(builder.ToString());
    }

    /// <summary>The decoded parts of a key built by <see cref="Compose"/>.</summary>
    public static string[] Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.ConvertAll(key.Split(Separator), Decode);
    }

    /// <summary>A key of one encoded id; validated.</summary>
    public static string From(string value) => Validate(Encode(value));

    /// <summary>
    /// Fails with <see cref="ArgumentException"/> if <paramref name="key"/> holds a character Tables forbids or
    /// is longer than <see cref="MaxKeyLength"/>; returns it unchanged otherwise. For keys built by hand
    /// (a constant prefix plus encoded parts).
    /// </summary>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"A table key may be at most {MaxKeyLength} characters (1 KiB); this one has {key.Length}: '{key[..40]}...'.", nameof(key));
        }

        foreach (var c in key)
        {
            if (IsForbidden(c))
            {
                throw new ArgumentException(
                    $"A table key may not contain '/', '\\', '#', '?' or control characters (found U+{(int)c:X4}); use TableKeys.Encode.", nameof(key));
            }
        }

        return key;
    }

    /// <summary>A RowKey fragment that sorts newest first: ticks counted down from <see cref="DateTimeOffset.MaxValue"/>, fixed width.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The inverse of <see cref="InvertedTicks"/> (UTC).</summary>
    public static DateTimeOffset FromInvertedTicks(string invertedTicks)
    {
        ArgumentNullException.ThrowIfNull(invertedTicks);
        var ticks = long.Parse(invertedTicks, NumberStyles.None, CultureInfo.InvariantCulture);
        return new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - ticks, TimeSpan.Zero);
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (!KeepsAsIs(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool KeepsAsIs(char c) =>
        c < 0x80
            ? char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' or ';' or '=' or ','
            : !char.IsControl(c) && !char.IsSurrogate(c);
}
