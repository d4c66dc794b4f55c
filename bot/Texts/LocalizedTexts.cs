using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Trygg.Texts;

/// <summary>
/// A feature's typed texts built from its resources: <c>XTexts.resx</c> (Swedish, the neutral language) and
/// <c>XTexts.en.resx</c> next to <c>XTexts.cs</c>, one entry per parameter of the record's constructor, by name.
/// A list parameter is one entry with one line per item; a nested record's parameters are <c>Name.Parameter</c>;
/// a <see cref="Language"/> parameter is the language being built. A missing entry fails the first use of the
/// feature's texts (and the resource tests), never silently falls back to the other language.
/// </summary>
/// <remarks>To move one more feature: put its record's strings into the two .resx files and give the record
/// <c>public static XTexts For(Language language) =&gt; LocalizedTexts.For&lt;XTexts&gt;(language);</c>.</remarks>
public static class LocalizedTexts
{
    /// <summary>The culture whose resource set holds a language: Swedish is the neutral one.</summary>
    public static CultureInfo ResourceCulture(Language language) => language switch
    {
        Language.English => CultureInfo.GetCultureInfo("en"),
        _ => CultureInfo.InvariantCulture,
    };

    /// <summary>The resources of <paramref name="texts"/> (the type whose .resx files sit next to it).</summary>
    public static ResourceManager ResourcesOf(Type texts) => new(texts);

    /// <summary>Every entry of one language's resources, without falling back to another language.</summary>
    public static IReadOnlyDictionary<string, string> Entries(Type texts, Language language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var set = ResourcesOf(texts).GetResourceSet(ResourceCulture(language), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{texts.Name} has no {language} resources.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    /// <summary><typeparamref name="T"/> in <paramref name="language"/>, built from its resources once per language.</summary>
    public static T For<T>(Language language) where T : class => Cache<T>.ByLanguage[language];

    /// <summary>Builds <typeparamref name="T"/> in <paramref name="language"/> from its resources.</summary>
    public static T Load<T>(Language language) where T : class => Load<T>(language, typeof(T));

    /// <summary>Builds <typeparamref name="T"/> in <paramref name="language"/> from the resources named after <paramref name="resources"/>.</summary>
    public static T Load<T>(Language language, Type resources) where T : class =>
        (T)Build(typeof(T), typeof(T), "", Entries(resources, language), language);

    /// <summary>
    /// The label of an enum value (a report's choices, a status) from the resources of <paramref name="resources"/>, a
    /// class marked <see cref="EnumLabelsAttribute"/>: the entry <c>EnumName.Value</c>.
    /// </summary>
    public static string Label<TEnum>(Type resources, TEnum value, Language language) where TEnum : struct, Enum
    {
        var key = typeof(TEnum).Name + "." + value;
        return Labels.GetOrAdd((resources, language), k => Entries(k.Resources, k.Language)).TryGetValue(key, out var label)
            ? label
            : throw new InvalidOperationException($"{resources.Name} has no {language} label '{key}'.");
    }

    private static readonly ConcurrentDictionary<(Type Resources, Language Language), IReadOnlyDictionary<string, string>> Labels = new();

    private static object Build(Type owner, Type type, string prefix, IReadOnlyDictionary<string, string> entries, Language language)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => c.GetParameters() is not [var only] || only.ParameterType != type)
            .MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{type.Name} has no constructor to build texts with.");
        var arguments = constructor.GetParameters().Select(p => Argument(owner, p, prefix + p.Name, entries, language)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object Argument(Type owner, ParameterInfo parameter, string key, IReadOnlyDictionary<string, string> entries, Language language)
    {
        var type = parameter.ParameterType;
        if (type == typeof(Language))
        {
            return language;
        }

        if (type == typeof(string) || type == typeof(string[]) || type == typeof(IReadOnlyList<string>))
        {
            if (!entries.TryGetValue(key, out var text))
            {
                throw new InvalidOperationException($"{owner.Name} has no {language} text '{key}'.");
            }

            return type == typeof(string) ? text : text.Split('\n');
        }

        if (type.IsClass)
        {
            return Build(owner, type, key + ".", entries, language);
        }

        throw new InvalidOperationException($"{owner.Name}.{key} is a {type.Name}; texts are strings, lists of strings or records of them.");
    }

    private static class Cache<T> where T : class
    {
        public static readonly Dictionary<Language, T> ByLanguage = Enum.GetValues<Language>().ToDictionary(l => l, Load<T>);
    }
}

/// <summary>Marks a class whose resources label every value of these enums (<see cref="LocalizedTexts.Label"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EnumLabelsAttribute(params Type[] enums) : Attribute
{
    public IReadOnlyList<Type> Enums { get; } = enums;
}
