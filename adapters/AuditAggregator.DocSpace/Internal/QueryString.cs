using System.Globalization;
using System.Text;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Builds a query string with every value percent-encoded (a <c>+</c> becomes <c>%2B</c>, never a space).
/// </summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        if (_builder.Length > 0)
        {
            _builder.Append('&');
        }

        _builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Adds a list as one comma-separated value; the commas stay literal, each item is encoded.
    /// </summary>
    public QueryString AddList(string name, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return this;
        }

        if (_builder.Length > 0)
        {
            _builder.Append('&');
        }

        _builder.Append(Uri.EscapeDataString(name)).Append('=');
        for (var i = 0; i < values.Count; i++)
        {
            _builder.Append(i == 0 ? string.Empty : ",").Append(Uri.EscapeDataString(values[i]));
        }

        return this;
    }

    public override string ToString() => _builder.ToString();
}
