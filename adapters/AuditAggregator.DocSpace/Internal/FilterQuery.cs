using System.Globalization;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Writes a <see cref="DocSpaceLoginFilter"/> in the wire form the server reads.
/// </summary>
internal static class FilterQuery
{
    public static string Build(DocSpaceLoginFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Count is < 1 or > DocSpaceOptions.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.Count, $"Count must be between 1 and {DocSpaceOptions.MaxPageSize}.");
        }

        if (filter.StartIndex is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.StartIndex, "StartIndex must not be negative.");
        }

        return new QueryString()
            .Add("userId", filter.UserId?.ToString("D", CultureInfo.InvariantCulture))
            .Add("action", filter.Action is { } action ? (int)action : null)
            .Add("from", FormatUtc(filter.From))
            .Add("to", FormatUtc(filter.To))
            .Add("count", filter.Count)
            .Add("startIndex", filter.StartIndex)
            .AddList("fields", filter.Fields)
            .ToString();
    }

    /// <summary>
    /// Formats an instant in UTC with <c>Z</c>; fractions only when non-zero (a value without a zone makes the server fail).
    /// </summary>
    public static string? FormatUtc(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
