using AuditAggregator.Simulators.Data.Internal;
using AuditAggregator.Simulators.ExaVault.Internal;

namespace AuditAggregator.Simulators;

/// <summary>The simulated account's data: its session-activity and webhook logs, generated on the fly from the seed.</summary>
public sealed class ExaVaultData
{
    internal ExaVaultData(long seed, DateTimeOffset now, ExaVaultSimulatorOptions options)
    {
        Seed = seed;
        Now = now;
        Directory = new UserDirectory(options.Users);
        var sessions = new Timeline(seed, SessionGenerator.Salt, options.SessionEventCount, now, options.Span, options.AppendedEventSpacing);
        var webhooks = new Timeline(seed, WebhookGenerator.Salt, options.WebhookEventCount, now, options.Span, options.AppendedEventSpacing);
        SessionGenerator = new SessionGenerator(seed, sessions, Directory);
        WebhookGenerator = new WebhookGenerator(seed, webhooks, Directory);
        Session = new SimulatedLog(options.SourceName, "session", sessions, i => SessionGenerator.Entry(i).ToRecord());
        Webhooks = new SimulatedLog(options.SourceName, "webhook", webhooks, i => WebhookGenerator.Entry(i).ToRecord());
    }

    /// <summary>Creates the data set a simulator with <paramref name="options"/> would serve, without starting a server.</summary>
    /// <param name="options">The options (seed, sizes, now, span).</param>
    /// <returns>The data set.</returns>
    public static ExaVaultData Create(ExaVaultSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ExaVaultData(options.Seed, options.ResolveNow(), options);
    }

    /// <summary>Gets the seed the data set was generated from.</summary>
    public long Seed { get; }

    /// <summary>Gets the instant the initial data set ends at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Gets the session-activity log (<c>/activity/session</c>), 0 = oldest.</summary>
    public SimulatedLog Session { get; }

    /// <summary>Gets the webhook log (<c>/activity/webhooks</c>), 0 = oldest.</summary>
    public SimulatedLog Webhooks { get; }

    /// <summary>Gets the people with an ExaVault account.</summary>
    public IReadOnlyList<SimulatedUser> Users => Directory.ExaVault;

    internal UserDirectory Directory { get; }

    internal SessionGenerator SessionGenerator { get; }

    internal WebhookGenerator WebhookGenerator { get; }

    /// <summary>Gets the session entries in [<paramref name="from"/>, <paramref name="to"/>], oldest first, lazily.</summary>
    /// <param name="from">The earliest instant, inclusive.</param>
    /// <param name="to">The latest instant, inclusive.</param>
    /// <returns>The entries.</returns>
    public IEnumerable<SimulatedRecord> SessionsBetween(DateTimeOffset from, DateTimeOffset to) => Session.EventsBetween(from, to);

    /// <summary>Gets the webhook entries in [<paramref name="from"/>, <paramref name="to"/>], oldest first, lazily.</summary>
    /// <param name="from">The earliest instant, inclusive.</param>
    /// <param name="to">The latest instant, inclusive.</param>
    /// <returns>The entries.</returns>
    public IEnumerable<SimulatedRecord> WebhooksBetween(DateTimeOffset from, DateTimeOffset to) => Webhooks.EventsBetween(from, to);
}
