using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trygg.Fuzz;

/// <summary>What a hostile request must get back.</summary>
internal enum FuzzExpectation
{
    /// <summary>Anything but a server error (the bot may answer 200, 400, 401, 403...).</summary>
    NoServerError,

    /// <summary>Refused as too large (413), before the body is parsed.</summary>
    TooLarge,
}

/// <summary>One generated request: the raw bytes sent to /api/messages and what must come back.</summary>
internal sealed record FuzzCase(int Index, string Kind, byte[] Body, string ContentType, bool Chunked, FuzzExpectation Expectation)
{
    public string Preview => Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600));
}

/// <summary>What the generator knows about the world: the attacker's own identity and what it may try to reach.</summary>
internal sealed record FuzzTargets(
    string TrustedServiceUrl,
    string ForgedServiceUrl,
    string TenantId,
    string BotId,
    string AttackerUserId,
    string AttackerAadObjectId,
    string AttackerConversationId,
    string VictimConversationId,
    string VictimDraftId,
    string VictimCaseNumber,
    string VictimNoticeId,
    IReadOnlyList<string> Verbs);

/// <summary>
/// Generates hostile activities from a seed: malformed bytes, wrong JSON types, missing fields, huge strings, deep
/// nesting, invalid UTF-8, wrong card values, unknown verbs, forged conversation ids, other members' case and draft
/// ids, forged service URLs and oversized bodies. The attacker is a member of the same organisation who can send
/// anything a modified client can, but cannot forge the <c>from</c> identity that Teams vouches for.
/// </summary>
internal sealed class HostileActivities(int seed, FuzzTargets targets)
{
    private static readonly string[] DataKeys =
    [
        "draft", "kind", "date", "time", "place", "platform", "assignment", "description", "perpetrator", "ongoing",
        "relatives", "injured", "evidence", "police", "diary", "contact", "informParty", "notice", "body", "topic",
        "reason", "audience", "campaign", "cycle", "language", "organisation", "party", "role", "bodies", "phone",
        "next", "step", "caseNumber", "case", "incident", "reporter", "tenantId", "userId", "aadObjectId", "verb", "msteams",
    ];

    private static readonly string[] Texts =
    [
        "jag har blivit hotad", "mina rapporter", "my reports", "rapportera", "avbryt", "profil", "min utbildning",
        "hjälp", "help", "han står utanför mitt hus", "vi har ett känsligt beslut på fullmäktige", "vad gör jag om någon hotar mig?",
        "${description}", "${$root}", "${$root.description}", "${if(true, $root, 'x')}", "{{name}}", "\\${x}",
        "<at>Trygg</at> mina rapporter", "<script>alert(1)</script>", "'; DROP TABLE state; --", "../../../etc/passwd",
        "\u0000\u0001\u0002", "\u202Eevil", "\u200B\u200B", "🙂🙂🙂", "a\r\nb", "%00", "~7C|", "|", "", " ",
    ];

    private static readonly string[] ActivityTypes =
    [
        "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing",
        "endOfConversation", "MESSAGE", "", "x", "messageUpdate", "messageDelete",
    ];

    private static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "adaptiveCard/action", "adaptiveCard/action", "task/fetch", "task/submit",
        "composeExtension/query", "signin/verifyState", "config/fetch", "", "ADAPTIVECARD/ACTION", "adaptiveCard/action ",
    ];

    private readonly Random _random = new(seed);
    private readonly string[] _verbs = [.. targets.Verbs, "reporting.delete", "routing.ack", "admin.export", "", " ", "reporting.send ", "REPORTING.SEND", "profile", "x.y.z.w", new string('v', 3000)];

    public FuzzCase Next(int index)
    {
        var roll = _random.Next(1000);
        return roll switch
        {
            < 12 => Oversized(index),
            < 110 => Raw(index),
            _ => Structured(index),
        };
    }

    // ---- oversized bodies: refused before parsing ----

    private FuzzCase Oversized(int index)
    {
        var size = MessagesLimit + 1 + _random.Next(400_000);
        var chunked = _random.Next(2) == 0;
        byte[] body;
        string kind;
        if (_random.Next(2) == 0)
        {
            // Not JSON at all: a parser would have answered 400, so 413 shows the bot never parsed it.
            body = new byte[size];
            _random.NextBytes(body);
            body[0] = (byte)'{';
            kind = "oversized-garbage";
        }
        else
        {
            var activity = BaseActivity("message");
            activity["text"] = new string('å', size / 2 + 1);
            body = Utf8(activity);
            kind = "oversized-message";
        }

        return new FuzzCase(index, kind + (chunked ? "-chunked" : ""), body, "application/json", chunked, FuzzExpectation.TooLarge);
    }

    private const int MessagesLimit = 256 * 1024;

    // ---- bytes that are not a (valid) activity ----

    private FuzzCase Raw(int index)
    {
        var valid = Utf8(Structured(index).Body is { } b && TryParse(b) is JsonObject o ? o : BaseActivity("message"));
        var (kind, body) = _random.Next(12) switch
        {
            0 => ("random-bytes", RandomBytes(1 + _random.Next(2000))),
            1 => ("invalid-utf8-in-string", Splice(Utf8(BaseActivity("message", text: "XXXX")), "XXXX", [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80])),
            2 => ("truncated", valid[..Math.Max(1, _random.Next(valid.Length))]),
            3 => ("wrong-root", Encoding.UTF8.GetBytes(Pick(["[]", "\"message\"", "5", "null", "true", "{}", "[{\"type\":\"message\"}]", "{\"type\":null}", "{\"type\":5}", "{\"type\":[\"message\"]}"]))),
            4 => ("deep-array", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":" + new string('[', 2000 + _random.Next(20000)) + "}")),
            5 => ("deep-object", Encoding.UTF8.GetBytes(DeepObject(65 + _random.Next(400)))),
            6 => ("empty", []),
            7 => ("bom", [0xEF, 0xBB, 0xBF, .. valid]),
            8 => ("nul-bytes", Splice(valid, "\"type\"", [0x00, 0x00])),
            9 => ("duplicate-keys", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"reporting.myreports\"}},\"value\":{},\"conversation\":{\"id\":\"" + targets.AttackerConversationId + "\"}}")),
            10 => ("number-overflow", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"timestamp\":1e999,\"text\":\"hej\"}")),
            _ => ("lone-surrogate", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Utf8(BaseActivity("message", text: "SURR"))).Replace("SURR", "\\ud800x\\udfff", StringComparison.Ordinal))),
        };
        var contentType = _random.Next(10) == 0 ? Pick(["text/plain", "application/xml", "", "application/json; charset=utf-16", "multipart/form-data"]) : "application/json";
        return new FuzzCase(index, kind, body, contentType, Chunked: _random.Next(5) == 0, FuzzExpectation.NoServerError);
    }

    // ---- JSON activities, plausible and not ----

    private FuzzCase Structured(int index)
    {
        JsonObject activity;
        string kind;
        switch (_random.Next(10))
        {
            case 0 or 1 or 2 or 3:
                (kind, activity) = ("invoke", Invoke());
                break;
            case 4 or 5:
                (kind, activity) = ("message", BaseActivity("message", text: Text()));
                break;
            case 6:
                (kind, activity) = ("submit", Submit());
                break;
            case 7:
                (kind, activity) = ("membership", Membership());
                break;
            default:
                (kind, activity) = ("type", BaseActivity(Pick(ActivityTypes), text: _random.Next(2) == 0 ? Text() : null));
                break;
        }

        var mutations = _random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            kind += "+" + Mutate(activity);
        }

        return new FuzzCase(index, kind, Utf8(activity), "application/json", Chunked: _random.Next(20) == 0, FuzzExpectation.NoServerError);
    }

    private JsonObject BaseActivity(string type, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "fz-" + _random.Next().ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _random.Next(10) < 7 ? targets.TrustedServiceUrl : ServiceUrl(),
            ["from"] = new JsonObject { ["id"] = targets.AttackerUserId, ["name"] = "Mallory Angripare", ["aadObjectId"] = targets.AttackerAadObjectId },
            ["recipient"] = new JsonObject { ["id"] = targets.BotId, ["name"] = "Trygg" },
            ["conversation"] = new JsonObject
            {
                ["id"] = _random.Next(10) < 7 ? targets.AttackerConversationId : ConversationId(),
                ["conversationType"] = _random.Next(10) < 8 ? "personal" : Pick(["channel", "groupChat", "", "x"]),
                ["tenantId"] = targets.TenantId,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = targets.TenantId } },
            ["locale"] = _random.Next(10) < 8 ? "sv-SE" : Pick(["en-US", "", "xx", "en", new string('e', 500), "\u0000"]),
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }

    private JsonObject Invoke()
    {
        var activity = BaseActivity("invoke");
        activity["name"] = Pick(InvokeNames);
        activity["replyToId"] = "card-" + _random.Next(100);
        var action = new JsonObject
        {
            ["type"] = _random.Next(12) == 0 ? Pick<JsonNode?>(["Action.Submit", 5, null, new JsonArray(), "action.execute"]) : "Action.Execute",
            ["id"] = "a" + _random.Next(1000),
            ["verb"] = _random.Next(15) == 0 ? Pick<JsonNode?>([5, null, new JsonObject(), new JsonArray("reporting.send"), true]) : Pick(_verbs),
            ["data"] = _random.Next(15) == 0 ? Pick<JsonNode?>(["draft", 5, null, new JsonArray(1, 2)]) : Data(),
        };
        activity["value"] = _random.Next(20) == 0
            ? Pick<JsonNode?>([null, "x", 5, new JsonArray(), new JsonObject { ["action"] = "reporting.send" }, new JsonObject()])
            : new JsonObject { ["action"] = action, ["trigger"] = "manual" };
        return activity;
    }

    private JsonObject Submit()
    {
        var activity = BaseActivity("message");
        var data = Data();
        data["verb"] = _random.Next(15) == 0 ? Pick<JsonNode?>([5, null, new JsonObject()]) : Pick(_verbs);
        activity["value"] = data;
        activity["replyToId"] = "card-" + _random.Next(100);
        if (_random.Next(5) == 0)
        {
            activity["text"] = Text();
        }

        return activity;
    }

    private JsonObject Membership()
    {
        var type = Pick(["conversationUpdate", "installationUpdate"]);
        var activity = BaseActivity(type);
        if (type == "installationUpdate")
        {
            activity["action"] = Pick<JsonNode?>(["add", "remove", "add-upgrade", "remove-upgrade", "", null, "x"]);
        }
        else
        {
            JsonNode? Member() => _random.Next(6) switch
            {
                0 => null,
                1 => new JsonObject(),
                2 => new JsonObject { ["id"] = null },
                3 => new JsonObject { ["id"] = targets.BotId },
                4 => new JsonObject { ["id"] = targets.AttackerUserId, ["name"] = FieldText(), ["aadObjectId"] = targets.AttackerAadObjectId },
                _ => new JsonObject { ["id"] = "29:" + _random.Next(), ["name"] = HugeString() },
            };
            var list = new JsonArray();
            for (var i = _random.Next(4); i > 0; i--)
            {
                list.Add(Member());
            }

            activity[_random.Next(3) == 0 ? "membersRemoved" : "membersAdded"] = list;
        }

        return activity;
    }

    private JsonObject Data()
    {
        var data = new JsonObject();
        for (var i = _random.Next(10); i > 0; i--)
        {
            data[Pick(DataKeys)] = Value();
        }

        if (_random.Next(3) == 0)
        {
            data["draft"] = Pick([targets.VictimDraftId, targets.VictimDraftId, "", "0", new string('f', 32), "../" + targets.VictimDraftId]);
        }

        if (_random.Next(4) == 0)
        {
            // Keys that name a case; the form fields the bot shows back never get the victim's ids.
            data[Pick(["caseNumber", "case", "incident", "reference", "id"])] = targets.VictimCaseNumber;
        }

        if (_random.Next(4) == 0)
        {
            data["notice"] = targets.VictimNoticeId;
        }

        return data;
    }

    private JsonNode? Value() => _random.Next(16) switch
    {
        0 => null,
        1 => _random.Next(),
        2 => true,
        3 => new JsonArray("a", 1, null),
        4 => DeepNode(1 + _random.Next(40)),
        5 => HugeString(),
        6 => targets.VictimNoticeId,
        7 => "TRY-2026-9999",
        8 => Pick(["threat", "online", "ks", "kf", "true", "false", "teams", "phone", "notYet", "made", "screenshots,links", "alingsas", "goteborg", "stockholm", "sv", "en"]),
        9 => Pick(["2020-02-30", "9999-12-31", "0001-01-01", "25:61", "-1", "NaN", "1e309", MemberScript.Yesterday, "21:30"]),
        10 => Pick(["reporting.send", "profile.save", "profile.show", "reporting.myreports", "x", "reporting.send,reporting.send"]),
        11 => Pick(["+46701234567", "070-123 45 67", "112", "0", new string('9', 300)]),
        _ => FieldText(),
    };

    /// <summary>
    /// Text for card fields, which the bot may show back to the member who typed it: never the victim's ids, so any
    /// appearance of those in an answer is a leak, not an echo.
    /// </summary>
    private string FieldText() => _random.Next(12) switch
    {
        0 => HugeString(),
        1 => RandomUnicode(1 + _random.Next(200)),
        _ => Pick(Texts),
    };

    /// <summary>What a member writes in the chat, which the bot never repeats: may name the victim's case.</summary>
    private string Text() => _random.Next(12) switch
    {
        0 => HugeString(),
        1 => targets.VictimCaseNumber,
        2 => "visa " + targets.VictimCaseNumber,
        3 => RandomUnicode(1 + _random.Next(200)),
        _ => Pick(Texts),
    };

    private string HugeString() => _random.Next(4) switch
    {
        0 => new string('A', 4001),
        1 => new string('x', 20_000 + _random.Next(60_000)),
        2 => string.Concat(Enumerable.Repeat("${description}\"\\\n", 1000 + _random.Next(3000))),
        _ => RandomUnicode(5000 + _random.Next(30_000)),
    };

    private string ServiceUrl() => Pick(
    [
        targets.ForgedServiceUrl,
        targets.ForgedServiceUrl + "/",
        targets.ForgedServiceUrl.Replace("http://", "HTTP://", StringComparison.Ordinal),
        targets.TrustedServiceUrl + "/../../evil",
        targets.TrustedServiceUrl + "?x=1",
        targets.TrustedServiceUrl + "#frag",
        targets.TrustedServiceUrl.Replace("http://", "http://user:pw@", StringComparison.Ordinal),
        targets.TrustedServiceUrl.Replace("/_connector", "/other", StringComparison.Ordinal),
        targets.TrustedServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://127.0.0.1/",
        "not a url",
        "",
        "http://" + new string('a', 3000) + ".example/",
        "https://smba.trafficmanager.net/teams/",
    ]);

    private string ConversationId() => Pick(
    [
        targets.VictimConversationId,
        targets.VictimConversationId,
        targets.VictimConversationId.ToUpperInvariant(),
        targets.VictimConversationId + "|x",
        "",
        "a:/../../",
        "19:abc@thread.tacv2;messageid=1",
        "a:" + new string('z', 600),
        "a:#?/\\",
        "a:\u0001\u0002",
        "~7C" + targets.VictimConversationId,
    ]);

    /// <summary>One change that makes the activity wrong in some way.</summary>
    private string Mutate(JsonObject activity)
    {
        switch (_random.Next(12))
        {
            case 0:
            {
                var field = Pick(["type", "id", "from", "recipient", "conversation", "channelData", "serviceUrl", "channelId", "locale", "timestamp", "text", "value", "name"]);
                activity.Remove(field);
                return "remove-" + field;
            }

            case 1:
            {
                var field = Pick(["type", "id", "from", "recipient", "conversation", "channelData", "serviceUrl", "channelId", "locale", "timestamp", "text", "value", "name", "replyToId", "entities", "membersAdded", "attachments"]);
                activity[field] = Pick<JsonNode?>([5, -1.5, true, new JsonArray(), new JsonObject(), "x", null, new JsonArray(new JsonObject())]);
                return "retype-" + field;
            }

            case 2:
                activity["serviceUrl"] = ServiceUrl();
                return "serviceUrl";

            case 3:
                if (activity["conversation"] is JsonObject conversation)
                {
                    conversation["id"] = ConversationId();
                }

                return "conversationId";

            case 4:
                activity["entities"] = Pick<JsonNode>(
                [
                    new JsonArray(new JsonObject { ["type"] = 5 }),
                    new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = 5 } }),
                    new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = targets.BotId, ["name"] = 7 }, ["text"] = 3 }),
                    new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = targets.BotId }, ["text"] = "" }),
                    new JsonArray(null, "x", 5),
                    new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" }),
                ]);
                return "entities";

            case 5:
                activity["channelData"] = Pick<JsonNode?>(
                [
                    new JsonObject { ["tenant"] = new JsonObject { ["id"] = "other-tenant" } },
                    new JsonObject { ["tenant"] = new JsonObject { ["id"] = 5 } },
                    new JsonObject { ["tenant"] = "x", ["team"] = 5, ["channel"] = new JsonObject { ["id"] = 7 } },
                    new JsonObject { ["team"] = new JsonObject { ["id"] = "19:team" }, ["channel"] = new JsonObject { ["id"] = targets.VictimConversationId } },
                    DeepNode(50),
                ]);
                return "channelData";

            case 6:
                activity["extra" + _random.Next(5)] = DeepNode(1 + _random.Next(60));
                return "deep";

            case 7:
                if (activity["from"] is JsonObject from)
                {
                    // Identity fields garbled, but never someone else's: Teams vouches for who is writing.
                    from[Pick(["id", "aadObjectId", "name"])] = Pick<JsonNode?>([null, "", 5, HugeString(), "29:" + _random.Next()]);
                }

                return "from";

            case 8:
                activity["attachments"] = new JsonArray(
                    new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = new JsonObject { ["body"] = HugeString() } },
                    null,
                    new JsonObject { ["contentType"] = 5, ["contentUrl"] = targets.ForgedServiceUrl + "/x" });
                return "attachments";

            case 9:
                activity["text"] = Text();
                return "text";

            case 10:
                activity["replyToId"] = Pick<JsonNode?>([null, "", "/../x", new string('r', 2000), "card-1"]);
                return "replyToId";

            default:
                activity["timestamp"] = Pick<JsonNode?>(["yesterday", "9999-99-99", "", "2024-01-01T00:00:00Z", 0]);
                return "timestamp";
        }
    }

    private JsonNode DeepNode(int depth)
    {
        JsonNode node = "leaf";
        for (var i = 0; i < depth; i++)
        {
            node = _random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private static string DeepObject(int depth) =>
        "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}";

    private string RandomUnicode(int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var codePoint = _random.Next(6) switch
            {
                0 => _random.Next(0x20),
                1 => _random.Next(0x20, 0x7F),
                2 => _random.Next(0xA0, 0x2FF),
                3 => _random.Next(0x1F300, 0x1FAFF),
                4 => Pick([0x202E, 0x200B, 0xFEFF, 0xFFFD, 0x2028, 0x7C, 0x7E, 0x24, 0x7B]),
                _ => _random.Next(0x4E00, 0x9FFF),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonNode? TryParse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Splice(byte[] body, string marker, byte[] replacement)
    {
        var text = body.AsSpan();
        var needle = Encoding.UTF8.GetBytes(marker);
        var at = text.IndexOf(needle);
        return at < 0 ? body : [.. text[..at], .. replacement, .. text[(at + needle.Length)..]];
    }
}
