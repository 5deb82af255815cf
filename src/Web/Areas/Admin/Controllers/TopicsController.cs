using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The list of topics articles are filed under, kept by staff: each topic in English, Spanish and French at once,
/// in the order the public site lists them. Which articles are under a topic is chosen in the article editor.
/// </summary>
[Route("admin/topics")]
public sealed class TopicsController(TopicService topics) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new TopicListScreen(await topics.ListAsync()));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new TopicEditorScreen(null, new TopicForm().InEveryLanguage(), null));

    [HttpPost("new")]
    public Task<IActionResult> Create(TopicForm form) => SaveAsync(null, form);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id) =>
        await topics.FindAsync(id) is { } topic ? View(new TopicEditorScreen(id, TopicForm.Of(topic), topic)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, TopicForm form) => SaveAsync(id, form);

    /// <summary>Asks first, on the confirmation page (the topic goes in every language; its articles stay).</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirmed = false)
    {
        if (!confirmed)
        {
            return await topics.FindAsync(id) is { } topic ? View("Confirm", TopicConfirmations.Delete(topic)) : NotFound();
        }

        if (await topics.DeleteAsync(id, User) is not { } deleted)
        {
            return NotFound();
        }

        TempData["Message"] = $"The topic “{deleted.Name}” was deleted in every language; its articles are kept.";
        return Redirect("/admin/topics");
    }

    /// <summary>One place up or down the list (<paramref name="direction"/> "up" or "down"), in every language.</summary>
    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, string? direction)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return await topics.MoveAsync(id, direction == "up", User) ? Redirect($"/admin/topics#topic-{id}") : NotFound();
    }

    private async Task<IActionResult> SaveAsync(int? id, TopicForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await topics.SaveAsync(id, form.ToSubmission(), User);
        if (outcome.TopicMissing)
        {
            return NotFound();
        }

        if (outcome.Saved)
        {
            TempData["Message"] = id is null ? "Topic created." : "Topic saved.";
            return Redirect("/admin/topics");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new TopicEditorScreen(id, form.InEveryLanguage(), id is { } existing ? await topics.FindAsync(existing) : null));
    }
}
