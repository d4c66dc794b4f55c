using Trygg.Cards;
using Trygg.Organisations;

namespace Trygg.Members.Profile;

/// <summary>
/// Data of Members/Cards/Profile.json. With one municipality it is one form; with several, two steps on the same
/// card: first the municipality (its parties and bodies differ), then the rest.
/// </summary>
/// <remarks>Every text is a string, never null: an unresolved <c>${...}</c> would stay in the card as written.</remarks>
public sealed record ProfileCard(
    string Title,
    string Intro,
    string Message,
    IdentityView Identity,
    OrganisationField Organisation,
    bool ShowDetails,
    ChoiceField Party,
    ChoiceField Role,
    ChoiceField Bodies,
    TextField Phone,
    string Next,
    SubmitButton Submit)
{
    public const string Template = "Members/Profile";

    /// <param name="organisations">Every organisation the member can choose.</param>
    /// <param name="chosen">The municipality the rest of the form is for; null to ask for it first (several municipalities).</param>
    public static ProfileCard Build(
        ProfileTexts texts,
        IReadOnlyList<Organisation> organisations,
        Organisation? chosen,
        ProfileForm form,
        ProfileErrors errors,
        MemberIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(identity);

        var single = organisations.Count == 1;
        chosen ??= single ? organisations[0] : null;
        var askOrganisation = chosen is null;
        return new ProfileCard(
            texts.Title,
            texts.Intro,
            errors.Any ? texts.FixBelow : "",
            new IdentityView(texts.NameLabel, identity.Name, texts.EmailLabel, identity.Email ?? "", texts.IdentityNote),
            new OrganisationField(
                texts.OrganisationLabel,
                texts.OrganisationPlaceholder,
                texts.OrganisationMissing,
                Editable: single || askOrganisation,
                Changeable: !single && !askOrganisation,
                chosen?.Name ?? "",
                chosen?.Id ?? form.OrganisationId ?? "",
                [.. organisations.Select(o => new Choice(o.Name, o.Id))],
                errors.Organisation ?? "",
                texts.ChangeOrganisation),
            ShowDetails: !askOrganisation,
            new ChoiceField(
                texts.PartyLabel,
                texts.PartyPlaceholder,
                texts.PartyMissing,
                form.Party ?? "",
                chosen is null ? [] : [.. chosen.Parties.Select(p => new Choice(p, p))],
                errors.Party ?? ""),
            new ChoiceField(
                texts.RoleLabel,
                "",
                texts.RoleMissing,
                form.Role ?? "",
                [new(texts.RoleSarskiltArvoderad, RoleCodes.SarskiltArvoderad), new(texts.RoleFritidspolitiker, RoleCodes.Fritidspolitiker)],
                errors.Role ?? ""),
            new ChoiceField(
                texts.BodiesLabel,
                texts.BodiesPlaceholder,
                "",
                string.Join(',', form.BodyIds),
                chosen is null ? [] : [.. chosen.Bodies.Select(b => new Choice(b.Name, b.Id))],
                errors.Bodies ?? ""),
            new TextField(texts.PhoneLabel, texts.PhonePlaceholder, texts.PhoneHint, form.Phone ?? "", errors.Phone ?? ""),
            form.Next ?? "",
            askOrganisation
                ? new SubmitButton(texts.Next, ProfileVerbs.Show, ProfileSteps.Organisation)
                : new SubmitButton(texts.Save, ProfileVerbs.Save, ""));
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }
}

/// <summary>Name and e-mail as Teams knows them: shown, never typed.</summary>
public sealed record IdentityView(string NameLabel, string Name, string EmailLabel, string Email, string Note);

/// <param name="Editable">A choice on the card (the first step, or the only municipality); otherwise shown as text.</param>
/// <param name="Changeable">Offer "Byt kommun" (several municipalities, one chosen).</param>
public sealed record OrganisationField(
    string Label,
    string Placeholder,
    string Missing,
    bool Editable,
    bool Changeable,
    string Name,
    string Value,
    IReadOnlyList<Choice> Choices,
    string Error,
    string ChangeTitle);

/// <param name="Missing">What the client says when a required choice is empty (the server checks too).</param>
/// <param name="Value">The chosen value(s); several are comma-separated, as a multi-select ChoiceSet sends them.</param>
public sealed record ChoiceField(string Label, string Placeholder, string Missing, string Value, IReadOnlyList<Choice> Choices, string Error);

public sealed record TextField(string Label, string Placeholder, string Hint, string Value, string Error);

public sealed record Choice(string Title, string Value);

/// <param name="Step">Sent as <see cref="ProfileData.Step"/>.</param>
public sealed record SubmitButton(string Title, string Verb, string Step);
