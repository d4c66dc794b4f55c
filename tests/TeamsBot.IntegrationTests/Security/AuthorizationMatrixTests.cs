using System.Text.Json.Nodes;

namespace Trygg.Security;

/// <summary>
/// Who may do what, through /api/messages on Azurite: every card verb the router knows and every typed staff command,
/// pressed or written by each <see cref="Actor"/> from each <see cref="Place"/>, with the expected answer written in the
/// table. Each row is a verb and three groups of seven letters (personal chat, group chat, registered security
/// channel), one letter per actor in the order Reporter, OtherMember, Staff, OtherStaff, PartyOfficer,
/// OtherPartyOfficer, Administrator:
/// <list type="bullet">
/// <item><c>D</c> the report's details (the description is in the answer)</item>
/// <item><c>S</c> the case's need-to-know summary (the case number, not the description)</item>
/// <item><c>N</c> the neutral "cannot show you that case here", the same whether or not the case exists</item>
/// <item><c>R</c> a refusal: only security staff (or administrators) may</item>
/// <item><c>C</c> "do it in the security channel"</item>
/// <item><c>K</c> the staff command's card; <c>T</c> its text answer</item>
/// <item><c>M</c> a member's own flow: whatever it answers, never the report's details unless the actor reported it</item>
/// <item><c>P</c> a personal-only flow started elsewhere: one short line, no card (item 5)</item>
/// </list>
/// A verb the router knows without a row here fails <see cref="Table_CoversEveryVerbAndCommand"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    //                                        personal  group    channel
    private static readonly Dictionary<string, string> CardVerbs = new(StringComparer.Ordinal)
    {
        ["cases.summary"] = "NNSNDNN NNNNNNN SSSSSSS",
        ["cases.refresh"] = "NNDNDNN NNNNNNN SSDSSSS",
        ["cases.details"] = "NNDNNNN NNNNNNN RRDRRRR",
        ["cases.ack"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.take"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.assign"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.note"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.close"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.write"] = "NNDNNNN NNNNNNN RRSRRRR",
        ["cases.police"] = "NNDNNNN NNNNNNN RRSRRRR",
        // Opening a file: the answer is a line to the clicker (the file goes to their own chat), never a card.
        ["cases.evidence"] = "NNTNNNN NNNNNNN RRTRRRR",
        ["privacy.erase.cancel"] = "RRCRRRR RRCRRRR RRKRRRR",
        ["privacy.erase.confirm"] = "RRCRRRR RRCRRRR RRKRRRR",
        ["guidance.ask"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["guidance.feedback"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["guidance.choose"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["guidance.none"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.question"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.language"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.training"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.guidance"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["guidance.browse"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["guidance.passage"] = "MMMMMMM MMMMMMM MMMMMMM",
        // Learning from members' questions: an administrator, in the security channel; the table's data names no pair or question there.
        ["guidance.approve"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["guidance.reject"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["guidance.link"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["guidance.linkbrowse"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["guidance.linkto"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["guidance.export"] = "RRRRRRR RRRRRRR RRRRRRT",
        ["training.status"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["training.done"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["training.snooze"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.report"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["evidence.add"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["evidence.files"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["police.summary"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["police.pdf"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["police.reported"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["messages.thread"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["messages.reply"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["messages.typed"] = "MMMMMMM PPPPPPP PPPPPPP",
        // "Nej, det gäller något annat": the typed text read as usual, wherever it was typed.
        ["conversation.astyped"] = "MMMMMMM MMMMMMM MMMMMMM",
        ["welcome.myreports"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.start"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.acute"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.safe"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.unsafe"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.form"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.next"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.files"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.back"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.preview"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.edit"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.send"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.cancel"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.myreports"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["reporting.receipt"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["meeting.start"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["meeting.send"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["profile.show"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["profile.save"] = "MMMMMMM PPPPPPP PPPPPPP",
        ["privacy.mydata"] = "MMMMMMM PPPPPPP PPPPPPP",
        // Organisation numbers and the party's officer, no report data: answered where asked.
        ["contacts.show"] = "MMMMMMM MMMMMMM MMMMMMM",
    };

    /// <summary>Typed staff commands; the verbs they reach count as covered.</summary>
    private static readonly Dictionary<string, (string Verb, string Expected)> StaffCommands = new(StringComparer.Ordinal)
    {
        ["registrera säkerhetskanal"] = ("routing.registerchannel", "CCCCCCC CCCCCCC RRRRRRT"),
        // A member who is not staff gets their own training in their own chat ("min utbildning"), no one else's.
        ["utbildningsstatus"] = ("training.unitstatus", "MMCCMMM RRCCRRR RRKCRRR"),
        ["registrera utbildning " + AuthorizationWorld.OtherMemberName] = ("training.register", "RRCCRRR RRCCRRR RRTCRRR"),
        ["radera uppgifter " + AuthorizationWorld.OtherMemberName] = ("privacy.erase", "RRCCRRR RRCCRRR RRKCRRR"),
        // A party's security officer gets their own party's aggregated figures wherever they ask (item 1 keeps them aggregated).
        ["årsrapport"] = ("review.annual", "RRCCKKR RRCCKKR RRKCKKR"),
        // Outside its channel an administrator is told, like everyone else, that only administrators see it there.
        ["obesvarade frågor"] = ("guidance.unanswered", "RRRRRRR RRRRRRR RRRRRRK"),
        ["förslag"] = ("guidance.suggestions", "RRRRRRR RRRRRRR RRRRRRK"),
    };

    public static TheoryData<string, Actor, Place, char> Cells()
    {
        var data = new TheoryData<string, Actor, Place, char>();
        foreach (var (row, actor, place, expected) in All())
        {
            data.Add(row, actor, place, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell_AnswersAsTheTableSays(string row, Actor actor, Place place, char expected) =>
        await CheckAsync(row, actor, place, expected);

    [Fact]
    public void Table_CoversEveryVerbAndCommand()
    {
        var covered = CardVerbs.Keys.Concat(StaffCommands.Values.Select(c => c.Verb)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(world.RouterVerbs.Where(v => !covered.Contains(v)).Order());
        Assert.Empty(covered.Where(v => !world.RouterVerbs.Contains(v)).Order());
        Assert.All(CardVerbs.Values.Concat(StaffCommands.Values.Select(c => c.Expected)), e => Assert.Matches("^[DSNRCKTMP]{7} [DSNRCKTMP]{7} [DSNRCKTMP]{7}$", e));
    }

    [Fact]
    public async Task NoAccess_IsTheSameForACaseThatDoesNotExist()
    {
        var existing = await world.AnswerAsync(Press("cases.summary", world.CaseNumber), Actor.OtherMember, Place.Personal);
        var missing = await world.AnswerAsync(Press("cases.summary", "TRY-1999-0042"), Actor.OtherMember, Place.Personal);

        Assert.Equal(existing, missing);
    }

    private async Task CheckAsync(string row, Actor actor, Place place, char expected)
    {
        var activity = StaffCommands.ContainsKey(row) ? Write(row) : Press(row, world.CaseNumber);
        var answer = await world.AnswerAsync(activity, actor, place);

        switch (expected)
        {
            case 'M':
                if (actor != Actor.Reporter)
                {
                    Assert.DoesNotContain(AuthorizationWorld.Secret, answer, StringComparison.Ordinal);
                }

                return;
            case 'P':
                Assert.DoesNotContain("application/vnd.microsoft.card.adaptive", answer, StringComparison.Ordinal);
                Assert.DoesNotContain(AuthorizationWorld.Secret, answer, StringComparison.Ordinal);
                return;
            default:
                Assert.Equal($"{row} by {actor} in {place}: {expected}", $"{row} by {actor} in {place}: {Classify(answer)}");
                return;
        }
    }

    private char Classify(string answer)
    {
        if (answer.Contains(AuthorizationWorld.Secret, StringComparison.Ordinal))
        {
            return 'D';
        }

        if (answer.Contains("\"type\":\"AdaptiveCard\"", StringComparison.Ordinal))
        {
            return answer.Contains(world.CaseNumber, StringComparison.Ordinal) ? 'S' : 'K';
        }

        string[] noAccess = ["Det ärendet kan jag inte visa för dig här.", "I cannot show you that case here."];
        string[] refused =
        [
            "behörig säkerhetspersonal. Försöket", "Bara behörig säkerhetspersonal", "only to authorised security staff", "Only authorised security staff",
            "bara säkerhetsenheten som kan radera", "Only the security unit can erase", "bara en administratör", "only a Trygg administrator",
            "Årsrapporten är till för", "annual report is for", "Utbildningsstatusen är till för", "Training status is for",
            "bara säkerhetsenhetens administratörer", "administrators",
        ];
        string[] inChannel =
        [
            "Radering görs i säkerhetskanalen", "Erasure is done in the security channel", "Skriv det i den kanal", "Write it in the channel",
            "tas fram i säkerhetskanalen", "made in the security channel", "visas bara i säkerhetskanalen", "shown in the security channel only",
        ];
        return noAccess.Any(answer.Contains) ? 'N'
            : refused.Any(answer.Contains) ? 'R'
            : inChannel.Any(answer.Contains) ? 'C'
            : 'T';
    }

    private JsonObject Press(string verb, string caseNumber) => world.Activities.Execute(verb, new JsonObject
    {
        ["case"] = caseNumber,
        ["org"] = "alingsas",
        ["view"] = "summary",
        ["member"] = world.TargetId,
        ["note"] = "En anteckning.",
        ["outcome"] = "Klart.",
        ["assignee"] = world.Aad(Actor.Staff),
        ["message"] = "Ett meddelande till anmälaren.",
        ["msg"] = "5b0c9e2a4f1d4c3e8a7b6d5c4b3a2910",
        ["filedBy"] = "party",
    });

    private JsonObject Write(string command)
    {
        var message = world.Activities.Message("<at>Trygg</at> " + command);
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Testing.Activities.BotId, ["name"] = "Trygg" },
            ["text"] = "<at>Trygg</at>",
        });
        return message;
    }

    private static IEnumerable<(string Row, Actor Actor, Place Place, char Expected)> All()
    {
        var rows = CardVerbs.Select(r => (r.Key, r.Value)).Concat(StaffCommands.Select(c => (c.Key, c.Value.Expected)));
        foreach (var (row, expected) in rows)
        {
            var groups = expected.Split(' ');
            foreach (var place in Enum.GetValues<Place>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    yield return (row, actor, place, groups[(int)place][(int)actor]);
                }
            }
        }
    }
}
