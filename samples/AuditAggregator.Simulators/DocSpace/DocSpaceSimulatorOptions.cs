namespace AuditAggregator.Simulators;

/// <summary>
/// Options of <see cref="DocSpaceSimulator"/>: the data sets, the portal's settings and credentials, rate limiting.
/// </summary>
public sealed class DocSpaceSimulatorOptions
{
    /// <summary>Gets or sets the seed of the data set. Default 1.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>Gets or sets the number of login events the portal starts with. Default 2,500.</summary>
    public int EventCount { get; set; } = 2500;

    /// <summary>
    /// Gets or sets the number of audit-trail events the portal starts with. Default 1,500. They come from their own
    /// random stream, so this changes nothing in the login history.
    /// </summary>
    public int AuditEventCount { get; set; } = 1500;

    /// <summary>
    /// Gets or sets a value indicating whether the audit trail writes its enums (<c>actionId</c>, <c>actionType</c>,
    /// <c>product</c>, <c>location</c>, <c>entries</c>) as names instead of numbers. Default false: numbers, as the
    /// vendor's OpenAPI declares them; the server source does not settle it, so a client should read both.
    /// </summary>
    public bool AuditEnumsAsNames { get; set; }

    /// <summary>Gets or sets the instant the data set ends at; when <see langword="null"/> (default), <see cref="TimeProvider"/>'s now at start.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Gets or sets the clock for "now" and for rate-limit windows. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the span the initial events cover, ending at "now". Default 30 days.</summary>
    public TimeSpan Span { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the spacing of appended events, which start one spacing after "now". Default 1 second.</summary>
    public TimeSpan AppendedEventSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the portal's UTC offset, in which <c>date</c> is written. Default +03:00; zero writes <c>Z</c>.</summary>
    public TimeSpan PortalOffset { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Gets or sets the plan situation. Default <see cref="DocSpacePlan.Full"/>.</summary>
    public DocSpacePlan Plan { get; set; } = DocSpacePlan.Full;

    /// <summary>Gets or sets the report generation. Default <see cref="DocSpaceReportMode.Synchronous"/> (today's servers).</summary>
    public DocSpaceReportMode ReportMode { get; set; } = DocSpaceReportMode.Synchronous;

    /// <summary>Gets or sets how many status polls an asynchronous report takes to complete. Default 3.</summary>
    public int ReportPollsToComplete { get; set; } = 3;

    /// <summary>Gets the credentials the portal accepts. Default <see cref="DocSpaceCredential.CreateDefaults"/>.</summary>
    public IList<DocSpaceCredential> Credentials { get; } = DocSpaceCredential.CreateDefaults();

    /// <summary>Gets or sets a value indicating whether the operator enabled rate limiting. Default false.</summary>
    public bool RateLimitEnabled { get; set; }

    /// <summary>Gets or sets the requests allowed per minute when rate limiting is enabled. Default 1,500.</summary>
    public int RateLimitPerMinute { get; set; } = 1500;

    /// <summary>Gets or sets how many new events arrive in the log a page is served from, before each page (<c>/last</c>, <c>/filter</c> of both logs). Default 0.</summary>
    public int AppendBeforeEachPage { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to serve a MessageAction code newer than the contract's enum (1030).
    /// Default false, so that bodies validate; the unknown codes served by default (4035, 7005) are in the enum but
    /// not in the login table.
    /// </summary>
    public bool IncludeCodesOutsideContract { get; set; }

    /// <summary>
    /// Gets or sets the people of the portal. Default <see cref="SimulatedUsers.All"/>; another simulated account's
    /// people come from <see cref="SimulatedUsers.ForAccount"/>.
    /// </summary>
    public IReadOnlyList<SimulatedUser> Users { get; set; } = SimulatedUsers.All;

    /// <summary>
    /// Gets or sets the source name a client reading this portal gives its events, used in
    /// <see cref="SimulatedRecord.Source"/> and so in <see cref="SimulatedRecord.AuditId"/>. Default <c>docspace</c>.
    /// </summary>
    public string SourceName { get; set; } = "docspace";

    /// <summary>Gets or sets how many recent requests the request log keeps. Default 10,000.</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets the port the portal listens on at 127.0.0.1. Default 0: a free port, chosen at start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets a delay before every answer, as a distant server would add (real time, not the options' clock;
    /// it ends early if the client gives up). Default zero.
    /// </summary>
    public TimeSpan Latency { get; set; }

    internal DateTimeOffset ResolveNow() => Data.Internal.SimulatedNow.Resolve(Now, TimeProvider);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(EventCount);
        ArgumentOutOfRangeException.ThrowIfNegative(AuditEventCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Span, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(AppendBeforeEachPage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RateLimitPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReportPollsToComplete);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestLogCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceName);
        Data.Internal.UserDirectory.Validate(Users, nameof(Users));
        if (PortalOffset.Ticks % TimeSpan.TicksPerMinute != 0 || PortalOffset.Duration() > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(PortalOffset), PortalOffset, "A portal offset is whole minutes within +-14 hours.");
        }
    }
}
