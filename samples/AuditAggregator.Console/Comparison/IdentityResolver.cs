namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// Decides who a person is across sources, of every account of either vendor. ExaVault usernames are the key; a DocSpace actor is mapped through the
/// identity map (by user id, then login, then name) when the map names it, and is otherwise keyed by its login.
/// Keys compare ignoring case, so a DocSpace login <c>grace@example.com</c> and an ExaVault username
/// <c>Grace@example.com</c> are one person without any map.
/// </summary>
internal sealed class IdentityResolver(IReadOnlyDictionary<string, string> map)
{
    /// <summary>Gets the person key of an event's actor, or <see langword="null"/> when the event names nobody.</summary>
    public string? Resolve(AuditEvent auditEvent)
    {
        var actor = auditEvent.Actor;
        // By vendor, not by source name: every ExaVault account keys people by username, whatever the account is called.
        if (auditEvent.Vendor == ExaVault.ExaVaultSourceNames.Vendor)
        {
            return actor.Login ?? actor.Name ?? actor.Id;
        }

        foreach (var candidate in (ReadOnlySpan<string?>)[actor.Id, actor.Login, actor.Name])
        {
            if (candidate is not null && map.TryGetValue(candidate, out var mapped))
            {
                return mapped;
            }
        }

        return actor.Login ?? actor.Id ?? actor.Name;
    }
}
