using AuditAggregator.ExaVault.Internal;
using AuditAggregator.ExaVault.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

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
        Assert.All(events, e => Assert.Equal((ExaVaultSourceNames.Source, ExaVaultSourceNames.Vendor), (e.Source, e.Vendor)));
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(TestAccount.AccessToken, r.Headers["ev-access-token"]));
        Assert.All(stub.Requests, r => Assert.Equal(TestAccount.ApiKey, r.Headers["ev-api-key"]));
        Assert.Equal(49_998, ((ExaVaultAuditSource)source).RateLimit!.Remaining);
        Assert.NotNull(source.Health);
    }

    [Fact]
    public void AddExaVaultAuditSource_CalledTwiceWithoutName_FailsNamingTheName()
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(Valid);

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddExaVaultAuditSource(Valid));

        Assert.Contains("'exavault'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddExaVaultAuditSource_NameTakenByAnotherVendor_FailsNamingIt()
    {
        var services = new ServiceCollection();
        AuditSourceRegistration.Reserve(services, "acme");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddExaVaultAuditSource("acme", Valid));

        Assert.Contains("'acme'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_exavault")]
    [InlineData("acme exavault")]
    [InlineData("")]
    [InlineData("acme.exavault")]
    public void AddExaVaultAuditSource_InvalidName_FailsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddExaVaultAuditSource(name, Valid));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "AuditAggregator.ExaVault.exavault")]
    [InlineData("acme-exavault", "AuditAggregator.ExaVault.acme-exavault")]
    public void AddExaVaultAuditSource_ReturnsTheSourcesClientBuilder(string? name, string expected)
    {
        var services = new ServiceCollection();
        var builder = name is null ? services.AddExaVaultAuditSource(Valid) : services.AddExaVaultAuditSource(name, Valid);

        Assert.Equal(expected, builder.Name);
        Assert.StartsWith(ExaVaultServiceCollectionExtensions.HttpClientName, builder.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoNamedAccounts_EachSendsItsOwnCredentialsToItsOwnServer()
    {
        var acme = new StubHttpMessageHandler().Route(new ActivityLogStub().WithSessions(3).WithWebhooks(2).Answer);
        var globex = new StubHttpMessageHandler().Route(new ActivityLogStub().WithSessions(3).WithWebhooks(2).Answer);
        var services = new ServiceCollection().AddAuditFeed();
        services.AddExaVaultAuditSource("acme-exavault", o => Account(o, "acme", "acme-key", "acme-token")).ConfigurePrimaryHttpMessageHandler(() => acme);
        services.AddExaVaultAuditSource("globex-exavault", o => Account(o, "globex", "globex-key", "globex-token")).ConfigurePrimaryHttpMessageHandler(() => globex);
        await using var provider = services.BuildServiceProvider();

        var events = new List<AuditEvent>();
        await foreach (var item in provider.GetRequiredService<AuditFeed>().ReadAsync(AuditQuery.All))
        {
            events.Add(item);
        }

        Assert.Equal(["acme-exavault", "globex-exavault"], provider.GetServices<IAuditSource>().Select(s => s.Name));
        AssertOwn(acme, "acme", "acme-key", "acme-token");
        AssertOwn(globex, "globex", "globex-key", "globex-token");

        // The same vendor ids on both accounts stay apart: the id starts with the configured name.
        Assert.Equal(10, events.Count);
        Assert.Equal(10, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(5, events.Count(e => e.Source == "acme-exavault" && e.Id.StartsWith("acme-exavault:", StringComparison.Ordinal)));
        Assert.Equal(5, events.Count(e => e.Source == "globex-exavault" && e.Id.StartsWith("globex-exavault:", StringComparison.Ordinal)));
        Assert.All(events, e => Assert.Equal(ExaVaultSourceNames.Vendor, e.Vendor));
        Assert.Equal(
            events.Where(e => e.Source == "acme-exavault").Select(e => e.SourceId).Order(),
            events.Where(e => e.Source == "globex-exavault").Select(e => e.SourceId).Order());
    }

    [Fact]
    public async Task TwoNamedAccounts_KeyedApis_CarryTheirOwnCredentials()
    {
        var acme = new StubHttpMessageHandler().Route(new ActivityLogStub().Answer);
        var globex = new StubHttpMessageHandler().Route(new ActivityLogStub().Answer);
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource("acme-exavault", o => Account(o, "acme", "acme-key", "acme-token")).ConfigurePrimaryHttpMessageHandler(() => acme);
        services.AddExaVaultAuditSource("globex-exavault", o => Account(o, "globex", "globex-key", "globex-token")).ConfigurePrimaryHttpMessageHandler(() => globex);
        await using var provider = services.BuildServiceProvider();

        (await provider.GetRequiredKeyedService<IExaVaultActivityApi>("globex-exavault").GetSessionActivityAsync()).Dispose();
        (await provider.GetRequiredKeyedService<IExaVaultActivityApi>("acme-exavault").GetWebhookActivityAsync()).Dispose();

        AssertOwn(acme, "acme", "acme-key", "acme-token");
        AssertOwn(globex, "globex", "globex-key", "globex-token");
        Assert.Single(acme.Requests);
        Assert.Single(globex.Requests);
    }

    [Fact]
    public async Task TwoNamedAccounts_OneFails_TheOthersHealthAndAllowanceUntouched()
    {
        var acme = new StubHttpMessageHandler().Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized)
        {
            Content = new StringContent(ExaVaultJson.Fixture("exavault-error.401.json")),
            Headers = { { "X-RateLimit-Remaining", "10" } },
        });
        var globex = new StubHttpMessageHandler().Route(new ActivityLogStub { Remaining = 40_001 }.WithSessions(2).Answer);
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource("acme-exavault", o => Account(o, "acme", "acme-key", "acme-token")).ConfigurePrimaryHttpMessageHandler(() => acme);
        services.AddExaVaultAuditSource("globex-exavault", o => Account(o, "globex", "globex-key", "globex-token")).ConfigurePrimaryHttpMessageHandler(() => globex);
        await using var provider = services.BuildServiceProvider();
        var sources = provider.GetServices<IAuditSource>().ToDictionary(s => s.Name);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => DrainAsync(sources["acme-exavault"]));
        var events = await DrainAsync(sources["globex-exavault"]);

        Assert.Equal("acme-exavault", ex.SourceName);
        Assert.StartsWith("acme-exavault", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, events.Count);
        Assert.Equal(Telemetry.SourceHealthState.Failed, sources["acme-exavault"].Health!.Current.State);
        Assert.Equal(Telemetry.SourceHealthState.Healthy, sources["globex-exavault"].Health!.Current.State);
        Assert.NotSame(sources["acme-exavault"].Health, sources["globex-exavault"].Health);
        Assert.Equal(10, ((ExaVaultAuditSource)sources["acme-exavault"]).RateLimit!.Remaining);
        Assert.Equal(39_999, ((ExaVaultAuditSource)sources["globex-exavault"]).RateLimit!.Remaining);
    }

    [Fact]
    public async Task TwoNamedAccounts_OneRequestPerSecondEach_NeitherWaitsForTheOther()
    {
        var time = new FakeClock { AutoAdvanceBelow = TimeSpan.FromMinutes(5) };
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        foreach (var name in new[] { "acme", "globex" })
        {
            var stub = new StubHttpMessageHandler().Route(new ActivityLogStub().Answer);
            services.AddExaVaultAuditSource(name, o =>
            {
                Account(o, name, $"{name}-key", $"{name}-token");
                o.Streams = ExaVaultStreams.Session;
                o.Resilience.MaxRequestsPerSecond = 1;
            }).ConfigurePrimaryHttpMessageHandler(() => stub);
        }

        await using var provider = services.BuildServiceProvider();
        var sources = provider.GetServices<IAuditSource>().ToList();

        foreach (var source in sources)
        {
            await DrainAsync(source);
        }

        Assert.Empty(time.Waits);
        await DrainAsync(sources[0]);
        Assert.Single(time.Waits);
    }

    [Fact]
    public async Task NamedSource_RequestLogs_TaggedWithTheConfiguredName()
    {
        using var logs = new CollectingLoggerProvider();
        var stub = new StubHttpMessageHandler().Route(new ActivityLogStub().Answer);
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddExaVaultAuditSource("acme-exavault", Valid).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await DrainAsync(provider.GetServices<IAuditSource>().Single());

        Assert.Contains(logs.Lines, l => l.Contains("acme-exavault: GET /api/v2/activity/session", StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(TestAccount.AccessToken, l, StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(TestAccount.ApiKey, l, StringComparison.Ordinal));
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
    public void AddExaVaultAuditSource_InvalidOptions_FailOnResolveNamingTheSourceWithoutSecrets(string expected, Action<ExaVaultOptions> spoil)
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(o => Account(o, "globex", "globex-key", "globex-token"));
        services.AddExaVaultAuditSource("acme-exavault", o =>
        {
            Valid(o);
            spoil(o);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAuditSource>().ToList());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("ExaVault source 'acme-exavault': ExaVaultOptions.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'exavault'", ex.Message, StringComparison.Ordinal);
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
        // ExaVault limits connections a second, not requests: no request rate unless an account needs one.
        Assert.Null(options.Resilience.MaxRequestsPerSecond);
        Assert.Equal(10, options.MaxConnectionsPerSecond);
        Assert.Equal(ExaVaultOptions.DefaultMaxConcurrentRequests, options.Resilience.MaxConcurrentRequests);
        Assert.Equal((1000L, 100L), (options.SlowDownBelow, options.StopBelow));
        Assert.False(options.IncludeRawRecord);
    }

    private static void Account(ExaVaultOptions o, string account, string apiKey, string accessToken)
    {
        o.AccountUrl = new Uri($"https://{account}.exavault.com");
        o.ApiKey = apiKey;
        o.AccessToken = accessToken;
    }

    private static void AssertOwn(StubHttpMessageHandler server, string account, string apiKey, string accessToken)
    {
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal($"{account}.exavault.com", r.Uri.Host);
            Assert.Equal(apiKey, r.Headers["ev-api-key"]);
            Assert.Equal(accessToken, r.Headers["ev-access-token"]);
        });
    }

    private static async Task<List<AuditEvent>> DrainAsync(IAuditSource source)
    {
        var events = new List<AuditEvent>();
        await foreach (var item in source.ReadAsync(AuditQuery.All))
        {
            events.Add(item);
        }

        return events;
    }

    private static void Valid(ExaVaultOptions o)
    {
        o.AccountUrl = new Uri("https://acme.exavault.com");
        o.ApiKey = TestAccount.ApiKey;
        o.AccessToken = TestAccount.AccessToken;
    }
}
