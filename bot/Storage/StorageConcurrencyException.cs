namespace Trygg.Storage;

/// <summary>An optimistic update kept losing to concurrent writers and gave up after a bounded number of attempts.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException()
    {
    }

    public StorageConcurrencyException(string message)
        : base(message)
    {
    }

    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
