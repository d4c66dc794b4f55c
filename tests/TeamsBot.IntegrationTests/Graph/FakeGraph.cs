using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trygg.Graph;

/// <summary>One request as the fake received it.</summary>
public sealed record FakeGraphRequest(string Method, string Path, string Query, string? Authorization, string? Body);

/// <summary>
/// Microsoft Graph v1.0 on a loopback port, for the routes the directory uses. Response shapes follow the Graph
/// reference (user, userScopeTeamsAppInstallation, teamsApp, directoryObject collections with <c>@odata.nextLink</c>,
/// the <c>{"error":{code,message,innerError}}</c> envelope). It records every request and can be told to fail the
/// next ones with a status and a Retry-After, as Graph does when it throttles.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeGraphRequest> _requests = [];
    private readonly Queue<(int Status, string? RetryAfter)> _faults = new();
    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string UserId, string AppId)> _installed = [];
    private readonly List<(string Id, string ExternalId)> _catalog = [];
    private readonly WebApplication _app;

    private FakeGraph(WebApplication app, string root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Root { get; }

    /// <summary>What <c>Graph:BaseUrl</c> should be: <see cref="Root"/> + <c>/v1.0</c>.</summary>
    public string BaseUrl => Root + "/v1.0";

    /// <summary>Members per page of a group listing (Graph decides page sizes itself, whatever $top asks).</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>When set, next links point here instead of back at the fake (to test that the directory refuses them).</summary>
    public string? NextLinkRoot { get; set; }

    public IReadOnlyList<FakeGraphRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeGraph? graph = null;
        app.Run(context => graph!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        graph = new FakeGraph(app, address.TrimEnd('/'));
        return graph;
    }

    public void AddUser(string id, string displayName, string userPrincipalName, string? mail)
    {
        var user = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = id,
            ["displayName"] = displayName,
            ["userPrincipalName"] = userPrincipalName,
            ["mail"] = mail,
        };
        lock (_gate)
        {
            _users[id] = user;
            _users[userPrincipalName] = user;
        }
    }

    public void AddGroup(string groupId, params string[] memberIds)
    {
        lock (_gate)
        {
            _groups[groupId] = [.. memberIds];
        }
    }

    public void AddCatalogApp(string id, string externalId)
    {
        lock (_gate)
        {
            _catalog.Add((id, externalId));
        }
    }

    public void MarkInstalled(string userId, string catalogAppId)
    {
        lock (_gate)
        {
            _installed.Add((userId, catalogAppId));
        }
    }

    public bool IsInstalled(string userId, string catalogAppId)
    {
        lock (_gate)
        {
            return _installed.Contains((userId, catalogAppId));
        }
    }

    /// <summary>Answer the next <paramref name="times"/> requests with <paramref name="status"/> (and Retry-After seconds, if given).</summary>
    public void EnqueueFault(int status, int times = 1, int? retryAfterSeconds = 0)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue((status, retryAfterSeconds?.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync();
        }

        (int Status, string? RetryAfter)? fault = null;
        lock (_gate)
        {
            _requests.Add(new FakeGraphRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, request.Headers.Authorization.ToString(), body));
            if (_faults.Count > 0)
            {
                fault = _faults.Dequeue();
            }
        }

        if (fault is { } f)
        {
            if (f.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = f.RetryAfter;
            }

            await WriteErrorAsync(context, f.Status, f.Status == 429 ? "TooManyRequests" : "ServiceNotAvailable",
                f.Status == 429 ? "Too many requests." : "The service is temporarily unavailable.");
            return;
        }

        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != "v1.0")
        {
            await WriteErrorAsync(context, 400, "BadRequest", "Invalid version.");
            return;
        }

        var route = segments[1..];
        switch (request.Method, route)
        {
            case ("GET", ["users", var key]):
                await GetUserAsync(context, key);
                break;
            case ("POST", ["users", var userId, "teamwork", "installedApps"]):
                await InstallAsync(context, userId, body);
                break;
            // The SDK casts with the short alias (graph.user); Graph's docs write microsoft.graph.user. Both work.
            case ("GET", ["groups", var groupId, "members" or "transitiveMembers" /* the fake's groups hold no nested groups */, "microsoft.graph.user" or "graph.user"]):
                await ListMembersAsync(context, groupId);
                break;
            case ("GET", ["appCatalogs", "teamsApps"]):
                await ListCatalogAsync(context);
                break;
            default:
                await WriteErrorAsync(context, 400, "BadRequest", $"Resource not found for the segment '{route[0]}'.");
                break;
        }
    }

    private async Task GetUserAsync(HttpContext context, string key)
    {
        JsonObject? user;
        lock (_gate)
        {
            user = _users.TryGetValue(key, out var u) ? Project(u, context.Request.Query["$select"]) : null;
        }

        if (user is null)
        {
            await WriteErrorAsync(context, 404, "Request_ResourceNotFound",
                $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");
            return;
        }

        user["@odata.context"] = $"{BaseUrl}/$metadata#users(id,displayName,userPrincipalName,mail)/$entity";
        await WriteJsonAsync(context, 200, user);
    }

    private async Task InstallAsync(HttpContext context, string userId, string? body)
    {
        var bind = body is null ? null : JsonNode.Parse(body)?["teamsApp@odata.bind"]?.GetValue<string>();
        var prefix = BaseUrl + "/appCatalogs/teamsApps/";
        if (bind is null || !bind.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, 400, "BadRequest", "Invalid bind property name teamsApp in request.");
            return;
        }

        var appId = bind[prefix.Length..];
        int status;
        lock (_gate)
        {
            if (!_users.ContainsKey(userId) || !_catalog.Any(a => a.Id == appId))
            {
                status = 404;
            }
            else
            {
                status = _installed.Add((userId, appId)) ? 201 : 409;
            }
        }

        switch (status)
        {
            case 201:
                context.Response.StatusCode = 201; // Graph: "201 Created", nothing in the body
                break;
            case 409:
                await WriteErrorAsync(context, 409, "Conflict", "App is already installed.");
                break;
            default:
                await WriteErrorAsync(context, 404, "NotFound", "User or app not found.");
                break;
        }
    }

    private async Task ListMembersAsync(HttpContext context, string groupId)
    {
        List<JsonObject>? members;
        lock (_gate)
        {
            members = _groups.TryGetValue(groupId, out var ids)
                ? ids.Select(id => Project(_users[id], context.Request.Query["$select"])).ToList()
                : null;
        }

        if (members is null)
        {
            await WriteErrorAsync(context, 404, "Request_ResourceNotFound",
                $"Resource '{groupId}' does not exist or one of its queried reference-property objects are not present.");
            return;
        }

        var skip = int.TryParse(context.Request.Query["$skiptoken"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = new JsonArray([.. members.Skip(skip).Take(PageSize)]);
        var result = new JsonObject { ["@odata.context"] = $"{BaseUrl}/$metadata#users(id,displayName,userPrincipalName,mail)" };
        if (skip + PageSize < members.Count)
        {
            // Graph's next link repeats the query and adds an opaque $skiptoken.
            var select = context.Request.Query["$select"].ToString();
            result["@odata.nextLink"] = $"{NextLinkRoot ?? Root}/v1.0/groups/{groupId}/{context.Request.Path.Value!.Split('/')[^2]}/{context.Request.Path.Value!.Split('/')[^1]}?$select={Uri.EscapeDataString(select)}&$top=999&$skiptoken={skip + PageSize}";
        }

        result["value"] = page;
        await WriteJsonAsync(context, 200, result);
    }

    private async Task ListCatalogAsync(HttpContext context)
    {
        var filter = context.Request.Query["$filter"].ToString();
        const string Prefix = "externalId eq '";
        JsonArray value;
        lock (_gate)
        {
            var externalId = filter.StartsWith(Prefix, StringComparison.Ordinal) && filter.EndsWith('\'') ? filter[Prefix.Length..^1] : null;
            value = new JsonArray([.. _catalog
                .Where(a => externalId is null || string.Equals(a.ExternalId, externalId, StringComparison.OrdinalIgnoreCase))
                .Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.Id,
                    ["externalId"] = a.ExternalId,
                    ["displayName"] = "Trygg",
                    ["distributionMethod"] = "organization",
                })]);
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["@odata.context"] = $"{BaseUrl}/$metadata#appCatalogs/teamsApps", ["value"] = value });
    }

    /// <summary>Like Graph, $select trims the user to the fields asked for (plus the type annotation).</summary>
    private static JsonObject Project(JsonObject user, Microsoft.Extensions.Primitives.StringValues select)
    {
        var fields = select.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var copy = new JsonObject();
        foreach (var (key, value) in user)
        {
            if (fields.Length == 0 || key.StartsWith('@') || fields.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = "2026-11-23T10:00:00",
                    ["request-id"] = "b6a8c1d2-0000-4000-8000-000000000001",
                    ["client-request-id"] = context.Request.Headers["client-request-id"].ToString(),
                },
            },
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
