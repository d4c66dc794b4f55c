using System.Text.Json.Nodes;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Outbox;

namespace Trygg.Privacy;

/// <summary>
/// Erasure on request through /api/messages: security staff in the channel name the member, confirm on the card, and
/// the member's data is gone (reports anonymised, the rest deleted) with an entry in the erasure log; anyone else is
/// refused politely and the attempt is logged. The logs carry no report text.
/// </summary>
public sealed class ErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Name = "Ella Erasmusdotter";
    private const string Description = "ERASE-DESC-4d han följde efter mig hem från mötet";
    private static readonly string[] Secrets = [Description, "ERASE-DESC-4d", "följde efter mig", "ErasePlatformZz"];

    [Fact]
    public async Task StaffErase_AMember_TheirDataIsGone_AndTheLogSaysWhoErasedWhoseAndWhen()
    {
        await using var host = await PrivacySteps.StartAsync(azurite, logs: new LogCapture());
        var ella = host.Member(Name);
        await ella.SaveProfileAsync(phone: "070-555 66 77");
        var caseNumber = await ella.ReportAsync(Description, "ErasePlatformZz");
        await ella.DraftToPreviewAsync("ERASE-DESC-5e ett utkast");
        var keep = host.Member("Kalle Kvarsson");
        await keep.SaveProfileAsync();
        var keptCase = await keep.ReportAsync("KEEP-DESC-6 den här ska vara kvar");

        var confirm = await host.SayInChannelAsync($"radera uppgifter {Name}");
        var confirmText = CardJson.TextOf(confirm);
        Assert.Contains($"Radera uppgifter om {Name}?", confirmText, StringComparison.Ordinal);
        Assert.Contains("1 rapport,", confirmText, StringComparison.Ordinal);
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;

        var done = await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("Raderat", CardJson.TextOf(done["value"]), StringComparison.Ordinal);
        var incidents = await host.DumpAsync("incidents");
        Assert.All(Secrets, s => Assert.DoesNotContain(s, incidents, StringComparison.Ordinal));
        Assert.DoesNotContain(ella.Who.UserAadObjectId, incidents, StringComparison.Ordinal);
        Assert.Contains("KEEP-DESC-6", incidents, StringComparison.Ordinal);
        Assert.DoesNotContain(ella.Who.UserAadObjectId, await host.DumpAsync("members"), StringComparison.Ordinal);
        Assert.DoesNotContain("ERASE-DESC-5e", await host.DumpAsync("state"), StringComparison.Ordinal);
        Assert.DoesNotContain(ella.Who.UserAadObjectId, await host.DumpAsync("conversationrefs"), StringComparison.Ordinal);
        var anonymised = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(IncidentKind.Threat, anonymised!.Details.Kind);
        Assert.NotNull(await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", keptCase, default));

        var log = await host.App.Get<TablePrivacyLog>().ListAsync(Activities.TenantId, "alingsas", default);
        var erased = Assert.Single(log, e => e.Action == ErasureAction.Erased);
        Assert.True(erased.Allowed);
        Assert.Equal((PrivacySteps.Alex, "Alex Wilber"), (erased.ActorAadObjectId, erased.ActorName));
        Assert.Equal((ella.Who.UserAadObjectId, Name), (erased.Subject, erased.SubjectName));
        Assert.Contains("reports anonymised 1", erased.Detail, StringComparison.Ordinal);
        Assert.Contains(log, e => e.Action == ErasureAction.Requested && e.Allowed);
        var logTable = await host.DumpAsync("privacy");
        Assert.All(Secrets, s => Assert.DoesNotContain(s, logTable, StringComparison.Ordinal));

        // The member, writing again, finds nothing of theirs.
        var mine = CardJson.TextOf(await ella.SayAsync("vilka uppgifter har ni om mig"));
        Assert.Contains("Du har ingen profil hos oss.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(caseNumber, mine, StringComparison.Ordinal);

        Assert.All(Secrets, s => Assert.DoesNotContain(s, host.LogText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffErase_AWaitingFileThatMayNameTheMember_IsDeleted_OtherOrganisationsKeepTheirs()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var files = host.App.Get<Trygg.Storage.Documents.IPrivateFiles>();
        var expires = DateTimeOffset.UtcNow.AddHours(20);
        var list = await files.KeepAsync(
            new(Activities.TenantId, "alingsas", PrivacySteps.Alex, "utbildning.csv", "text/csv", System.Text.Encoding.UTF8.GetBytes(Name), expires), default);
        var elsewhere = await files.KeepAsync(
            new(Activities.TenantId, "goteborg", "gbg-staff", "utbildning.csv", "text/csv", [1, 2, 3], expires), default);

        var confirm = await host.SayInChannelAsync($"radera uppgifter {Name}");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());

        Assert.Null(await files.GetAsync(Activities.TenantId, PrivacySteps.Alex, list, default));
        Assert.NotNull(await files.GetAsync(Activities.TenantId, "gbg-staff", elsewhere, default));
        var erased = Assert.Single(await host.App.Get<TablePrivacyLog>().ListAsync(Activities.TenantId, "alingsas", default), e => e.Action == ErasureAction.Erased);
        Assert.Contains("waiting files deleted 1", erased.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffErase_TheMeetingNoticeInTheChannel_BecomesTheErasedCard_AndItsPlaceIsForgotten()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var (_, reference) = await ella.MeetingNoticeAsync("NOTICE-TOPIC-8b en skola läggs ned");
        await host.DeliverAllAsync();
        var notices = new Azure.Data.Tables.TableClient(azurite.ConnectionString, host.TablePrefix + "notices");
        var posted = notices.Query<Trygg.Outbox.OutboxEntity>(r => r.Kind == "MeetingNoticeToChannel")
            .Where(ErasedCards.IsPostedCard)
            .Select(r => (r.ConversationId!, r.ActivityId!))
            .ToList();
        var place = Assert.Single(posted);
        Assert.Contains("NOTICE-TOPIC-8b", host.Connector.GetActivity(place.Item1, place.Item2)!.ToJsonString(), StringComparison.Ordinal);

        var confirm = await host.SayInChannelAsync($"radera uppgifter {Name}");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());
        await host.DeliverAllAsync();

        host.AssertErasedCards(posted, reference, ["NOTICE-TOPIC-8b", Name]);
        var left = await host.DumpAsync("notices") + await host.DumpAsync("reminders");
        Assert.DoesNotContain(place.Item2, left, StringComparison.Ordinal);
        Assert.DoesNotContain("NOTICE-TOPIC-8b", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffErase_TheMembersTrainingReminders_AreDeleted_OthersStay()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var outbox = host.App.Get<Trygg.Outbox.TableOutboxStore>();
        Trygg.Outbox.OutboxEntity Reminder(string memberId, string name)
        {
            var row = Trygg.Outbox.OutboxEntity.New(
                Trygg.Training.ReminderScheduler.Partition(Activities.TenantId, "alingsas", "course", "2026"),
                Trygg.Training.ReminderScheduler.RowKey(memberId, 1),
                Activities.TenantId, "alingsas", "course", Trygg.Outbox.OutboxKind.TrainingReminder, DateTimeOffset.UtcNow);
            row.RecipientAadObjectId = memberId;
            row.RecipientName = name;
            return row;
        }

        await outbox.AddIfMissingAsync(Reminder(ella.Who.UserAadObjectId, Name), default);
        await outbox.AddIfMissingAsync(Reminder("00000000-0000-0000-0000-00000000beef", "Kvar Kvarsdotter"), default);
        Assert.Contains(Name, await host.DumpAsync("reminders"), StringComparison.Ordinal);

        var confirm = await host.SayInChannelAsync($"radera uppgifter {Name}");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());

        var reminders = await host.DumpAsync("reminders");
        Assert.DoesNotContain(Name, reminders, StringComparison.Ordinal);
        Assert.DoesNotContain(ella.Who.UserAadObjectId, reminders, StringComparison.Ordinal);
        Assert.Contains("Kvar Kvarsdotter", reminders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffErase_EveryPostedCardBecomesTheErasedCard_AndItsPlaceIsForgotten()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var dispatcher = host.App.Get<Trygg.Outbox.OutboxDispatcher>();
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var caseNumber = await ella.ReportAsync(Description, "ErasePlatformZz");
        while (await dispatcher.RunOnceAsync(default) > 0)
        {
        }

        var posted = (await host.App.Get<Trygg.Outbox.TableOutboxStore>().ListForCaseAsync(Activities.TenantId, "alingsas", caseNumber, default))
            .Where(ErasedCards.IsPostedCard)
            .Select(r => (r.ConversationId!, r.ActivityId!))
            .ToList();
        Assert.NotEmpty(posted);
        Assert.Contains(posted, p => Assert.IsType<JsonObject>(host.Connector.GetActivity(p.Item1, p.Item2)).ToJsonString().Contains(caseNumber, StringComparison.Ordinal));

        var confirm = await host.SayInChannelAsync($"radera uppgifter {Name}");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());
        while (await dispatcher.RunOnceAsync(default) > 0)
        {
        }

        host.AssertErasedCards(posted, caseNumber, Secrets);

        var reminders = await host.DumpAsync("reminders");
        Assert.All(posted, p => Assert.DoesNotContain(p.Item2, reminders, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffErase_ACardTeamsWillNotUpdate_FailsAndItsPlaceIsForgottenAnyway()
    {
        await using var host = await PrivacySteps.StartAsync(azurite, logs: new LogCapture(), settings: new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "1" });
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var caseNumber = await ella.ReportAsync(Description, "ErasePlatformZz");
        await host.DeliverAllAsync();
        var posted = await host.PostedCardsAsync(caseNumber);
        Assert.NotEmpty(posted);
        host.Connector.FailWhen(r => r.Operation == FakeConnectorOperation.UpdateActivity, FakeConnectorFault.Status(500, "InternalServerError", "Teams is down."));

        await EraseAsync(host, Name);
        await host.DeliverAllAsync();

        var reminders = await host.DumpAsync("reminders");
        Assert.Contains($"Kind={nameof(OutboxKind.ErasedCard)}", reminders, StringComparison.Ordinal);
        Assert.Contains($"State={nameof(OutboxState.Failed)}", reminders, StringComparison.Ordinal);
        Assert.DoesNotContain($"State={nameof(OutboxState.Pending)}", reminders, StringComparison.Ordinal);
        Assert.All(posted, p => Assert.DoesNotContain(p.Item1, reminders, StringComparison.Ordinal));
        Assert.All(posted, p => Assert.DoesNotContain(p.Item2, reminders, StringComparison.Ordinal));
        Assert.Contains(host.Logs!.Entries, e => e.Message.Contains("its place is forgotten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffErase_AHandoverStillWaitingForTheMember_IsDeleted()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var keep = host.Member("Kalle Kvarsson");
        foreach (var who in new[] { ella, keep })
        {
            using var asked = await host.App.PostActivityAsync(Activities.InChannel(who.Who.Message("rapportera"), "19:general@thread.tacv2", who.Who.UserAadObjectId, "Medlem"));
            Assert.Equal(System.Net.HttpStatusCode.OK, asked.StatusCode);
        }

        Assert.Contains(ella.Who.UserAadObjectId, await host.DumpAsync("reminders"), StringComparison.OrdinalIgnoreCase);

        await EraseAsync(host, Name);

        var reminders = await host.DumpAsync("reminders");
        Assert.DoesNotContain(ella.Who.UserAadObjectId, reminders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(keep.Who.UserAadObjectId, reminders, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Security staff in the channel ask to erase <paramref name="name"/>'s data and confirm on the card.</summary>
    private static async Task EraseAsync(TryggBot host, string name)
    {
        var confirm = await host.SayInChannelAsync($"radera uppgifter {name}");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        var done = await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());
        Assert.Contains("Raderat", CardJson.TextOf(done["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberTriesToErase_IsRefusedPolitely_NothingGoes_AndTheAttemptIsLogged()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var caseNumber = await ella.ReportAsync(Description);
        var mallory = host.Member("Mallory Medlem");
        await mallory.SaveProfileAsync();

        // In their own chat, by command...
        var reply = await mallory.SayAsync($"radera uppgifter {Name}");
        Assert.Contains("bara säkerhetsenheten", (string?)reply["text"], StringComparison.Ordinal);

        // ...and in the channel, pressing a forged confirmation button.
        var pressed = await host.PressInChannelAsync(
            "privacy.erase.confirm",
            new JsonObject { ["org"] = "alingsas", ["member"] = ella.Who.UserAadObjectId },
            mallory.Who.UserAadObjectId,
            "Mallory Medlem");
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)pressed["type"]);
        Assert.Contains("bara säkerhetsenheten", (string?)pressed["value"], StringComparison.Ordinal);

        var incident = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(Description, incident!.Details.Description);
        Assert.NotNull(await host.App.Get<IMemberProfileStore>().GetAsync(new MemberKey(Activities.TenantId, ella.Who.UserAadObjectId), default));

        var log = await host.App.Get<TablePrivacyLog>().ListAsync(Activities.TenantId, "alingsas", default);
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.False(e.Allowed));
        Assert.All(log, e => Assert.Equal(mallory.Who.UserAadObjectId, e.ActorAadObjectId));
        Assert.Contains(log, e => e.Action == ErasureAction.Requested && e.Subject == Name);
        Assert.Contains(log, e => e.Action == ErasureAction.Erased && e.Subject == ella.Who.UserAadObjectId);
    }

    [Fact]
    public async Task StaffCancel_NothingGoes()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var caseNumber = await ella.ReportAsync(Description);

        var confirm = await host.SayInChannelAsync($"radera uppgifter {ella.Who.UserAadObjectId[..8]}");
        Assert.Contains("Jag hittar ingen ledamot", (string?)confirm["text"], StringComparison.Ordinal);
        confirm = await host.SayInChannelAsync("radera uppgifter ella.erasmusdotter@alingsas.example");
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.cancel")!;
        var cancelled = await host.PressInChannelAsync("privacy.erase.cancel", button["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("Inget raderades", CardJson.TextOf(cancelled["value"]), StringComparison.Ordinal);
        var incident = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(Description, incident!.Details.Description);
    }

    [Fact]
    public async Task StaffConfirm_ForgedForAMemberOfAnotherOrganisation_Refused_NothingGoes_AndLogged()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var ella = host.Member(Name);
        await ella.SaveProfileAsync();
        var caseNumber = await ella.ReportAsync(Description);

        // Alex is security staff of Göteborg too; a card that names Göteborg and Ella (an Alingsås member) is forged.
        var forged = await host.PressInChannelAsync("privacy.erase.confirm", new JsonObject { ["org"] = "goteborg", ["member"] = ella.Who.UserAadObjectId });

        Assert.Contains("Jag hittar ingen ledamot", forged.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(ella.Who.UserAadObjectId, await host.DumpAsync("members"), StringComparison.Ordinal);
        Assert.Contains(ella.Who.UserAadObjectId, await host.DumpAsync("conversationrefs"), StringComparison.Ordinal);
        var incident = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(Description, incident!.Details.Description);
        var log = await host.App.Get<TablePrivacyLog>().ListAsync(Activities.TenantId, "goteborg", default);
        var refused = Assert.Single(log);
        Assert.Equal((ErasureAction.Erased, false, ella.Who.UserAadObjectId), (refused.Action, refused.Allowed, refused.Subject));
    }

    /// <summary>
    /// A member who moved to Göteborg asks Alingsås, where they reported before, to erase what it keeps: Alingsås finds them
    /// by name though their profile is Göteborg's now, anonymises the old report, and leaves the profile and the chat, which
    /// belong to Göteborg now.
    /// </summary>
    [Fact]
    public async Task StaffErase_AFormerMemberWhoMoved_TheirReportHereIsAnonymised_TheirProfileAndChatStay()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var maja = host.Member("Maja Flyttad");
        await maja.SaveProfileAsync();
        var caseNumber = await maja.ReportAsync(Description);
        await maja.MoveToAsync("goteborg");
        var store = host.App.Get<IMemberProfileStore>();
        var key = new MemberKey(Activities.TenantId, maja.Who.UserAadObjectId);

        var confirm = await host.SayInChannelAsync("radera uppgifter Maja Flyttad");
        Assert.Contains("1 rapport,", CardJson.TextOf(confirm), StringComparison.Ordinal);
        var button = confirm["actions"]!.AsArray().Single(a => (string?)a!["verb"] == "privacy.erase.confirm")!;
        var done = await host.PressInChannelAsync("privacy.erase.confirm", button["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("Raderat", CardJson.TextOf(done["value"]), StringComparison.Ordinal);
        var incident = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.NotNull(incident);
        Assert.NotEqual(Description, incident.Details.Description);
        Assert.DoesNotContain(maja.Who.UserAadObjectId, await host.DumpAsync("incidents"), StringComparison.Ordinal);
        Assert.Equal("goteborg", (await store.GetAsync(key, default))?.OrganisationId);
        Assert.Contains(maja.Who.UserAadObjectId, await host.DumpAsync("conversationrefs"), StringComparison.Ordinal);
        var erased = Assert.Single(await host.App.Get<TablePrivacyLog>().ListAsync(Activities.TenantId, "alingsas", default), e => e.Action == ErasureAction.Erased);
        Assert.Contains("reports anonymised 1", erased.Detail, StringComparison.Ordinal);
        Assert.Contains("profile deleted no", erased.Detail, StringComparison.Ordinal);
    }

    /// <summary>A member of another organisation who never reported here is no one Alingsås can find or erase.</summary>
    [Fact]
    public async Task StaffErase_AMemberOfAnotherOrganisationWithNothingHere_IsNotFound()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var otto = host.Member("Otto Annanstans");
        await otto.SaveProfileAsync();
        await otto.MoveToAsync("goteborg");

        var reply = await host.SayInChannelAsync("radera uppgifter Otto Annanstans");

        Assert.Contains("Jag hittar ingen ledamot", reply.ToJsonString(), StringComparison.Ordinal);
    }
}
