using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data;

/// <summary>
/// Before any production database existed, the eleven development migrations were combined into one
/// InitialCreate. A development database made by them has the same schema once it had the last of them, so its
/// history is rewritten to the new migration; an older one cannot be brought forward and must be recreated.
/// </summary>
internal static class SquashedMigrations
{
    // The last migration before the squash: a database that has it has exactly InitialCreate's schema.
    internal const string LastBeforeSquash = "20261201053150_SecurityAndPrivacyReview";

    public static async Task AdoptAsync(SiteDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var retired = applied.Where(id => !known.Contains(id)).ToList();
        if (retired.Count == 0)
        {
            return;
        }

        if (!retired.Contains(LastBeforeSquash) || applied.Count != retired.Count)
        {
            var file = db.Database.GetDbConnection().DataSource;
            throw new InvalidOperationException(
                $"The database {file} was made by an early development version of the site (migrations {string.Join(", ", retired)}), " +
                "whose schema cannot be brought up to date. Stop the site, delete that file with its -wal and -shm files, " +
                "and start the site again: it creates a new database with the seeded content.");
        }

        var squashed = db.Database.GetMigrations().First();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" <> {LastBeforeSquash}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE \"__EFMigrationsHistory\" SET \"MigrationId\" = {squashed} WHERE \"MigrationId\" = {LastBeforeSquash}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
