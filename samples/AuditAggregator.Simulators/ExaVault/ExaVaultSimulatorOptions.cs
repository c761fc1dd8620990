namespace AuditAggregator.Simulators;

/// <summary>
/// Options of <see cref="ExaVaultSimulator"/>: the data set, the base path, the credentials and the daily allowance.
/// </summary>
public sealed class ExaVaultSimulatorOptions
{
    /// <summary>The default API key (header <c>ev-api-key</c>).</summary>
    public const string DefaultApiKey = "simulatedaccount-Zk3pQ9sX1vT7mN2bR8wY";

    /// <summary>The default access token (header <c>ev-access-token</c>).</summary>
    public const string DefaultAccessToken = "5d1f0c9e8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a";

    /// <summary>Gets or sets the seed of the data set. Default 1.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>Gets or sets the number of session-activity entries the account starts with. Default 1,800.</summary>
    public int SessionEventCount { get; set; } = 1800;

    /// <summary>Gets or sets the number of webhook-log entries the account starts with. Default 700.</summary>
    public int WebhookEventCount { get; set; } = 700;

    /// <summary>Gets or sets the instant the data set ends at; when <see langword="null"/> (default), <see cref="TimeProvider"/>'s now at start.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Gets or sets the clock for "now" and the rolling 24-hour allowance. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the span the initial entries cover, ending at "now". Default 30 days.</summary>
    public TimeSpan Span { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the spacing of appended entries, which start one spacing after "now". Default 1 second.</summary>
    public TimeSpan AppendedEventSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the API base path. Default <c>/api/v2</c>.</summary>
    public string BasePath { get; set; } = "/api/v2";

    /// <summary>Gets or sets the accepted <c>ev-api-key</c>. Default <see cref="DefaultApiKey"/>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>Gets or sets the accepted <c>ev-access-token</c>. Default <see cref="DefaultAccessToken"/>.</summary>
    public string AccessToken { get; set; } = DefaultAccessToken;

    /// <summary>Gets or sets the account name (webhook <c>details.accountName</c>). Default <c>simulatedaccount</c>.</summary>
    public string AccountName { get; set; } = "simulatedaccount";

    /// <summary>Gets or sets the transactions allowed per rolling 24 hours; every request counts. Default 50,000.</summary>
    public int DailyAllowance { get; set; } = 50_000;

    /// <summary>Gets or sets the page size when <c>limit</c> is absent. Default 50.</summary>
    public int DefaultLimit { get; set; } = 50;

    /// <summary>Gets or sets the offset session <c>created</c> values are written in. Default zero (written with <c>Z</c>).</summary>
    public TimeSpan SessionTimeOffset { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the offset webhook <c>created</c> values are written in. Default -07:00.</summary>
    public TimeSpan WebhookTimeOffset { get; set; } = TimeSpan.FromHours(-7);

    /// <summary>Gets or sets how many new entries arrive (in the requested log) before each page is served. Default 0.</summary>
    public int AppendBeforeEachPage { get; set; }

    /// <summary>Gets or sets a value indicating whether to reproduce the past server bug where webhook <c>offset</c> was ignored. Default false.</summary>
    public bool IgnoreWebhookOffset { get; set; }

    /// <summary>
    /// Gets or sets the people of the account. Default <see cref="SimulatedUsers.All"/>; another simulated account's
    /// people come from <see cref="SimulatedUsers.ForAccount"/>.
    /// </summary>
    public IReadOnlyList<SimulatedUser> Users { get; set; } = SimulatedUsers.All;

    /// <summary>
    /// Gets or sets the source name a client reading this account gives its events, used in
    /// <see cref="SimulatedRecord.Source"/> and so in <see cref="SimulatedRecord.AuditId"/>. Default <c>exavault</c>.
    /// </summary>
    public string SourceName { get; set; } = "exavault";

    /// <summary>Gets or sets how many recent requests the request log keeps. Default 10,000.</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets the port the server listens on at 127.0.0.1. Default 0: a free port, chosen at start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets a delay before every answer, as a distant server would add (real time, not the options' clock;
    /// it ends early if the client gives up). Default zero.
    /// </summary>
    public TimeSpan Latency { get; set; }

    internal DateTimeOffset ResolveNow() => Data.Internal.SimulatedNow.Resolve(Now, TimeProvider);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(SessionEventCount);
        ArgumentOutOfRangeException.ThrowIfNegative(WebhookEventCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Span, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(DailyAllowance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DefaultLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(AppendBeforeEachPage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestLogCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceName);
        Data.Internal.UserDirectory.Validate(Users, nameof(Users));
        ArgumentException.ThrowIfNullOrEmpty(ApiKey);
        ArgumentException.ThrowIfNullOrEmpty(AccessToken);
        ArgumentNullException.ThrowIfNull(BasePath);
        if (BasePath.Length > 0 && (!BasePath.StartsWith('/') || BasePath.EndsWith('/')))
        {
            throw new ArgumentException("The base path starts with '/' and does not end with one, e.g. /api/v2.", nameof(BasePath));
        }
    }
}
