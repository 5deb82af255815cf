using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// One request's page: the request, what the person looking at it may do, and its one form ("Update this request")
/// as it was shown or as it was typed when it comes back with errors.
/// </summary>
public sealed record LeadDetailScreen(LeadDetail Detail, bool CanDelete, LeadUpdateForm Form)
{
    /// <summary>Messages next to the form's fields, by field name; none when the form is shown fresh.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>What the last save did, shown at the top of the form it was made in.</summary>
    public LeadSavedMessage? Saved { get; init; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>After a save: what changed (success), or that nothing did (information, not an error).</summary>
public sealed record LeadSavedMessage(string Text, bool NothingChanged);

/// <summary>
/// The request's one form: every field is sent with every button, so nothing typed is lost whichever is pressed.
/// The *Was fields hold what the form showed, so a field left alone never undoes someone else's change.
/// </summary>
public sealed class LeadUpdateForm
{
    /// <summary>The status to move to; empty keeps the current one (the choice the form starts with).</summary>
    public string? Status { get; set; }

    public string? Note { get; set; }

    // Empty means "nobody" (or "no date"), which is not the same as not sent (null: left as it is), so an empty
    // value stays empty instead of being bound as null.
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? AssignedTo { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? AssignedToWas { get; set; }

    /// <summary>yyyy-MM-dd, as a date field sends it; empty for none.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? FollowUpOn { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? FollowUpOnWas { get; set; }

    /// <summary>The button pressed: "save" (also Enter), "unread" or "genuine".</summary>
    public string? Intent { get; set; }

    public static LeadUpdateForm For(LeadDetails request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var followUp = request.FollowUpOn?.ToString(LeadUpdateRules.DateFormat, CultureInfo.InvariantCulture) ?? "";
        return new LeadUpdateForm
        {
            Status = "",
            AssignedTo = request.AssignedToId ?? "",
            AssignedToWas = request.AssignedToId ?? "",
            FollowUpOn = followUp,
            FollowUpOnWas = followUp,
        };
    }

    /// <summary>Shown again after an error: a field that was not sent shows the request's value, as a fresh form would.</summary>
    public LeadUpdateForm WithUnsentFieldsFrom(LeadDetails request)
    {
        var shown = For(request);
        AssignedTo ??= shown.AssignedTo;
        AssignedToWas ??= shown.AssignedToWas;
        FollowUpOn ??= shown.FollowUpOn;
        FollowUpOnWas ??= shown.FollowUpOnWas;
        return this;
    }

    public LeadUpdate ToUpdate() => new(Status, Note, AssignedTo, FollowUpOn, AssignedToWas, FollowUpOnWas, Intent switch
    {
        "unread" => LeadUpdateIntent.MarkUnread,
        "genuine" => LeadUpdateIntent.MarkGenuine,
        _ => LeadUpdateIntent.Save,
    });
}
