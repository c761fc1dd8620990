namespace AuditAggregator;

/// <summary>
/// The person or account that performed an audited action.
/// </summary>
/// <param name="Id">The vendor's user id, or <see langword="null"/> when the vendor did not know the account.</param>
/// <param name="Name">The display name.</param>
/// <param name="Login">The login name or e-mail address that was used.</param>
public sealed record AuditActor(string? Id, string? Name, string? Login)
{
    /// <summary>
    /// Gets an actor of whom nothing is known.
    /// </summary>
    public static AuditActor Unknown { get; } = new(null, null, null);

    /// <summary>
    /// Determines whether the actor's id, name or login equals <paramref name="value"/>, ignoring case.
    /// </summary>
    /// <param name="value">The id, name or login to compare with.</param>
    /// <returns><see langword="true"/> when any of the three matches.</returns>
    public bool Matches(string value) =>
        string.Equals(Id, value, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, value, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Login, value, StringComparison.OrdinalIgnoreCase);
}
