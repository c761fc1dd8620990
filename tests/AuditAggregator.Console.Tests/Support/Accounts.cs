using System.Text;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>
/// Named accounts over simulators, written into a sources file whose secrets are <c>${VARIABLES}</c>, with the
/// variables that hold them and the ids a correct read of each account returns.
/// </summary>
internal sealed class Accounts
{
    private readonly List<Account> _accounts = [];

    public IReadOnlyList<Account> All => _accounts;

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public Account this[string name] => _accounts.Single(a => a.Name == name);

    public Accounts DocSpace(string name, DocSpaceSimulator portal, string? token = null)
    {
        var variable = Variable(name, "TOKEN");
        Variables[variable] = token ?? portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret;
        _accounts.Add(new Account(name, "docspace", portal.BaseUri, $"\"token\": \"${{{variable}}}\"", portal.Requests, (from, to) => portal.Data.EventsBetween(from, to).Concat(portal.Data.AuditEventsBetween(from, to))));
        return this;
    }

    public Accounts ExaVault(string name, ExaVaultSimulator account)
    {
        var key = Variable(name, "KEY");
        var token = Variable(name, "ACCESS_TOKEN");
        Variables[key] = account.Options.ApiKey;
        Variables[token] = account.Options.AccessToken;
        _accounts.Add(new Account(name, "exavault", account.BaseUri, $"\"apiKey\": \"${{{key}}}\", \"accessToken\": \"${{{token}}}\"", account.Requests, (from, to) => account.Data.SessionsBetween(from, to).Concat(account.Data.WebhooksBetween(from, to))));
        return this;
    }

    /// <summary>Writes the sources file of <paramref name="names"/> (all when none) into <paramref name="directory"/>.</summary>
    public string Write(string directory, params string[] names)
    {
        var chosen = names.Length == 0 ? _accounts : [.. names.Select(n => this[n])];
        var json = new StringBuilder("{ \"sources\": [\n");
        json.AppendJoin(",\n", chosen.Select(a => $"  {{ \"name\": \"{a.Name}\", \"vendor\": \"{a.Vendor}\", \"url\": \"{a.Url}\", {a.Credential} }}"));
        json.Append("\n] }\n");
        var path = Path.Combine(directory, $"sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToString());
        return path;
    }

    /// <summary>Gets the ids a correct export of [<paramref name="from"/>, <paramref name="to"/>) returns for <paramref name="name"/>.</summary>
    public HashSet<string> Expected(string name, DateTimeOffset from, DateTimeOffset to)
    {
        var account = this[name];

        // The simulators' windows include both ends and times are whole seconds; the console's excludes its end.
        return account.Events(from, to.AddSeconds(-1)).Select(r => $"{name}:{r.Stream}:{r.Id}").ToHashSet(StringComparer.Ordinal);
    }

    private static string Variable(string name, string part) => $"{name.Replace('-', '_').ToUpperInvariant()}_{part}";

    internal sealed record Account(string Name, string Vendor, Uri Url, string Credential, RequestLog Requests, Func<DateTimeOffset, DateTimeOffset, IEnumerable<SimulatedRecord>> Events);
}
