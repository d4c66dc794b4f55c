using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance;

/// <summary>
/// The words of the guidance cards, in GuidanceTexts.resx (Swedish) and GuidanceTexts.en.resx (English). The guidance
/// itself is Swedish and is quoted as written; only the card around it follows the member's language, and
/// <c>QuotedInSwedish</c> is shown only when that language is not Swedish. Short sentences: the reader may be
/// frightened. <c>DateCulture</c> formats dates the member reads.
/// </summary>
public sealed record GuidanceTexts(
    string AnswerTitle,
    string QuotedInSwedish,
    string Section,
    string Undated,
    string National,
    string OwnMunicipality,
    string OtherMunicipality,
    string AppliesTo,
    string OpenSource,
    string NoSourceAddress,
    string ReadAlso,
    string DidThisHelp,
    string Yes,
    string No,
    string ThanksYes,
    string ThanksNo,
    string Danger,
    string NoAnswerTitle,
    string AskUnit,
    string AskUnknownUnit,
    string SomethingHappened,
    string Report,
    string AskAgain,
    string Contacts,
    string AskPrompt,
    string UnansweredTitle,
    string UnansweredIntro,
    string UnansweredEmpty,
    string NotAdministrator,
    string SuggestTitle,
    string SuggestIntro,
    string NoneOfThese,
    string NoneOfTheseTitle,
    string ChoiceGone,
    string ThanksNoCallFormat,
    string CallFormat,
    string SecurityUnit,
    string BrowseYourself,
    string DateCulture)
{
    public static GuidanceTexts For(Language language) => LocalizedTexts.For<GuidanceTexts>(language);
}
