using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// What one person did in one source: logins, failed logins, logouts, file activity (uploads, downloads, deletes,
/// shares), addresses, first and last seen.
/// </summary>
internal sealed class PersonSourceTally
{
    private readonly HashSet<string> _ips = new(StringComparer.Ordinal);

    public long Events { get; private set; }

    public long Logins { get; private set; }

    public long FailedLogins { get; private set; }

    public long Logouts { get; private set; }

    public long Uploads { get; private set; }

    public long Downloads { get; private set; }

    public long Deletes { get; private set; }

    /// <summary>Gets the sharing events: shares, links, sends and receive folders created, changed or removed.</summary>
    public long Shares { get; private set; }

    public int DistinctIps => _ips.Count;

    public Instant? FirstSeen { get; private set; }

    public Instant? LastSeen { get; private set; }

    /// <summary>Gets how the source names the person (login, user id), as first seen.</summary>
    public SortedSet<string> Identifiers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(AuditEvent auditEvent)
    {
        Events++;
        if (auditEvent.Action == AuditActions.Login)
        {
            if (auditEvent.Outcome == AuditOutcome.Failure)
            {
                FailedLogins++;
            }
            else if (auditEvent.Outcome == AuditOutcome.Success)
            {
                Logins++;
            }
        }
        else if (auditEvent.Action == AuditActions.Logout)
        {
            Logouts++;
        }

        CountFileActivity(auditEvent);

        if (auditEvent.Ip is { } ip)
        {
            _ips.Add(ip);
        }

        FirstSeen = FirstSeen is { } first && first <= auditEvent.Time ? first : auditEvent.Time;
        LastSeen = LastSeen is { } last && last >= auditEvent.Time ? last : auditEvent.Time;

        // A person has a handful of names in a source; cap the set in case a source reports something odd.
        if (Identifiers.Count < 8)
        {
            if (auditEvent.Actor.Login is { } login)
            {
                Identifiers.Add(login);
            }

            if (auditEvent.Actor.Id is { } id)
            {
                Identifiers.Add(id);
            }
        }
    }

    /// <summary>Adds what another tally of the same person in the same source counted.</summary>
    public void Merge(PersonSourceTally other)
    {
        Events += other.Events;
        Logins += other.Logins;
        FailedLogins += other.FailedLogins;
        Logouts += other.Logouts;
        Uploads += other.Uploads;
        Downloads += other.Downloads;
        Deletes += other.Deletes;
        Shares += other.Shares;
        _ips.UnionWith(other._ips);
        FirstSeen = Earliest(FirstSeen, other.FirstSeen);
        LastSeen = LastSeen is { } last && (other.LastSeen is not { } otherLast || last >= otherLast) ? last : other.LastSeen;
        Identifiers.UnionWith(other.Identifiers.Take(8 - Math.Min(8, Identifiers.Count)));
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is { } x && (b is not { } y || x <= y) ? a : b;

    private void CountFileActivity(AuditEvent auditEvent)
    {
        if (auditEvent.Category == AuditCategory.Sharing)
        {
            Shares++;
            return;
        }

        switch (auditEvent.Action)
        {
            case AuditActions.Upload:
                Uploads++;
                break;
            case AuditActions.Download:
                Downloads++;
                break;
            case AuditActions.Delete:
                Deletes++;
                break;
        }
    }
}
