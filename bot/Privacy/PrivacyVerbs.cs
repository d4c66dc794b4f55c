using Trygg.Conversation;

namespace Trygg.Privacy;

/// <summary>The privacy feature's verbs: the two commands (in <see cref="FeatureVerbs"/>) and the confirmation card's buttons.</summary>
internal static class PrivacyVerbs
{
    public const string MyData = FeatureVerbs.MyData;
    public const string Erase = FeatureVerbs.EraseData;
    public const string Confirm = "privacy.erase.confirm";
    public const string Cancel = "privacy.erase.cancel";
}
