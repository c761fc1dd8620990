using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>What one person did in one source: logins, failed logins, logouts, addresses, first and last seen.</summary>
internal sealed class PersonSourceTally
{
    private readonly HashSet<string> _ips = new(StringComparer.Ordinal);

    public long Events { get; private set; }

    public long Logins { get; private set; }

    public long FailedLogins { get; private set; }

    public long Logouts { get; private set; }

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
}
