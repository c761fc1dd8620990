using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAggregator.DocSpace.Tests.DependencyInjection;

public class DocSpaceServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddDocSpaceAuditSource_RegistersSourceAndTypedClientOverTheNamedHttpClient()
    {
        var portal = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1));
        var services = new ServiceCollection();
        var builder = services.AddDocSpaceAuditSource(o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.ApiKey = TestSetup.ApiKey;
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => portal.Handler);
        await using var provider = services.BuildServiceProvider();

        var source = Assert.Single(provider.GetServices<IAuditSource>());
        var events = await source.ReadAllAsync(AuditQuery.All);
        var last = await provider.GetRequiredService<IDocSpaceLoginHistoryClient>().GetLastAsync();

        Assert.IsType<DocSpaceAuditSource>(source);
        Assert.Equal(DocSpaceServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Equal(3, events.Count);
        Assert.Equal(3, last.Count);
        Assert.All(portal.Handler.Requests, r => Assert.Equal("Bearer " + TestSetup.ApiKey, r.Headers["Authorization"]));

        // The registered source parses pages straight into events, sharing repeated values (the DTO path would not).
        Assert.Same(events[0].Ip, events[1].Ip);
        Assert.Same(events[0].Details["action"].AsString(), events[2].Details["action"].AsString());
    }

    [Fact]
    public void AddDocSpaceAuditSource_HandlerChain_CountsRequestsAndLeavesCookiesToTheCredential()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o =>
        {
            o.BaseUrl = TestSetup.BaseUrl;
            o.SessionToken = "session-token";
        });
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(DocSpaceServiceCollectionExtensions.HttpClientName);
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        Assert.Contains(chain, h => h is AuditAggregator.Telemetry.AuditHttpTelemetryHandler);
        Assert.False(Assert.IsType<SocketsHttpHandler>(chain[^1]).UseCookies);
    }

    [Fact]
    public void AddDocSpaceAuditSource_CalledTwice_OneSource()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o => o.BaseUrl = TestSetup.BaseUrl);
        services.AddDocSpaceAuditSource(o => o.ApiKey = TestSetup.ApiKey);
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IAuditSource>());
        Assert.Single(services, d => d.ServiceType == typeof(IAuditSource));
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
    public void AddDocSpaceAuditSource_InvalidOptions_FailAtStartUpValidation()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o => o.BaseUrl = new Uri("http://portal.example.com"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("HTTPS", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("credential", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDocSpaceAuditSource_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddDocSpaceAuditSource(_ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddDocSpaceAuditSource(null!));
    }
}
