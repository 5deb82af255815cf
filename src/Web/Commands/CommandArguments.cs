namespace PiriSite.Web.Commands;

/// <summary>The few things the commands read from their arguments: <c>--name value</c> and bare <c>--flag</c>s.</summary>
internal static class CommandArguments
{
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;
}
