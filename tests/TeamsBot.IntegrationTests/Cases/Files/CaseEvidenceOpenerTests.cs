using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.EvidenceFiles;
using Trygg.Organisations;
using Trygg.Testing;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Files;

/// <summary>
/// The staff side of evidence through /api/messages on Azurite's blob and table services: Testkommun's security staff see
/// the member's files on the case details and "Öppna" sends one to their own chat through Teams' file consent; staff of
/// another organisation and the member are refused with the neutral answer, audited, and sent nothing.
/// </summary>
public sealed class CaseEvidenceOpenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Org = "testkommun";
    private const string EvidenceId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";
    private const string NoAccess = "Det ärendet kan jag inte visa för dig här.";

    private static readonly byte[] Letter = Encoding.UTF8.GetBytes("Vi vet var du bor.\n");

    /// <summary>Security staff of another organisation only.</summary>
    private static readonly StaffPerson Otto = new("Otto Annan", "00000000-0000-0000-0000-0000000000077");

    private TryggBot _bot = null!;
    private Activities _member = null!;
    private string _case = "";

    public async Task InitializeAsync()
    {
        var other = TestOrganisations.Testkommun("annankommun");
        other = other with { Routing = other.Routing with { SecurityStaff = [Otto], Administrators = [Otto] } };
        _bot = await TryggBot.StartAsync(azurite, new TryggBotOptions
        {
            Services = services => services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([TestOrganisations.Testkommun(), other])),
        });
        _member = new Activities(_bot.Connector.ServiceUrl);
        var organisation = _bot.App.Get<IOrganisationDirectory>().Find(Org)!;
        var now = DateTimeOffset.UtcNow;
        var details = new IncidentDetails(
            IncidentKind.Threat, now.AddMinutes(-30), IncidentPlace.Online, "Instagram", "ks", "Någon skrev att de vet var jag bor.",
            Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var result = await _bot.App.Get<ICaseIntake>().SubmitAsync(
            new CaseSubmission(
                organisation,
                Activities.TenantId,
                now.Year,
                Guid.NewGuid().ToString("N"),
                number => new Incident(number, Org, Activities.TenantId, _member.UserAadObjectId, "Anna Andersson", now, IncidentStatus.Received, details),
                TestOrganisations.Decision(organisation, now),
                _member.ConversationId,
                Language.Swedish),
            default);
        _case = result.Incident.CaseNumber;
        var saved = await _bot.App.Get<IEvidenceStore>().SaveAsync(
            new EvidenceCase(Activities.TenantId, Org, _case), EvidenceId, "hotbrev.txt", new SanitisedFile(Letter, "text/plain", ".txt"), 1_000_000, default);
        Assert.Equal(EvidenceSaved.Saved, saved);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> PressAsync(Activities who, string verb, string org, string? evidence = null)
    {
        var data = new JsonObject { ["case"] = _case, ["org"] = org, ["view"] = "person" };
        if (evidence is not null)
        {
            data["evidence"] = evidence;
        }

        using var response = await _bot.App.PostActivityAsync(who.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Nodes(p.Value))],
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        _bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, Org, _case, default);

    private bool AnyFileOffered() =>
        _bot.Connector.Requests.Any(r => r.Body?["attachments"]?.AsArray().Any(a => (string?)a?["contentType"] == ConsentType) == true);

    [Fact]
    public async Task Open_StaffOfTheOrganisation_SeeTheListAndGetTheStoredBytesInTheirChat_Audited()
    {
        var alex = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = TestOrganisations.Alex };

        var details = await PressAsync(alex, CaseVerbs.Details, Org);
        var open = Assert.Single(Nodes(details["value"]).OfType<JsonObject>(), o => (string?)o["verb"] == CaseVerbs.Evidence);
        Assert.Equal(EvidenceId, (string?)open["data"]!["evidence"]);
        Assert.Contains(Nodes(details["value"]).OfType<JsonObject>(), o => (string?)o["text"] == "hotbrev.txt");
        Assert.Contains(Nodes(details["value"]).OfType<JsonObject>(), o => ((string?)o["text"])?.StartsWith("TXT · 19 B · tillagd ", StringComparison.Ordinal) == true);

        var answer = await PressAsync(alex, CaseVerbs.Evidence, Org, EvidenceId);
        Assert.Contains("Filen skickas till din egen chatt med Trygg", (string?)answer["value"], StringComparison.Ordinal);
        var (name, bytes) = await FileConsentFlow.AcceptAsync(_bot.Connector, _bot.App, alex, ".txt");

        Assert.Equal("hotbrev.txt", name);
        Assert.Equal(Letter, bytes);
        var line = Assert.Single(await AuditAsync(), a => a.Action == AuditAction.OpenedEvidence);
        Assert.True(line.Allowed);
        Assert.Equal(TestOrganisations.Alex, line.ActorAadObjectId);
        Assert.Equal(EvidenceId, line.Detail);
    }

    [Fact]
    public async Task Open_StaffOfAnotherOrganisation_IsRefusedNeutrally_Audited_AndNothingIsSent()
    {
        var otto = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = Otto.AadObjectId };

        var here = await PressAsync(otto, CaseVerbs.Evidence, Org, EvidenceId);
        var own = await PressAsync(otto, CaseVerbs.Evidence, "annankommun", EvidenceId);

        Assert.Contains(NoAccess, (string?)here["value"], StringComparison.Ordinal);
        Assert.DoesNotContain("Filen skickas", (string?)own["value"], StringComparison.Ordinal);
        var line = Assert.Single(await AuditAsync(), a => a.Action == AuditAction.OpenedEvidence);
        Assert.False(line.Allowed);
        Assert.Equal(Otto.AadObjectId, line.ActorAadObjectId);
        await Task.Delay(500);
        Assert.False(AnyFileOffered());
    }

    [Fact]
    public async Task Open_TheMemberWhoIsNotStaff_IsRefusedNeutrally_Audited_AndNothingIsSent()
    {
        var answer = await PressAsync(_member, CaseVerbs.Evidence, Org, EvidenceId);

        Assert.Contains(NoAccess, (string?)answer["value"], StringComparison.Ordinal);
        var line = Assert.Single(await AuditAsync(), a => a.Action == AuditAction.OpenedEvidence);
        Assert.False(line.Allowed);
        Assert.Equal(_member.UserAadObjectId, line.ActorAadObjectId);
        await Task.Delay(500);
        Assert.False(AnyFileOffered());
    }
}
