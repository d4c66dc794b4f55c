namespace Trygg.Members.Profile;

/// <summary>The profile card's verbs and the data they carry.</summary>
/// <remarks>
/// <see cref="Show"/> data (all optional): <see cref="ProfileData.Next"/>, the verb to continue with once the profile is
/// saved; <see cref="ProfileData.Organisation"/>, a municipality to fill the profile in for; <see cref="ProfileData.Step"/>,
/// set by the card itself. <see cref="Save"/> data: the card's inputs (<see cref="ProfileData.Organisation"/>,
/// <see cref="ProfileData.Party"/>, <see cref="ProfileData.Role"/>, <see cref="ProfileData.Bodies"/>,
/// <see cref="ProfileData.Phone"/>) and <see cref="ProfileData.Next"/>.
/// </remarks>
public static class ProfileVerbs
{
    /// <summary>Show the profile card (the member's saved values, or an empty form).</summary>
    public const string Show = "profile.show";

    /// <summary>Check and save the card's inputs; then continue with <see cref="ProfileData.Next"/> or confirm.</summary>
    public const string Save = "profile.save";
}

/// <summary>Keys in the profile card's data (input ids included).</summary>
public static class ProfileData
{
    public const string Next = "next";
    public const string Step = "step";
    public const string Organisation = "organisation";
    public const string Party = "party";
    public const string Role = "role";
    public const string Bodies = "bodies";
    public const string Phone = "phone";
}

/// <summary>Values of <see cref="ProfileData.Step"/>, set by the card's buttons when there are several municipalities.</summary>
public static class ProfileSteps
{
    /// <summary>The member picked a municipality ("Nästa"): check it and show the rest of the form.</summary>
    public const string Organisation = "organisation";

    /// <summary>The member wants another municipality ("Byt kommun"): show the municipality choice again.</summary>
    public const string ChangeOrganisation = "changeOrganisation";
}
