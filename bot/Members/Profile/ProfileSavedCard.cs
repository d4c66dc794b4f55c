using Trygg.Cards;
using Trygg.Organisations;

namespace Trygg.Members.Profile;

/// <summary>Data of Members/Cards/ProfileSaved.json: the confirmation that replaces the form, with what was saved.</summary>
public sealed record ProfileSavedCard(string Title, string Text, IReadOnlyList<Fact> Facts, string EditTitle)
{
    public const string Template = "Members/ProfileSaved";

    public static ProfileSavedCard For(ProfileTexts texts, MemberProfile profile, Organisation? organisation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(profile);
        var bodies = profile.BodyIds.Select(id => organisation?.FindBody(id)?.Name ?? id).ToList();
        return new ProfileSavedCard(
            texts.SavedTitle,
            texts.SavedText,
            [
                new(texts.NameLabel, profile.Name),
                new(texts.EmailLabel, profile.Email ?? texts.NotGiven),
                new(texts.OrganisationLabel, organisation?.Name ?? profile.OrganisationId),
                new(texts.PartyLabel, profile.Party),
                new(texts.SummaryRole, texts.RoleTitle(profile.Role)),
                new(texts.SummaryBodies, bodies.Count == 0 ? texts.NotGiven : string.Join(", ", bodies)),
                new(texts.SummaryPhone, profile.Phone ?? texts.NotGiven),
            ],
            texts.Edit);
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }
}

public sealed record Fact(string Title, string Value);
