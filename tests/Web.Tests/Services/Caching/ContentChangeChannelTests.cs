using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using PiriSite.Domain.Content;
using PiriSite.Web.Options;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;
using StackExchange.Redis;

namespace PiriSite.Web.Tests.Services.Caching;

/// <summary>
/// A change this instance could not announce (Redis away) is owed to the others: its next announcement, once Redis
/// answers, says "everything", since they never heard which rows changed. A Redis server of the test's own, started late.
/// </summary>
public sealed class ContentChangeChannelTests : IDisposable
{
    private readonly int _port = TestSmtpServer.FreePort();
    private Process? _redis;

    [MultiInstanceFact]
    public async Task AChangeMadeWhileRedisWasAwayIsFollowedByEverythingOnceRedisAnswers()
    {
        var prefix = TestRedis.NewInstanceName();
        using var connection = new RedisConnection(
            Microsoft.Extensions.Options.Options.Create(new RedisOptions { Configuration = $"127.0.0.1:{_port}", InstanceName = prefix }),
            NullLogger<RedisConnection>.Instance);
        using var channel = new ContentChangeChannel(connection, new ContentGeneration(), new UnusedStore(), new PublicationSignal(),
            new SiteInstance(Microsoft.Extensions.Options.Options.Create(new SiteOptions())), NullLogger<ContentChangeChannel>.Instance);

        Assert.False(connection.IsConnected);
        await channel.PublishAsync(ContentChange.Page(ContentKind.Article, 7), [PublicPageCache.ArticleTag("seven")]);

        StartRedis();
        for (var waited = Stopwatch.StartNew(); !connection.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(20);)
        {
            await Task.Delay(100);
        }

        Assert.True(connection.IsConnected);
        using var listener = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_port}");
        var heard = Channel.CreateUnbounded<string>();
        await listener.GetSubscriber().SubscribeAsync(RedisChannel.Literal(prefix + "content-changed"), (_, message) => heard.Writer.TryWrite(message!));

        await channel.PublishAsync(ContentChange.Page(ContentKind.Article, 8), [PublicPageCache.ArticleTag("eight")]);
        await channel.PublishAsync(ContentChange.Page(ContentKind.Article, 9), [PublicPageCache.ArticleTag("nine")]);

        Assert.Equal($"{ContentChange.Everything}\n{PublicPageCache.AllPagesTag}", await NextAsync(heard));
        Assert.Equal($"{ContentChange.Page(ContentKind.Article, 9)}\n{PublicPageCache.ArticleTag("nine")}", await NextAsync(heard));
    }

    // A message without its first line, the sender's id.
    private static async Task<string> NextAsync(Channel<string> heard)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var message = await heard.Reader.ReadAsync(timeout.Token);
        return message[(message.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    private void StartRedis()
    {
        _redis = TestRedis.StartServer(_port);
    }

    public void Dispose()
    {
        _redis?.Kill();
        _redis?.WaitForExit();
        _redis?.Dispose();
    }

    // Announcing evicts nothing here: the saving instance evicts before it announces.
    private sealed class UnusedStore : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
