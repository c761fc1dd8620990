using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Resilience;
using AuditAggregator.Testing;
using Refit;

namespace AuditAggregator.ExaVault.Tests.Support;

/// <summary>
/// One ExaVault source wired to a stub handler (through the Refit interface and the credential handler, as the
/// registration wires it), a fake clock on which short waits (backoff, slow-down, rate limit) pass at once and a collecting logger.
/// </summary>
internal sealed class TestAccount : IDisposable
{
    public const string ApiKey = "acme-zwSuWUZ8S38h33qPS8v0s";
    public const string AccessToken = "19853ef63a0bc348024a9e4cfd4a92520d2dfd04e88d8679fb1ed6bc551593d1";
    private ExaVaultAuditSource? _source;

    public TestAccount(Action<ExaVaultOptions>? configure = null, string name = ExaVaultSourceNames.Source)
    {
        Name = name;
        Options = new ExaVaultOptions
        {
            AccountUrl = new Uri("https://acme.exavault.com"),
            ApiKey = ApiKey,
            AccessToken = AccessToken,
            Resilience = new SourceResilienceOptions
            {
                MaxRetryAttempts = 3,
                BaseDelay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(4),
                AttemptTimeout = TimeSpan.FromMinutes(10),
                MaxRequestsPerSecond = 10,
            },
        };
        configure?.Invoke(Options);
    }

    public string Name { get; }

    public ExaVaultOptions Options { get; }

    public StubHttpMessageHandler Http { get; } = new();

    public FakeClock Time { get; } = new() { AutoAdvanceBelow = TimeSpan.FromMinutes(5) };

    public CollectingLoggerProvider Logs { get; } = new();

    /// <summary>Gets the source; one per account, since it owns the retry layer and the allowance guard.</summary>
    public ExaVaultAuditSource Source => _source ??= new(Name, CreateApi, Options, Time, Logs.CreateLogger("AuditAggregator.ExaVault"));

    public IExaVaultActivityApi CreateApi() => RestService.For<IExaVaultActivityApi>(new HttpClient(new ExaVaultCredentialHandler(Options) { InnerHandler = Http })
    {
        BaseAddress = ExaVaultAccount.ApiBase(Options.AccountUrl!),
    });

    /// <summary>Reads every event of <paramref name="query"/>.</summary>
    public async Task<List<AuditEvent>> DrainAsync(AuditQuery? query = null, CancellationToken cancellationToken = default)
    {
        var events = new List<AuditEvent>();
        await foreach (var item in Source.ReadAsync(query ?? AuditQuery.All, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    public void Dispose() => Logs.Dispose();
}
