using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Resilience;
using AuditAggregator.Testing;

namespace AuditAggregator.ExaVault.Tests.Support;

/// <summary>
/// One ExaVault account wired to a stub handler, a short-wait clock and a collecting logger.
/// </summary>
internal sealed class TestAccount : IDisposable
{
    public const string ApiKey = "acme-zwSuWUZ8S38h33qPS8v0s";
    public const string AccessToken = "19853ef63a0bc348024a9e4cfd4a92520d2dfd04e88d8679fb1ed6bc551593d1";
    private ExaVaultAccount? _account;

    public TestAccount(Action<ExaVaultOptions>? configure = null)
    {
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

    public ExaVaultOptions Options { get; }

    public StubHttpMessageHandler Http { get; } = new();

    public ShortWaitTimeProvider Time { get; } = new();

    public CollectingLoggerProvider Logs { get; } = new();

    public ExaVaultAccount Account => _account ??= new ExaVaultAccount(Options, Time, Logs.CreateLogger("AuditAggregator.ExaVault"));

    public IExaVaultClient CreateClient() => new ExaVaultClient(new HttpClient(Http), Account);

    public ExaVaultAuditSource CreateSource() => new(CreateClient, Options);

    public void Dispose() => Logs.Dispose();
}
