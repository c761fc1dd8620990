using AuditAggregator.ExaVault.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAggregator.ExaVault.Tests.DependencyInjection;

public class ExaVaultServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddExaVaultAuditSource_ThroughTheContainer_ReadsWithBothHeaders()
    {
        var stub = new StubHttpMessageHandler().Route(new ActivityLogStub().WithSessions(3).WithWebhooks(2).Answer);
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(Valid).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var source = Assert.Single(provider.GetServices<IAuditSource>());
        var events = new List<AuditEvent>();
        await foreach (var item in source.ReadAsync(AuditQuery.All))
        {
            events.Add(item);
        }

        Assert.Equal(ExaVaultSourceNames.Source, source.Name);
        Assert.Equal(5, events.Count);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(TestAccount.AccessToken, r.Headers["ev-access-token"]));
        Assert.Equal(49_998, provider.GetRequiredService<IExaVaultClient>().RateLimit!.Remaining);
    }

    [Fact]
    public void AddExaVaultAuditSource_CalledTwice_OneSource()
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(Valid);
        services.AddExaVaultAuditSource(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IAuditSource>());
    }

    [Fact]
    public void AddExaVaultAuditSource_ReturnsTheNamedClientBuilder()
    {
        var builder = new ServiceCollection().AddExaVaultAuditSource(Valid);

        Assert.Equal(ExaVaultServiceCollectionExtensions.HttpClientName, builder.Name);
    }

    [Fact]
    public void AddExaVaultAuditSource_KeepsARegisteredTimeProvider()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddExaVaultAuditSource(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddAuditFeed_WithExaVault_FeedHoldsTheSource()
    {
        var services = new ServiceCollection().AddAuditFeed();
        services.AddExaVaultAuditSource(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.Equal([ExaVaultSourceNames.Source], provider.GetRequiredService<AuditFeed>().Sources.Select(s => s.Name));
    }

    public static TheoryData<string, Action<ExaVaultOptions>> InvalidOptions => new()
    {
        { "AccountUrl is required", o => o.AccountUrl = null },
        { "AccountUrl must use HTTPS", o => o.AccountUrl = new Uri("http://acme.exavault.com") },
        { "ApiKey is required", o => o.ApiKey = " " },
        { "AccessToken is required", o => o.AccessToken = string.Empty },
        { "ApiKey contains white space", o => o.ApiKey = TestAccount.ApiKey + "\r\nX-Evil: 1" },
        { "Streams must name", o => o.Streams = ExaVaultStreams.None },
        { "Streams must name", o => o.Streams = (ExaVaultStreams)8 },
        { "PageSize must be between 1 and 10000", o => o.PageSize = 0 },
        { "PageSize must be between 1 and 10000", o => o.PageSize = 10_001 },
        { "MaxPages must be positive", o => o.MaxPages = 0 },
        { "StopBelow must be at least 1", o => o.StopBelow = 0 },
        { "SlowDownBelow at least StopBelow", o => (o.StopBelow, o.SlowDownBelow) = (500, 100) },
        { "Resilience.MaxRequestsPerSecond is out of range", o => o.Resilience.MaxRequestsPerSecond = 0 },
        { "MaxSlowDownDelay must be zero or more", o => o.MaxSlowDownDelay = TimeSpan.FromMinutes(5) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AddExaVaultAuditSource_InvalidOptions_FailOnResolveWithoutSecrets(string expected, Action<ExaVaultOptions> spoil)
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(o =>
        {
            Valid(o);
            spoil(o);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAuditSource>().ToList());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccount.ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccount.AccessToken, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080/api/v2")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://acme.exavault.com")]
    public void AddExaVaultAuditSource_HttpsOrLoopback_Accepted(string url)
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(o =>
        {
            Valid(o);
            o.AccountUrl = new Uri(url);
        });
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IAuditSource>());
    }

    [Fact]
    public void Options_Defaults_AreDocumented()
    {
        var options = new ExaVaultOptions();

        Assert.Equal(1000, options.PageSize);
        Assert.Equal(ExaVaultStreams.All, options.Streams);
        Assert.Equal(10, options.Resilience.MaxRequestsPerSecond);
        Assert.Equal((1000L, 100L), (options.SlowDownBelow, options.StopBelow));
        Assert.False(options.IncludeRawRecord);
    }

    private static void Valid(ExaVaultOptions o)
    {
        o.AccountUrl = new Uri("https://acme.exavault.com");
        o.ApiKey = TestAccount.ApiKey;
        o.AccessToken = TestAccount.AccessToken;
    }
}
