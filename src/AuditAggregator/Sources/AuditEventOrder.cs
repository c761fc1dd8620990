namespace AuditAggregator;

/// <summary>
/// The order of a merged feed: by time, ties broken by source, then stream, then source id (as numbers when both are numeric).
/// </summary>
/// <remarks>
/// <see cref="NewestFirst"/> is the exact reverse of <see cref="OldestFirst"/>, so within one second a DocSpace feed
/// keeps the vendor's own newest-first order of growing ids.
/// </remarks>
public sealed class AuditEventOrder : IComparer<AuditEvent>
{
    private readonly bool _descending;

    private AuditEventOrder(bool descending) => _descending = descending;

    /// <summary>
    /// Gets the oldest-first order.
    /// </summary>
    public static AuditEventOrder OldestFirst { get; } = new(descending: false);

    /// <summary>
    /// Gets the newest-first order, in which sources yield their events.
    /// </summary>
    public static AuditEventOrder NewestFirst { get; } = new(descending: true);

    /// <summary>
    /// Compares two source ids: numerically when both are non-negative integers, else ordinally.
    /// </summary>
    /// <param name="x">The first id.</param>
    /// <param name="y">The second id.</param>
    /// <returns>Less than zero when <paramref name="x"/> sorts first.</returns>
    public static int CompareSourceIds(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (IsDigits(x) && IsDigits(y))
        {
            var a = x.AsSpan().TrimStart('0');
            var b = y.AsSpan().TrimStart('0');
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
        }

        return string.CompareOrdinal(x, y);
    }

    /// <inheritdoc/>
    public int Compare(AuditEvent? x, AuditEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return _descending ? 1 : -1;
        }

        if (y is null)
        {
            return _descending ? -1 : 1;
        }

        var result = x.Time.CompareTo(y.Time);
        if (result == 0)
        {
            result = string.CompareOrdinal(x.Source, y.Source);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(x.Stream, y.Stream);
        }

        if (result == 0)
        {
            result = CompareSourceIds(x.SourceId, y.SourceId);
        }

        return _descending ? -result : result;
    }

    private static bool IsDigits(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
