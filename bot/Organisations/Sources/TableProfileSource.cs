using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Trygg.Storage;

namespace Trygg.Organisations.Sources;

/// <summary>
/// The profiles as rows of the table <c>&lt;Storage:TablePrefix&gt;profiles</c>: partition "organisation", row key the
/// organisation id, column <c>Json</c> the profile as written. Operators write it with <c>profiles upload</c>
/// (<see cref="ProfilesCommand"/>), which checks every profile first, so a running bot changes profile without a deploy.
/// </summary>
internal sealed class TableProfileSource(TableServiceClient service, IOptions<StorageOptions> storage) : IProfileSource
{
    public const string LogicalName = "profiles";

    private const string Partition = "organisation";

    /// <summary>
    /// A Table string property holds at most 64 KiB, stored as UTF-16: 32,768 characters. The shipped profiles are 4-7 KB;
    /// a profile that outgrows this is refused on upload rather than cut.
    /// </summary>
    public const int MaxJsonLength = 32 * 1024;

    private TableClient Table => service.GetTableClient(TableName);

    public string TableName => storage.Value.TablePrefix + LogicalName;

    public string Description => $"table '{TableName}'";

    /// <summary>How a row is named in errors: "tryggprofiles/alingsas".</summary>
    public string NameOf(string id) => $"{TableName}/{id}";

    public IReadOnlyList<ProfileText> Read()
    {
        List<ProfileRow> rows;
        try
        {
            rows = [.. Table.Query<ProfileRow>(InPartition)];
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            rows = [];
        }
        catch (Exception e) when (e is RequestFailedException or Azure.Identity.AuthenticationFailedException or AggregateException)
        {
            // The bot does not start on profiles it could not read: the same storage holds its state, cases and outbox,
            // so a bot that cannot reach it could not serve anyway, and older profiles from the folder might send
            // reports to people who should no longer see them.
            throw new OrganisationProfileException(
                $"The organisation profiles could not be read from {Description} ({e.GetType().Name}: {e.Message}). Check {StorageOptions.Section}:{nameof(StorageOptions.TableEndpoint)} and the identity's access to Table storage, or set {OrganisationsOptions.Section}:{nameof(OrganisationsOptions.Source)} to Files.",
                e);
        }

        return Texts(rows);
    }

    public async Task<IReadOnlyList<ProfileText>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ProfileRow>();
        try
        {
            await foreach (var row in Table.QueryAsync<ProfileRow>(InPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            rows.Clear();
        }

        return Texts(rows);
    }

    /// <summary>
    /// Writes <paramref name="profiles"/> (already checked) by organisation id, replacing rows of the same id; rows of
    /// other organisations stay. Up to 100 rows go in one transaction, so a deployment of up to 100 organisations
    /// changes all at once or not at all.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<(string Id, string Json)> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var table = Table;
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in profiles.Chunk(100))
        {
            var actions = chunk.Select(p => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, new ProfileRow { PartitionKey = Partition, RowKey = p.Id, Json = p.Json }));
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string InPartition => TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");

    private List<ProfileText> Texts(List<ProfileRow> rows)
    {
        if (rows.Count == 0)
        {
            throw new OrganisationProfileException(
                $"The {Description} holds no organisation profiles: upload them with `dotnet Trygg.Bot.dll profiles upload <folder>`, or set {OrganisationsOptions.Section}:{nameof(OrganisationsOptions.Source)} to Files.");
        }

        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => new ProfileText(NameOf(r.RowKey), r.Json ?? "", r.RowKey))];
    }
}

/// <summary>One organisation profile in the table; <see cref="Json"/> is the profile as written, comments included.</summary>
internal sealed class ProfileRow : TableRow
{
    public string? Json { get; set; }
}
