using Trygg.Cases;
using Trygg.Reporting;

namespace Trygg.Reporting;

public sealed class ReportFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero); // 11:00 in Stockholm
    private static readonly string[] Assignments = ["ks", "party"];
    private static readonly ReportingTexts Sv = ReportingTexts.Swedish;

    private static Dictionary<string, string?> StepOne(Action<Dictionary<string, string?>>? change = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["kind"] = "threat", ["date"] = "2026-11-23", ["time"] = "10:30", ["place"] = "home",
            ["platform"] = "", ["assignment"] = "ks", ["description"] = "Ett hotbrev i brevlådan.",
        };
        change?.Invoke(values);
        return values;
    }

    private static Dictionary<string, string?> StepTwo(Action<Dictionary<string, string?>>? change = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["perpetrator"] = "unknown", ["ongoing"] = "false", ["relatives"] = "true", ["injured"] = "false",
            ["evidence"] = "photos,notes", ["police"] = "made", ["diary"] = "5000-K123456-26", ["contact"] = "teams",
        };
        change?.Invoke(values);
        return values;
    }

    [Fact]
    public void ValidateStepOne_ValidInput_NoErrors() =>
        Assert.Empty(ReportForm.ValidateStepOne(StepOne(), Assignments, Now, Sv));

    [Theory]
    [InlineData("2026-11-23", "11:30", "Tiden kan inte vara i framtiden.")] // half an hour ahead of Stockholm's 11:00
    [InlineData("2026-11-24", "00:00", "Tiden kan inte vara i framtiden.")]
    [InlineData("", "10:00", "Ange datum och klockslag.")]
    [InlineData("23/11/2026", "10:00", "Ange datum och klockslag.")]
    [InlineData("2026-11-23", "25:00", "Ange datum och klockslag.")]
    public void ValidateStepOne_BadWhen_ErrorOnDate(string date, string time, string message)
    {
        var errors = ReportForm.ValidateStepOne(StepOne(v => { v["date"] = date; v["time"] = time; }), Assignments, Now, Sv);

        Assert.Equal(message, errors["date"]);
    }

    [Fact]
    public void ValidateStepOne_StockholmWallClock_JustBeforeNowIsFine()
    {
        Assert.Empty(ReportForm.ValidateStepOne(StepOne(v => v["time"] = "11:00"), Assignments, Now, Sv));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData(null)]
    public void ValidateStepOne_EmptyDescription_Error(string? description)
    {
        var errors = ReportForm.ValidateStepOne(StepOne(v => v["description"] = description), Assignments, Now, Sv);

        Assert.Equal(Sv.ErrorDescription, errors["description"]);
    }

    [Fact]
    public void ValidateStepOne_4000Characters_Ok_4001_Error()
    {
        Assert.Empty(ReportForm.ValidateStepOne(StepOne(v => v["description"] = new string('å', 4000)), Assignments, Now, Sv));
        var errors = ReportForm.ValidateStepOne(StepOne(v => v["description"] = new string('å', 4001)), Assignments, Now, Sv);
        Assert.Equal("Texten är 4001 tecken. Högst 4 000 får plats. Korta den, så skickar vi den. Inget har tagits bort.", errors["description"]);
    }

    [Theory]
    [InlineData("kind", "threats")]
    [InlineData("kind", "Threat")]
    [InlineData("place", "")]
    [InlineData("assignment", "kf")]
    public void ValidateStepOne_UnknownChoice_ErrorOnThatField(string field, string value)
    {
        var errors = ReportForm.ValidateStepOne(StepOne(v => v[field] = value), Assignments, Now, Sv);

        Assert.Equal([field], errors.Keys);
        Assert.Equal(Sv.ErrorChoose, errors[field]);
    }

    [Fact]
    public void ValidateStepOne_OnlineWithoutPlatform_AsksWhere()
    {
        var errors = ReportForm.ValidateStepOne(StepOne(v => v["place"] = "online"), Assignments, Now, Sv);

        Assert.Equal(Sv.ErrorPlatform, errors["platform"]);
    }

    [Fact]
    public void ValidateStepTwo_ValidInput_NoErrors() => Assert.Empty(ReportForm.ValidateStepTwo(StepTwo(), hasPhone: false, Sv));

    [Theory]
    [InlineData("diary", "<script>", "ErrorDiary")]
    [InlineData("evidence", "photos,selfies", "ErrorChoose")]
    [InlineData("police", "maybe", "ErrorChoose")]
    [InlineData("contact", "phone", "ErrorPhoneForContact")]
    [InlineData("informParty", "kanske", "ErrorChoose")]
    public void ValidateStepTwo_BadField_ErrorOnThatField(string field, string value, string textName)
    {
        var errors = ReportForm.ValidateStepTwo(StepTwo(v => v[field] = value), hasPhone: false, Sv);

        var expected = (string)typeof(ReportingTexts).GetProperty(textName)!.GetValue(Sv)!;
        Assert.Equal(expected, errors[field]);
    }

    [Fact]
    public void ToDetails_ValidForm_ReadsEveryFieldInStockholmTime()
    {
        var values = StepOne();
        foreach (var (key, value) in StepTwo())
        {
            values[key] = value;
        }

        var d = ReportForm.ToDetails(values);

        Assert.Equal(IncidentKind.Threat, d.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(1)), d.OccurredAt);
        Assert.Equal(IncidentPlace.Home, d.Place);
        Assert.Null(d.Platform);
        Assert.True(d.RelativesAffected);
        Assert.Equal([Evidence.Photos, Evidence.Notes], d.Evidence);
        Assert.Equal("5000-K123456-26", d.PoliceDiaryNumber);
        Assert.Equal(ContactWish.Teams, d.Contact);
    }

    private static Dictionary<string, string?> Both(Action<Dictionary<string, string?>>? change = null)
    {
        var values = StepOne();
        foreach (var (key, value) in StepTwo())
        {
            values[key] = value;
        }

        change?.Invoke(values);
        return values;
    }

    [Fact]
    public void ToDetails_PartyQuestionNotAsked_InformsTheParty()
    {
        var d = ReportForm.ToDetails(Both());

        Assert.True(d.InformParty);
        Assert.False(d.NotSafe);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("", true)]
    public void ToDetails_PartyQuestion_FollowsTheAnswer(string answer, bool inform) =>
        Assert.Equal(inform, ReportForm.ToDetails(Both(v => v[ReportForm.InformParty] = answer)).InformParty);

    [Fact]
    public void ToDetails_MemberSaidNotSafe_IsKept() =>
        Assert.True(ReportForm.ToDetails(Both(v => v[ReportForm.NotSafe] = "true")).NotSafe);

    [Fact]
    public void StepTwoFields_IncludeThePartyQuestion_SoBackAndPreviewKeepTheAnswer() =>
        Assert.Contains(ReportForm.InformParty, ReportForm.StepTwoFields);

    [Theory]
    [InlineData("kind", "threat", false)]
    [InlineData("kind", "violence", true)]
    [InlineData("injured", "true", true)]
    [InlineData("ongoing", "true", true)]
    [InlineData(ReportForm.NotSafe, "true", true)]
    public void RoutingRequest_AcuteOrViolent_FromKindInjuryOngoingOrNotSafe(string field, string value, bool acute)
    {
        var organisation = Testing.ShippedProfiles.Load().Find("goteborg")!;
        var profile = new Members.MemberProfile("goteborg", "Moderaterna", Trygg.Organisations.MemberRole.Fritidspolitiker, ["ks"], null, "Anna", null, Now);

        var request = ReportForm.RoutingRequest(organisation, profile, ReportForm.ToDetails(Both(v => v[field] = value)), Now);

        Assert.Equal(acute, request.AcuteOrViolent);
        Assert.Equal(("Moderaterna", Trygg.Organisations.MemberRole.Fritidspolitiker, "ks", Now), (request.Party, request.Role, request.BodyId, request.At));
    }

    [Fact]
    public void RoutingRequest_PartyAssignment_NoBodyAndOptOutPassedOn()
    {
        var organisation = Testing.ShippedProfiles.Load().Find("goteborg")!;
        var profile = new Members.MemberProfile("goteborg", "Moderaterna", Trygg.Organisations.MemberRole.SarskiltArvoderad, ["ks"], null, "Anna", null, Now);
        var details = ReportForm.ToDetails(Both(v => { v["assignment"] = "party"; v[ReportForm.InformParty] = "false"; }));

        var request = ReportForm.RoutingRequest(organisation, profile, details, Now);

        Assert.Null(request.BodyId);
        Assert.False(request.InformParty);
        Assert.Equal(Trygg.Organisations.MemberRole.SarskiltArvoderad, request.Role);
    }
}
