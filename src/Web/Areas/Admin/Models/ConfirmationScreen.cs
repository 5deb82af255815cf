namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The page that stands between a tap and an action that cannot be undone (a deletion, disabling an account,
/// resetting two-factor, restoring an old revision). The action's POST shows it when it arrives without
/// <see cref="ConfirmedField"/>; its form posts the same fields again with it, so it works without JavaScript.
/// </summary>
/// <param name="Title">What is about to happen, as a question: "Delete 3 requests permanently?"</param>
/// <param name="Consequences">What will happen, one sentence each, in the words the person uses.</param>
/// <param name="Action">Where the confirmed form posts (the same action that asked).</param>
/// <param name="Fields">The posted fields to send again (hidden), such as the selected references.</param>
/// <param name="ConfirmLabel">The confirming button: "Delete 3 requests permanently".</param>
/// <param name="CancelUrl">Where "Keep …" goes back to, changing nothing.</param>
/// <param name="CancelLabel">"Keep them", "Cancel".</param>
public sealed record ConfirmationScreen(
    string Title,
    IReadOnlyList<string> Consequences,
    string Action,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string ConfirmLabel,
    string CancelUrl,
    string CancelLabel = "Cancel")
{
    /// <summary>The field that says the person has seen this page and confirmed.</summary>
    public const string ConfirmedField = "confirmed";

    /// <summary>Styles the confirming button as dangerous (deletions, disabling).</summary>
    public bool Danger { get; init; } = true;

    /// <summary>Optional list of what is affected (references, names), shown under the consequences.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}
