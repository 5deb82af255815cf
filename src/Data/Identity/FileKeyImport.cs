using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data.Identity;

/// <summary>
/// Copies the key ring an earlier version kept as files (key-GUID.xml, as ASP.NET Core's file repository writes
/// them) into the database, each key once, under the file's name as the database repository names keys. The
/// XML is copied as it is, so a key encrypted to the certificate stays encrypted.
/// </summary>
internal static class FileKeyImport
{
    public static async Task<int> ImportAsync(SiteDbContext db, string? folder, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder, "key-*.xml");
        if (files.Length == 0)
        {
            return 0;
        }

        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            // Parsed to check it is a whole XML document (a half-written file is left for the next start).
            var xml = XElement.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml.ToString(SaveOptions.DisableFormatting) });
            imported++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return imported;
    }
}
