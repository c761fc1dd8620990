using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Builds a relative URI with a percent-encoded query, leaving out the parameters that are <see langword="null"/>.
/// </summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text;
    private char _separator = '?';

    public QueryBuilder(string path) => _text = new StringBuilder(path);

    public QueryBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            _text.Append(_separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            _separator = '&';
        }

        return this;
    }

    public QueryBuilder Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an instant as UTC ISO 8601 with <c>Z</c>, in whole seconds (the contract's example form).</summary>
    public QueryBuilder Add(string name, Instant? value) =>
        Add(name, value is { } instant ? InstantPattern.General.Format(instant) : null);

    public QueryBuilder AddPaging(long? offset, int? limit)
    {
        if (offset is { } o)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(o, nameof(offset));
        }

        if (limit is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l, nameof(limit));
        }

        return Add("offset", offset).Add("limit", limit);
    }

    public override string ToString() => _text.ToString();
}
