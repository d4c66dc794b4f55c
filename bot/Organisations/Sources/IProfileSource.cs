namespace Trygg.Organisations.Sources;

/// <summary>
/// Where the organisation profiles come from (<see cref="OrganisationsOptions.Source"/>): the folder shipped with the
/// bot or a table operators upload to. A source only reads texts; <see cref="ProfileReader"/> checks them.
/// </summary>
internal interface IProfileSource
{
    /// <summary>What the source is, for messages and logs ("table 'tryggprofiles'"); never personal data.</summary>
    string Description { get; }

    /// <summary>Every profile, read while the host starts; throws <see cref="OrganisationProfileException"/> with what to fix.</summary>
    IReadOnlyList<ProfileText> Read();

    /// <summary>Every profile, read again on the refresh; may throw whatever the store throws.</summary>
    Task<IReadOnlyList<ProfileText>> ReadAsync(CancellationToken cancellationToken);
}
