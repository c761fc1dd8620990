using System.Buffers;
using AuditAggregator.DependencyInjection.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Keeps the names of the audit sources registered in one service collection unique, across every vendor.
/// </summary>
/// <remarks>
/// A source name becomes <see cref="AuditAggregator.AuditEvent.Source"/> and the first part of every event id, and
/// keys the source's options, HTTP client, checkpoints and telemetry; two sources sharing one would mix their
/// events and progress. The names are held by the service collection itself, not by the process, so separate
/// collections (two hosts, two tests) never see each other's names.
/// </remarks>
public static class AuditSourceRegistration
{
    /// <summary>The most characters a source name may have.</summary>
    public const int MaxNameLength = 63;

    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>
    /// Gets a value indicating whether <paramref name="name"/> is a valid source name: 1 to 63 lowercase ASCII
    /// letters, digits and hyphens, starting and ending with a letter or digit (like a DNS label).
    /// </summary>
    /// <param name="name">The name to check.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength }
        && !name.AsSpan().ContainsAnyExcept(NameCharacters)
        && name[0] != '-'
        && name[^1] != '-';

    /// <summary>
    /// Reserves a source name in <paramref name="services"/>; each adapter's registration calls this before it adds
    /// its source.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The source name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name (see <see cref="IsValidName"/>).</exception>
    /// <exception cref="InvalidOperationException">A source of any vendor already has <paramref name="name"/> in this collection.</exception>
    public static void Reserve(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"The audit source name '{Shorten(name)}' is invalid: use 1 to {MaxNameLength} lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }

        if (!ReservedSourceNames.In(services).TryAdd(name))
        {
            throw new InvalidOperationException(
                $"The audit source name '{name}' is already registered; every source, of any vendor, needs a name of its own.");
        }
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : string.Concat(name.AsSpan(0, 80), "...");
}
