using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Telemetry;
using AuditAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.DocSpace.Tests.DependencyInjection;

public class DocSpaceServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static void Fast(DocSpaceOptions o)
    {
        o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(2);
    }

    [Fact]
    public async Task AddDocSpaceAuditSource_OneArgument_RegistersSourceNamedDocSpaceAndItsKeyedApi()
    {
        var portal = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1));
        var services = new ServiceCollection();
        var builder = services.AddDocSpaceAuditSource(o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = TestSetup.ApiKey;
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => portal.Handler);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var source = Assert.IsType<DocSpaceAuditSource>(Assert.Single(provider.GetServices<IAuditSource>()));
        var events = await source.ReadAllAsync(AuditQuery.All);
        using var last = await provider.GetRequiredKeyedService<IDocSpaceLoginHistoryApi>("docspace").GetLastAsync();

        Assert.Equal("docspace", source.Name);
        Assert.Equal("AuditAggregator.DocSpace.docspace", builder.Name);
        Assert.Equal(DocSpaceServiceCollectionExtensions.GetHttpClientName("docspace"), builder.Name);
        Assert.Equal(["docspace:login:3", "docspace:login:2", "docspace:login:1"], events.Select(e => e.Id));
        Assert.True(last.IsSuccessStatusCode);
        Assert.All(portal.Handler.Requests, r => Assert.Equal("Bearer " + TestSetup.ApiKey, r.Headers["Authorization"]));
        Assert.Same(events[0].Ip, events[1].Ip);
    }

    [Fact]
    public async Task AddDocSpaceAuditSource_ReadsBothStreamsThroughOneHandlerChain()
    {
        var portal = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1)).AddTrail(4, Newest, TimeSpan.FromMinutes(1));
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("acme-docspace", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = TestSetup.ApiKey;
        }).ConfigurePrimaryHttpMessageHandler(() => portal.Handler);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var source = Assert.Single(provider.GetServices<IAuditSource>());
        var events = await source.ReadAllAsync(AuditQuery.All);
        using var last = await provider.GetRequiredKeyedService<IDocSpaceAuditTrailApi>("acme-docspace").GetLastAsync();

        Assert.Equal(["login", "audit"], source.Streams);
        Assert.Equal((3, 4), (events.Count(e => e.Stream == "login"), events.Count(e => e.Stream == "audit")));
        Assert.True(last.IsSuccessStatusCode);
        Assert.Contains(portal.Handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/events/filter", StringComparison.Ordinal));
        Assert.All(portal.Handler.Requests, r => Assert.Equal("Bearer " + TestSetup.ApiKey, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task TwoNamedSources_EachSendsItsOwnCredentialToItsOwnPortal()
    {
        var acme = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1));
        var globex = new FakePortal().AddNewest(2, Newest, TimeSpan.FromMinutes(1));
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("acme-docspace", o =>
        {
            o.BaseUrl = new Uri("https://acme.example.com");
            o.ApiKey = "sk-acme-1111";
        }).ConfigurePrimaryHttpMessageHandler(() => acme.Handler);
        services.AddDocSpaceAuditSource("globex-docspace", o =>
        {
            o.BaseUrl = new Uri("https://globex.example.com");
            o.SessionToken = "globex-session-2222";
        }).ConfigurePrimaryHttpMessageHandler(() => globex.Handler);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var sources = provider.GetServices<IAuditSource>().ToDictionary(s => s.Name);
        var acmeEvents = await sources["acme-docspace"].ReadAllAsync(AuditQuery.All);
        var globexEvents = await sources["globex-docspace"].ReadAllAsync(AuditQuery.All);

        Assert.Equal(2, sources.Count);
        Assert.All(acme.Handler.Requests, r =>
        {
            Assert.Equal("acme.example.com", r.Uri.Host);
            Assert.Equal("Bearer sk-acme-1111", r.Headers["Authorization"]);
            Assert.DoesNotContain(r.Headers.Values, v => v.Contains("globex-session", StringComparison.Ordinal));
        });
        Assert.All(globex.Handler.Requests, r =>
        {
            Assert.Equal("globex.example.com", r.Uri.Host);
            Assert.Equal("asc_auth_key=globex-session-2222", r.Headers["Cookie"]);
            Assert.False(r.Headers.ContainsKey("Authorization"));
        });

        // The portals' vendor ids overlap (1, 2 on both); the events' ids do not.
        Assert.Equal(["acme-docspace:login:3", "acme-docspace:login:2", "acme-docspace:login:1"], acmeEvents.Select(e => e.Id));
        Assert.Equal(["globex-docspace:login:2", "globex-docspace:login:1"], globexEvents.Select(e => e.Id));
        Assert.All(acmeEvents.Concat(globexEvents), e => Assert.Equal("docspace", e.Vendor));
    }

    [Fact]
    public async Task TwoNamedSources_HealthAndRetriesAreTheirOwn()
    {
        var failing = new StubHttpMessageHandler().Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized));
        var healthy = new FakePortal().AddNewest(2, Newest, TimeSpan.FromMinutes(1));
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("bad", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = "sk-revoked";
            Fast(o);
        }).ConfigurePrimaryHttpMessageHandler(() => failing);
        services.AddDocSpaceAuditSource("good", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = TestSetup.ApiKey;
            Fast(o);
        }).ConfigurePrimaryHttpMessageHandler(() => healthy.Handler);
        await using var provider = services.BuildServiceProvider();
        var sources = provider.GetServices<IAuditSource>().ToDictionary(s => s.Name);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => sources["bad"].ReadAllAsync(AuditQuery.All));
        await sources["good"].ReadAllAsync(AuditQuery.All);

        Assert.Equal(("bad", AuditErrorKind.Authentication), (ex.SourceName, ex.Kind));
        var bad = sources["bad"].Health!.Current;
        var good = sources["good"].Health!.Current;
        Assert.Equal(("bad", SourceHealthState.Failed), (bad.SourceName, bad.State));
        Assert.Equal(("good", SourceHealthState.Healthy), (good.SourceName, good.State));
        Assert.NotSame(sources["bad"].Health, sources["good"].Health);
    }

    [Fact]
    public async Task TwoNamedSources_RateBudgetsAreTheirOwn()
    {
        // Each source may send 2 requests a second, and the fake clock never moves. Were the budget shared, the third
        // of the four requests would wait for a second that never comes; each spending its own, both reads finish.
        // Only the login stream is read, so that each source sends exactly its two pages.
        var first = new FakePortal().AddNewest(150, Newest, TimeSpan.FromMinutes(1));
        var second = new FakePortal().AddNewest(150, Newest, TimeSpan.FromMinutes(1));
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        foreach (var (name, portal) in new[] { ("first", first), ("second", second) })
        {
            services.AddDocSpaceAuditSource(name, o =>
            {
                o.BaseUrl = TestSetup.BaseUrl;
                o.ApiKey = TestSetup.ApiKey;
                o.Resilience.MaxRequestsPerSecond = 2;
            }).ConfigurePrimaryHttpMessageHandler(() => portal.Handler);
        }

        await using var provider = services.BuildServiceProvider();
        var login = new AuditQuery { Streams = [DocSpaceSourceNames.LoginStream] };
        var reads = provider.GetServices<IAuditSource>().Select(s => s.ReadAllAsync(login)).ToList();
        var all = await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([150, 150], all.Select(events => events.Count));
        Assert.Equal((2, 2), (first.FilterRequests, second.FilterRequests));
    }

    [Fact]
    public void NamedSource_HandlerChainCarriesItsNameAndLeavesCookiesToTheCredential()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("acme-docspace", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.SessionToken = "session-token";
        });
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("AuditAggregator.DocSpace.acme-docspace");
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        Assert.Contains(chain, h => h is Internal.DocSpaceCredentialHandler);
        Assert.Contains(chain, h => h is AuditHttpTelemetryHandler);
        Assert.False(Assert.IsType<SocketsHttpHandler>(chain[^1]).UseCookies);
    }

    [Fact]
    public void AddDocSpaceAuditSource_CalledTwiceWithoutAName_SecondFailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o => o.BaseUrl = TestSetup.BaseUrl);

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddDocSpaceAuditSource(o => o.ApiKey = TestSetup.ApiKey));

        Assert.Contains("'docspace'", ex.Message, StringComparison.Ordinal);
        Assert.Single(services, d => d.ServiceType == typeof(IAuditSource));
    }

    [Fact]
    public void AddDocSpaceAuditSource_NameTakenByAnotherVendorsSource_FailsNamingIt()
    {
        var services = new ServiceCollection();
        AuditSourceRegistration.Reserve(services, "acme");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddDocSpaceAuditSource("acme", _ => { }));

        Assert.Contains("'acme'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IAuditSource));
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme docspace")]
    [InlineData("")]
    [InlineData("-acme")]
    public void AddDocSpaceAuditSource_InvalidName_FailsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddDocSpaceAuditSource(name, _ => { }));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDocSpaceAuditSource_KeepsAnExistingTimeProvider()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddDocSpaceAuditSource(o => { });
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDocSpaceAuditSource_InvalidOptions_FailAtStartUpNamingTheSource()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("acme-docspace", o => o.BaseUrl = new Uri("http://portal.example.com"));
        services.AddDocSpaceAuditSource("other", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = TestSetup.ApiKey;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith("DocSpace source 'acme-docspace':", StringComparison.Ordinal) && f.Contains("HTTPS", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("DocSpace source 'acme-docspace':", StringComparison.Ordinal) && f.Contains("credential", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("'other'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_KeyedBySourceName_UseThatSourcesClientAndPollInterval()
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("report.url.json"));
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("acme-docspace", o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = "sk-acme-reports";
            o.ReportPollInterval = TimeSpan.FromSeconds(7);
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var reports = provider.GetRequiredKeyedService<DocSpaceReports>("acme-docspace");
        var url = await reports.CreateAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), reports.PollInterval);
        Assert.Equal("portal.example.com", url.Host);
        Assert.Equal("Bearer sk-acme-reports", Assert.Single(handler.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void AddDocSpaceAuditSource_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddDocSpaceAuditSource(_ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddDocSpaceAuditSource(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddDocSpaceAuditSource(null!, _ => { }));
    }
}
