namespace Trygg.Organisations.Sources;

/// <summary>
/// One organisation profile as its source holds it: <paramref name="Name"/> names it in errors ("alingsas.json", or
/// "tryggprofiles/alingsas" for a table row), <paramref name="Json"/> is the text as written, and <paramref name="Id"/>
/// is the organisation id the source files it under (a table's row key), which the profile's own id must match.
/// </summary>
public sealed record ProfileText(string Name, string Json, string? Id = null);
