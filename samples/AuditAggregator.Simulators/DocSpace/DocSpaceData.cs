using AuditAggregator.Simulators.Data.Internal;
using AuditAggregator.Simulators.DocSpace.Internal;

namespace AuditAggregator.Simulators;

/// <summary>The simulated portal's data: its login history and audit trail, generated on the fly from the seed.</summary>
public sealed class DocSpaceData
{
    internal DocSpaceData(long seed, DateTimeOffset now, DocSpaceSimulatorOptions options)
    {
        Seed = seed;
        Now = now;
        Directory = new UserDirectory(options.Users);
        var timeline = new Timeline(seed, LoginGenerator.Salt, options.EventCount, now, options.Span, options.AppendedEventSpacing);
        Generator = new LoginGenerator(seed, timeline, options.IncludeCodesOutsideContract, Directory);
        Login = new SimulatedLog(options.SourceName, "login", timeline, i => Generator.Entry(i).ToRecord());

        // The audit trail has its own time axis and random stream, so adding it left the login history unchanged.
        var auditTimeline = new Timeline(seed, AuditGenerator.Salt, options.AuditEventCount, now, options.Span, options.AppendedEventSpacing);
        AuditGenerator = new AuditGenerator(seed, auditTimeline, Directory);
        Audit = new SimulatedLog(options.SourceName, "audit", auditTimeline, i => AuditGenerator.Entry(i).ToRecord());
    }

    /// <summary>Creates the data set a simulator with <paramref name="options"/> would serve, without starting a server.</summary>
    /// <param name="options">The options (seed, size, now, span).</param>
    /// <returns>The data set.</returns>
    public static DocSpaceData Create(DocSpaceSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new DocSpaceData(options.Seed, options.ResolveNow(), options);
    }

    /// <summary>Gets the seed the data set was generated from.</summary>
    public long Seed { get; }

    /// <summary>Gets the instant the initial data set ends at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Gets the login history (0 = oldest); the server serves it newest first.</summary>
    public SimulatedLog Login { get; }

    /// <summary>
    /// Gets the audit trail (0 = oldest): the same people's file, folder, room and sharing work, served newest first by
    /// the <c>/audit/events</c> routes. <see cref="SimulatedRecord.Resource"/> is the title acted on.
    /// </summary>
    public SimulatedLog Audit { get; }

    /// <summary>Gets the people with a DocSpace account.</summary>
    public IReadOnlyList<SimulatedUser> Users => Directory.DocSpace;

    internal UserDirectory Directory { get; }

    internal LoginGenerator Generator { get; }

    internal AuditGenerator AuditGenerator { get; }

    /// <summary>Adds <paramref name="count"/> newer login events at the head of the history (same as <c>Login.Append</c>).</summary>
    /// <param name="count">How many events to add.</param>
    /// <returns>The new number of events.</returns>
    public long Append(int count) => Login.Append(count);

    /// <summary>Gets the login events in [<paramref name="from"/>, <paramref name="to"/>], oldest first, lazily.</summary>
    /// <param name="from">The earliest instant, inclusive.</param>
    /// <param name="to">The latest instant, inclusive.</param>
    /// <returns>The events.</returns>
    public IEnumerable<SimulatedRecord> EventsBetween(DateTimeOffset from, DateTimeOffset to) => Login.EventsBetween(from, to);

    /// <summary>Gets the audit-trail events in [<paramref name="from"/>, <paramref name="to"/>], oldest first, lazily.</summary>
    /// <param name="from">The earliest instant, inclusive.</param>
    /// <param name="to">The latest instant, inclusive.</param>
    /// <returns>The events.</returns>
    public IEnumerable<SimulatedRecord> AuditEventsBetween(DateTimeOffset from, DateTimeOffset to) => Audit.EventsBetween(from, to);
}
