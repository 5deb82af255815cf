using System.Globalization;

namespace PiriSite.Web.Services.Caching;

/// <summary>What a save changed, so the in-memory copy of the content (<see cref="PublishedContent"/>) reloads only that.</summary>
public enum ContentChangeScope
{
    /// <summary>Nothing to reload: scheduled pages went live (the copy holds them already; readers compare the time).</summary>
    Nothing,
    Article,
    PracticeArea,
    /// <summary>The topic list, and so which articles are filed under which topic.</summary>
    Topics,
    /// <summary>The firm profile or the consultation notice, in any language.</summary>
    Firm,
    /// <summary>Unknown changes (a message missed while Redis was away): everything is read again.</summary>
    Everything,
}

/// <summary>One change: its scope and, for a page, the row's id. Written as "article:12" in the messages between instances.</summary>
public sealed record ContentChange(ContentChangeScope Scope, int Id = 0)
{
    public static readonly ContentChange Nothing = new(ContentChangeScope.Nothing);
    public static readonly ContentChange Topics = new(ContentChangeScope.Topics);
    public static readonly ContentChange Firm = new(ContentChangeScope.Firm);
    public static readonly ContentChange Everything = new(ContentChangeScope.Everything);

    public static ContentChange Page(ContentKind kind, int id) =>
        new(kind == ContentKind.Article ? ContentChangeScope.Article : ContentChangeScope.PracticeArea, id);

    public override string ToString() => $"{Scope}:{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A change written by <see cref="ToString"/>; anything unreadable is read as <see cref="Everything"/>.</summary>
    public static ContentChange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        return separator > 0
            && Enum.TryParse<ContentChangeScope>(text[..separator], out var scope) && Enum.IsDefined(scope)
            && int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ContentChange(scope, id)
            : Everything;
    }
}
