using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Trygg.Members.Directory;
using Trygg.Organisations;
using Trygg.Organisations.Roles;

namespace Trygg.Teams.Graph;

/// <summary>
/// <see cref="IDirectory"/> over Microsoft Graph v1.0. Transient failures (429, 503, 504) are retried by the Graph
/// SDK's own retry handler, honouring Retry-After; that handler is the only retry layer. Logs carry status and
/// error codes only: ids, names and addresses identify people.
/// </summary>
internal sealed partial class GraphDirectory(
    GraphServiceClient client,
    IOptions<GraphOptions> options,
    ILogger<GraphDirectory> logger) : IDirectory, IGroupMembers
{
    private static readonly string[] UserFields = ["id", "displayName", "userPrincipalName", "mail"];

    /// <summary>Graph's page size limit for members; fewer round trips for a large party group.</summary>
    private const int MembersPageSize = 999;

    private readonly GraphOptions _options = options.Value;
    private string? _catalogAppId = string.IsNullOrWhiteSpace(options.Value.TeamsAppId) ? null : options.Value.TeamsAppId.Trim();

    public async Task<DirectoryUser?> FindUserAsync(string tenantId, string idOrUserPrincipalName, CancellationToken cancellationToken)
    {
        EnsureTenant(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrUserPrincipalName);
        try
        {
            var user = await client.Users[idOrUserPrincipalName.Trim()]
                .GetAsync(request => request.QueryParameters.Select = UserFields, cancellationToken)
                .ConfigureAwait(false);
            return user is null ? null : ToDirectoryUser(user);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            LogUserNotFound();
            return null;
        }
        catch (Exception e) when (IsGraphFailure(e, cancellationToken))
        {
            throw Fail("Looking up a user", e);
        }
    }

    public async Task<AppInstallOutcome> InstallAppForUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        EnsureTenant(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var catalogAppId = await GetCatalogAppIdAsync(cancellationToken).ConfigureAwait(false);
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{BaseUrl}/appCatalogs/teamsApps/{catalogAppId}",
            },
        };

        try
        {
            await client.Users[userId.Trim()].Teamwork.InstalledApps
                .PostAsync(installation, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            LogInstalled();
            return AppInstallOutcome.Installed;
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            LogAlreadyInstalled();
            return AppInstallOutcome.AlreadyInstalled;
        }
        catch (Exception e) when (IsGraphFailure(e, cancellationToken))
        {
            throw Fail("Installing Trygg for a user", e);
        }
    }

    public async IAsyncEnumerable<DirectoryUser> ListGroupMembersAsync(
        string tenantId, string groupId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EnsureTenant(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var users = client.Groups[groupId.Trim()].Members.GraphUser;
        var pages = UsersAsync(
            () => users.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = UserFields;
                    request.QueryParameters.Top = MembersPageSize;
                },
                cancellationToken),
            next => users.WithUrl(next).GetAsync(cancellationToken: cancellationToken),
            cancellationToken);
        await foreach (var member in pages.ConfigureAwait(false))
        {
            yield return member;
        }
    }

    /// <summary>The users in a role group, directly or through nested groups (<c>transitiveMembers/microsoft.graph.user</c>).</summary>
    public async Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var users = client.Groups[groupId.Trim()].TransitiveMembers.GraphUser;
        var pages = UsersAsync(
            () => users.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = UserFields;
                    request.QueryParameters.Top = MembersPageSize;
                },
                cancellationToken),
            next => users.WithUrl(next).GetAsync(cancellationToken: cancellationToken),
            cancellationToken);
        var result = new List<StaffPerson>();
        await foreach (var user in pages.ConfigureAwait(false))
        {
            result.Add(new StaffPerson(user.DisplayName ?? user.Mail ?? user.UserPrincipalName ?? user.Id!, user.Id!, null, user.Mail));
        }

        return result;
    }

    /// <summary>Every page of a user listing; a next link is followed only to Graph itself, since it carries our bearer token.</summary>
    private async IAsyncEnumerable<DirectoryUser> UsersAsync(
        Func<Task<UserCollectionResponse?>> first,
        Func<string, Task<UserCollectionResponse?>> following,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await GetPageAsync(first, cancellationToken).ConfigureAwait(false);
        var pages = 1;
        while (true)
        {
            foreach (var user in page?.Value ?? [])
            {
                if (ToDirectoryUser(user) is { } member)
                {
                    yield return member;
                }
            }

            var next = page?.OdataNextLink;
            if (string.IsNullOrEmpty(next))
            {
                LogMembersListed(pages);
                yield break;
            }

            if (!next.StartsWith(BaseUrl + "/", StringComparison.OrdinalIgnoreCase))
            {
                throw new DirectoryException("Listing group members: Graph's next page link points outside the configured Graph:BaseUrl.");
            }

            page = await GetPageAsync(() => following(next), cancellationToken).ConfigureAwait(false);
            pages++;
        }
    }

    private string BaseUrl => _options.BaseUrl.AbsoluteUri.TrimEnd('/');

    private async Task<UserCollectionResponse?> GetPageAsync(Func<Task<UserCollectionResponse?>> get, CancellationToken cancellationToken)
    {
        try
        {
            return await get().ConfigureAwait(false);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new DirectoryException("Listing group members: the group does not exist.", inner: e);
        }
        catch (Exception e) when (IsGraphFailure(e, cancellationToken))
        {
            throw Fail("Listing group members", e);
        }
    }

    /// <summary>The app's catalog id: configured, or looked up once by the manifest id (needs AppCatalog.Read.All).</summary>
    private async Task<string> GetCatalogAppIdAsync(CancellationToken cancellationToken)
    {
        if (_catalogAppId is { } known)
        {
            return known;
        }

        // Two turns racing here both look it up once; harmless, and no lock to hold across a Graph call.
        // The validator admits only a GUID here, so the filter cannot be broken out of.
        var externalId = Guid.Parse(_options.AppExternalId!).ToString();
        TeamsAppCollectionResponse? apps;
        try
        {
            apps = await client.AppCatalogs.TeamsApps.GetAsync(
                request =>
                {
                    request.QueryParameters.Filter = $"externalId eq '{externalId}'";
                    request.QueryParameters.Select = ["id", "externalId"];
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsGraphFailure(e, cancellationToken))
        {
            throw Fail("Looking up Trygg in the Teams app catalog", e);
        }

        var id = apps?.Value?.FirstOrDefault(a => !string.IsNullOrEmpty(a.Id))?.Id
            ?? throw new DirectoryException(
                $"Trygg (manifest id {externalId}) is not in the organisation's Teams app catalog: upload the app package, or set {GraphOptions.Section}:{nameof(GraphOptions.TeamsAppId)}.",
                notConfigured: true);
        _catalogAppId = id;
        return id;
    }

    private void EnsureTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (!string.IsNullOrWhiteSpace(_options.TenantId) && !string.Equals(_options.TenantId.Trim(), tenantId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // A managed identity has tokens for its own tenant only.
            throw new DirectoryException("The directory is configured for another tenant than the one asked about.", notConfigured: true);
        }
    }

    private static DirectoryUser? ToDirectoryUser(User user) =>
        string.IsNullOrEmpty(user.Id)
            ? null
            : new DirectoryUser(user.Id, user.DisplayName ?? string.Empty, user.UserPrincipalName, user.Mail);

    /// <summary>Graph said no for good (after the SDK's retries), or could not be reached; not the caller cancelling.</summary>
    /// <remarks>When the SDK's retry handler gives up it throws an AggregateException of the attempts' ApiExceptions.</remarks>
    private static bool IsGraphFailure(Exception e, CancellationToken cancellationToken) =>
        e is ApiException or HttpRequestException
        || (e is AggregateException a && a.InnerExceptions.Count > 0 && a.InnerExceptions.All(i => i is ApiException or HttpRequestException))
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private DirectoryException Fail(string operation, Exception e)
    {
        var last = e is AggregateException a ? a.InnerExceptions[^1] : e;
        var status = (last as ApiException)?.ResponseStatusCode;
        var code = (last as ODataError)?.Error?.Code;
        LogGraphFailed(operation, status, code, last.GetType().Name);
        var hint = status switch
        {
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden =>
                " The identity lacks a Graph permission (see scripts/grant-graph-permissions.sh) or admin consent.",
            (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout =>
                " Graph stayed unavailable through the SDK's retries.",
            _ => string.Empty,
        };
        return new DirectoryException($"{operation} failed: Graph answered {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? last.GetType().Name}{(code is null ? string.Empty : " " + code)}.{hint}", inner: e);
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Debug, Message = "Graph: user not found")]
    private partial void LogUserNotFound();

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Graph: Trygg installed for a user")]
    private partial void LogInstalled();

    [LoggerMessage(EventId = 3303, Level = LogLevel.Debug, Message = "Graph: Trygg was already installed for the user")]
    private partial void LogAlreadyInstalled();

    [LoggerMessage(EventId = 3304, Level = LogLevel.Debug, Message = "Graph: group members listed over {Pages} page(s)")]
    private partial void LogMembersListed(int pages);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Graph: {Operation} failed with {StatusCode} {ErrorCode} ({ExceptionType})")]
    private partial void LogGraphFailed(string operation, int? statusCode, string? errorCode, string exceptionType);
}
