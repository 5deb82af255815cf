using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>
/// What the PostgreSQL migrations add beyond the model: times with their zone, the leads search's trigram index
/// that the search query can actually use, and the archive's refusal of TRUNCATE (the row triggers are tested on
/// both engines by AdvertisingCaptureTests).
/// </summary>
public sealed class PostgresSchemaTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [PostgresFact]
    public async Task EveryTimeIsStoredAsTimestampWithTimeZone()
    {
        await using var connection = await factory.OpenDatabaseAsync();
        var withoutZone = await StringsAsync(connection, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
            """);
        var withZone = await StringsAsync(connection, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'
            """);

        Assert.Empty(withoutZone);
        Assert.Contains("ConsultationRequests.CreatedAt", withZone);
        Assert.Contains("AspNetUsers.LockoutEnd", withZone);
    }

    [PostgresFact]
    public async Task TheLeadsSearchQueryCanBeAnsweredByItsTrigramIndex()
    {
        await using var scope = factory.CreateDbScope();
        var sql = LeadSearch.Newest(scope.Db, "%maria%", 200).ToQueryString();
        await using var connection = await factory.OpenDatabaseAsync();

        // With sequential scans priced out, the plan shows whether the index matches the query's expression at all
        // (an expression index serves only a query that repeats its expression exactly).
        var plan = string.Join('\n', await StringsAsync(connection, "SET enable_seqscan = off; EXPLAIN " + ParametersInlined(sql)));

        Assert.Contains("IX_ConsultationRequests_SearchText", plan, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TheAdvertisingArchiveCannotBeTruncated()
    {
        await using var scope = factory.CreateDbScope();

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => scope.Db.Database.ExecuteSqlRawAsync("""TRUNCATE "AdvertisingSnapshots";"""));

        Assert.Contains("never deleted", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> StringsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync());

        return values;
    }

    /// <summary>ToQueryString declares parameters as "-- p0='…'" lines; EXPLAIN needs their values in place of @p0.</summary>
    private static string ParametersInlined(string sql)
    {
        var lines = sql.Split('\n');
        var statement = string.Join('\n', lines.Where(l => !l.StartsWith("-- ", StringComparison.Ordinal)));
        foreach (var declaration in lines.Where(l => l.StartsWith("-- ", StringComparison.Ordinal)).Reverse())
        {
            var equals = declaration.IndexOf('=', StringComparison.Ordinal);
            statement = statement.Replace("@" + declaration[3..equals], declaration[(equals + 1)..].Split(" (", 2)[0], StringComparison.Ordinal);
        }

        return statement;
    }
}
