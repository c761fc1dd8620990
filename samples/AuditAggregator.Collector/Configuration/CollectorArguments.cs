using System.Globalization;

namespace AuditAggregator.Collector.Configuration;

/// <summary>
/// The command line: a command, then <c>--name value</c> options and <c>--flag</c> switches; a value may also come
/// from an environment variable.
/// </summary>
internal sealed class CollectorArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _environment;

    private CollectorArguments(string command, Func<string, string?> environment)
    {
        Command = command;
        _environment = environment;
    }

    public string Command { get; }

    public static CollectorArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags, Func<string, string?> environment)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new CollectorException("Name a command: `silo` (run one silo) or `demo` (a cluster on private servers, with one silo killed); `audit-collector --help` lists their options.");
        }

        var parsed = new CollectorArguments(args[0], environment);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CollectorException($"Unexpected argument '{name}': options start with --.");
            }

            if (flags.Contains(name))
            {
                parsed._flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                parsed._values[name] = args[++i];
            }
            else
            {
                throw new CollectorException($"Option {name} needs a value.");
            }
        }

        return parsed;
    }

    /// <summary>Gets the options the command has read so far, given or not.</summary>
    public IReadOnlySet<string> Read => _read;

    public bool Has(string flag)
    {
        _read.Add(flag);
        return _flags.Contains(flag);
    }

    public string? Text(string name, string? variable = null)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name) ?? (variable is null ? null : _environment(variable));
    }

    /// <summary>Fails on an option given but never read by the command (a typo such as <c>--acounts</c> would otherwise be ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Concat(_flags).Where(name => !_read.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CollectorException(
                $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an option" : "are not options")} of `{Command}`; `audit-collector --help` lists its options.");
        }
    }

    public string Required(string name, string? variable = null) =>
        Text(name, variable) ?? throw new CollectorException(
            variable is null ? $"Option {name} is required." : $"Option {name} (or the environment variable {variable}) is required.");

    public int Integer(string name, int fallback, int minimum = 0)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new CollectorException($"Option {name} takes a whole number of at least {minimum}, not '{text}'.");
        }

        return value;
    }

    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        var unit = text.Length > 1 && char.IsLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            throw new CollectorException($"Option {name} takes a duration such as 5s, 2m or 1h, not '{text}'.");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => throw new CollectorException($"Option {name} takes a duration such as 5s, 2m or 1h, not '{text}'."),
        };
    }
}
