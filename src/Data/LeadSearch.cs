using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data;

/// <summary>
/// The leads search's index, one per engine, over a request's name, email, phone and description. SQLite: the
/// LeadSearch FTS5 table with the trigram tokenizer, kept by triggers (Migrations/Sqlite InitialCreate).
/// PostgreSQL: a pg_trgm GIN index on the same text as an expression of the request's own columns
/// (Migrations/Postgres InitialCreate), so a deleted request leaves no row behind. Either answers a
/// "contains" search of three letters or more, without regard to case, without reading every request.
/// </summary>
public static class LeadSearch
{
    /// <summary>The shortest search the trigram indexes can answer; shorter ones are a plain scan.</summary>
    public const int MinimumLength = 3;

    // Exactly the expression of the index IX_ConsultationRequests_SearchText: PostgreSQL uses an expression index
    // only for a query that repeats it. The casts from citext make it text, which gin_trgm_ops indexes.
    private const string PostgresText =
        """("FullName"::text || ' ' || coalesce("Email"::text, '') || ' ' || coalesce("Phone"::text, '') || ' ' || "Description"::text)""";

    /// <summary>The ids of the newest <paramref name="limit"/> requests whose text contains the LIKE <paramref name="pattern"/>, newest first.</summary>
    public static IQueryable<int> Newest(SiteDbContext db, string pattern, int limit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<int>(
                $$"""SELECT "Id" AS "Value" FROM "ConsultationRequests" WHERE {{PostgresText}} ILIKE {0} ORDER BY "Id" DESC LIMIT {1}""", pattern, limit)
            : db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM LeadSearch WHERE Text LIKE {pattern} ORDER BY rowid DESC LIMIT {limit}");
    }
}
