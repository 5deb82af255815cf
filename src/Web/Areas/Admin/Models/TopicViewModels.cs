using System.Globalization;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>One language's part of the topic form, as posted (strings, so nothing typed is lost to a binding error).</summary>
public sealed class TopicLanguageForm
{
    public string Culture { get; set; } = SiteCulture.English;
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
}

/// <summary>The topic form: its words in each language and its place in the list.</summary>
public sealed class TopicForm
{
    public IList<TopicLanguageForm> Languages { get; set; } = [];

    public string? DisplayOrder { get; set; }

    /// <summary>The form in every supported language, English first, whatever was posted (a missing language is empty).</summary>
    public TopicForm InEveryLanguage() => new()
    {
        Languages = [.. SiteCulture.Supported.Select(culture =>
            Languages.FirstOrDefault(l => l.Culture == culture) ?? new TopicLanguageForm { Culture = culture })],
        DisplayOrder = DisplayOrder,
    };

    public static TopicForm Of(TopicGroup topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new TopicForm
        {
            Languages = [.. topic.Languages.Select(l => new TopicLanguageForm { Culture = l.Culture, Name = l.Name, Slug = l.Slug, Description = l.Description })],
            DisplayOrder = topic.DisplayOrder.ToString(CultureInfo.InvariantCulture),
        }.InEveryLanguage();
    }

    public TopicSubmission ToSubmission() => new(
        [.. Languages.Select(l => new TopicLanguageSubmission(l.Culture, l.Name, l.Slug, l.Description))], DisplayOrder);
}

public sealed record TopicListScreen(IReadOnlyList<TopicGroup> Topics);

/// <summary>The topic form, new (<see cref="Id"/> null) or of a stored topic (<see cref="Stored"/>, as it is stored).</summary>
public sealed record TopicEditorScreen(int? Id, TopicForm Form, TopicGroup? Stored);

/// <summary>What deleting a topic does, in the words staff use.</summary>
public static class TopicConfirmations
{
    public static ConfirmationScreen Delete(TopicGroup topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var names = string.Join(", ", topic.Languages.Select(l => $"“{l.Name}” ({ContentLabels.Language(l.Culture)})"));
        var articles = topic.ArticleCount switch
        {
            0 => "No article is filed under it.",
            1 => "The one article filed under it stays as it is, published or not: it is only no longer listed under this topic.",
            var count => $"The {count} articles filed under it stay as they are, published or not: they are only no longer listed under this topic.",
        };
        return new ConfirmationScreen(
            $"Delete the topic “{topic.Name}”?",
            [
                $"It is deleted in every language: {names}. Its index pages leave the public site.",
                articles,
                "This cannot be undone: to have it back, create the topic again and tick it on each article.",
            ],
            $"/admin/topics/{topic.Id}/delete",
            [],
            "Delete this topic",
            $"/admin/topics/{topic.Id}/edit",
            "Keep it");
    }
}
