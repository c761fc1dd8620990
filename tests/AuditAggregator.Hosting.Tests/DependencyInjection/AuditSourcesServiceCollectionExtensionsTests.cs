using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAggregator.Hosting.Tests.DependencyInjection;

public class AuditSourcesServiceCollectionExtensionsTests
{
    private static readonly AuditSourceDefinition[] Definitions =
    [
        new DocSpaceSourceDefinition("portal-1", new Uri("https://one.example.com"), DocSpaceCredential.ApiKey("sk-one")) { PageSize = 40, MaxRequestsPerSecond = 2 },
        new DocSpaceSourceDefinition("portal-2", new Uri("https://two.example.com"), DocSpaceCredential.SessionCookie("two")) { MaxConcurrentRequests = 2 },
        new ExaVaultSourceDefinition("ev-1", new Uri("https://one.exavault.com"), "key-one", "token-one") { Streams = ExaVaultStreams.Session, MaxPages = 9 },
        new ExaVaultSourceDefinition("ev-2", new Uri("https://two.exavault.com"), "key-two", "token-two") { MaxRetryAttempts = 1 },
    ];

    [Fact]
    public void AddAuditSources_RegistersEachSourceUnderItsName()
    {
        using var provider = new ServiceCollection().AddAuditSources(Definitions).BuildServiceProvider();

        Assert.Equal(["portal-1", "portal-2", "ev-1", "ev-2"], provider.GetServices<IAuditSource>().Select(s => s.Name));
    }

    [Fact]
    public void AddAuditSources_EachSourceKeepsItsOwnAddressCredentialAndSettings()
    {
        using var provider = new ServiceCollection().AddAuditSources(Definitions).BuildServiceProvider();
        var docSpace = provider.GetRequiredService<IOptionsMonitor<DocSpaceOptions>>();
        var exaVault = provider.GetRequiredService<IOptionsMonitor<ExaVaultOptions>>();

        Assert.Equal((new Uri("https://one.example.com"), DocSpaceCredentialKind.ApiKey, 40, 2), (docSpace.Get("portal-1").BaseUrl, docSpace.Get("portal-1").Credential!.Kind, docSpace.Get("portal-1").PageSize, docSpace.Get("portal-1").Resilience.MaxRequestsPerSecond));
        Assert.Equal((new Uri("https://two.example.com"), DocSpaceCredentialKind.SessionCookie, DocSpaceOptions.MaxPageSize, (int?)null), (docSpace.Get("portal-2").BaseUrl, docSpace.Get("portal-2").Credential!.Kind, docSpace.Get("portal-2").PageSize, docSpace.Get("portal-2").Resilience.MaxRequestsPerSecond));
        Assert.Equal(("key-one", "token-one", ExaVaultStreams.Session, 9), (exaVault.Get("ev-1").ApiKey, exaVault.Get("ev-1").AccessToken, exaVault.Get("ev-1").Streams, exaVault.Get("ev-1").MaxPages));
        Assert.Equal(("key-two", "token-two", 1, (int?)null), (exaVault.Get("ev-2").ApiKey, exaVault.Get("ev-2").AccessToken, exaVault.Get("ev-2").Resilience.MaxRetryAttempts, exaVault.Get("ev-2").Resilience.MaxRequestsPerSecond));
    }

    [Fact]
    public void AddAuditSources_MaxConcurrentRequests_ReachesThatSourceOnly()
    {
        using var provider = new ServiceCollection().AddAuditSources(Definitions).BuildServiceProvider();
        var docSpace = provider.GetRequiredService<IOptionsMonitor<DocSpaceOptions>>();

        Assert.Equal(2, docSpace.Get("portal-2").Resilience.MaxConcurrentRequests);
        Assert.Equal(new DocSpaceOptions().Resilience.MaxConcurrentRequests, docSpace.Get("portal-1").Resilience.MaxConcurrentRequests);
    }

    [Fact]
    public void AddAuditSources_LaterNamedOptions_ChangeOneSourceOnly()
    {
        var services = new ServiceCollection().AddAuditSources(Definitions);
        services.Configure<DocSpaceOptions>("portal-2", o => o.PageSize = 10);
        using var provider = services.BuildServiceProvider();
        var docSpace = provider.GetRequiredService<IOptionsMonitor<DocSpaceOptions>>();

        Assert.Equal((40, 10), (docSpace.Get("portal-1").PageSize, docSpace.Get("portal-2").PageSize));
    }

    [Fact]
    public void AddAuditSources_NameTakenByAnotherVendor_FailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource("ev-1", o => o.ApiKey = "sk-x");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddAuditSources(Definitions));

        Assert.Contains("'ev-1'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("has space")]
    public void Definition_InvalidName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => new ExaVaultSourceDefinition(name, new Uri("https://x.exavault.com"), "k", "t"));
}
