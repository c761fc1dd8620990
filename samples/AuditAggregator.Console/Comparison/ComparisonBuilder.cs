using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// Builds the comparison while the feed streams past: one tally per source and one per person, so memory grows
/// with the number of people (and their addresses), never with the number of events.
/// </summary>
internal sealed class ComparisonBuilder
{
    private readonly IdentityResolver _identities;
    private readonly string _identityNote;
    private readonly Dictionary<string, SourceTally> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonTally> _people = new(StringComparer.OrdinalIgnoreCase);

    // DocSpace account ids seen beside a login, to join audit-trail events (which carry the id only) to that person.
    private readonly Dictionary<string, string> _loginsById = new(StringComparer.OrdinalIgnoreCase);
    private long _unattributed;

    /// <param name="identityMap">DocSpace user ids or logins mapped to ExaVault usernames.</param>
    /// <param name="identityNote">Where the map came from, for the report's footnote.</param>
    /// <param name="sources">The sources read (every account, of either vendor), shown even when they returned nothing.</param>
    public ComparisonBuilder(IReadOnlyDictionary<string, string> identityMap, string identityNote, IEnumerable<Configuration.SourceName> sources)
    {
        _identities = new IdentityResolver(identityMap);
        _identityNote = identityNote;
        foreach (var source in sources)
        {
            _sources[source.Name] = new SourceTally(source.Name, source.Vendor);
        }
    }

    public void Add(AuditEvent auditEvent)
    {
        if (!_sources.TryGetValue(auditEvent.Source, out var source))
        {
            source = new SourceTally(auditEvent.Source, auditEvent.Vendor);
            _sources.Add(auditEvent.Source, source);
        }

        source.Add(auditEvent);
        if (_identities.Resolve(auditEvent) is not { } key)
        {
            _unattributed++;
            return;
        }

        if (auditEvent.Actor is { Id: { } id, Login: { } login } && string.Equals(key, login, StringComparison.OrdinalIgnoreCase))
        {
            _loginsById.TryAdd(id, key);
        }

        if (!_people.TryGetValue(key, out var person))
        {
            person = new PersonTally(key);
            _people.Add(key, person);
        }

        person.Add(auditEvent);
    }

    public ComparisonReport Build(Instant from, Instant to)
    {
        foreach (var (id, login) in _loginsById)
        {
            if (_people.Remove(id, out var byId) && _people.TryGetValue(login, out var person))
            {
                person.Merge(byId);
            }
        }

        var sources = _sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var people = _people.Values
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PersonReport(p, Flags(p, sources.Count)))
            .ToList();
        return new ComparisonReport(from, to, sources, people, _unattributed, _identityNote);
    }

    private static List<string> Flags(PersonTally person, int sourceCount)
    {
        var flags = new List<string>();
        if (sourceCount > 1 && person.Sources.Count == 1)
        {
            flags.Add($"only-in-{person.Sources.Keys.First()}");
        }

        if (person.Bursts.Bursts.Count > 0)
        {
            flags.Add("failed-login-burst");
        }

        return flags;
    }
}
