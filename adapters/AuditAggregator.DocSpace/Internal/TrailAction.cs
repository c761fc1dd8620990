namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// What one audit-trail <c>MessageAction</c> code means: its vendor name, the normalized action and category, and
/// the flag <c>details</c> carries for it (<c>trash</c>, <c>room</c> or <c>overwrite</c>), if any.
/// </summary>
internal sealed record TrailAction(int Code, string Name, string Action, AuditCategory Category, string? Flag = null)
{
    /// <summary>Gets the code as text, built once.</summary>
    public string CodeText { get; } = Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
