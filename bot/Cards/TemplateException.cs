namespace Trygg.Cards;

/// <summary>
/// A card template could not be parsed or expanded: unknown function, malformed expression, or a runtime error
/// such as a type mismatch. Always a template bug (or data the template does not guard against), never user input.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
