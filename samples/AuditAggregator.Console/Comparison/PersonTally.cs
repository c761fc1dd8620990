namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>One person across the sources: a tally per source, a display name, and their failed-login bursts.</summary>
internal sealed class PersonTally(string key)
{
    public string Key { get; } = key;

    public string? DisplayName { get; private set; }

    public SortedDictionary<string, PersonSourceTally> Sources { get; } = new(StringComparer.Ordinal);

    public BurstDetector Bursts { get; } = new();

    public void Add(AuditEvent auditEvent)
    {
        if (!Sources.TryGetValue(auditEvent.Source, out var tally))
        {
            tally = new PersonSourceTally();
            Sources.Add(auditEvent.Source, tally);
        }

        tally.Add(auditEvent);

        // DocSpace reports a display name beside the login; ExaVault's name is the username itself.
        if (DisplayName is null && auditEvent.Actor.Name is { } name && name != auditEvent.Actor.Login)
        {
            DisplayName = name;
        }

        if (auditEvent.Action == AuditActions.Login && auditEvent.Outcome == AuditOutcome.Failure)
        {
            Bursts.Add(auditEvent.Time);
        }
    }

    /// <summary>
    /// Takes over what another tally found for the same person (a DocSpace account first seen by its id only).
    /// Failed-login bursts stay this tally's: failed logins carry a login, so the other tally has none to bring.
    /// </summary>
    public void Merge(PersonTally other)
    {
        foreach (var (source, tally) in other.Sources)
        {
            if (Sources.TryGetValue(source, out var mine))
            {
                mine.Merge(tally);
            }
            else
            {
                Sources.Add(source, tally);
            }
        }

        DisplayName ??= other.DisplayName;
    }
}
