using System.Reflection;
using System.Runtime.CompilerServices;

namespace AuditAggregator.Testing;

/// <summary>
/// Reflection checks of the house rules, shared by every library's convention tests.
/// </summary>
public static class ConventionChecks
{
    /// <summary>Lists the async iterators of <paramref name="assembly"/> whose CancellationToken lacks [EnumeratorCancellation].</summary>
    public static IReadOnlyList<string> AsyncIteratorsWithoutEnumeratorCancellation(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<AsyncIteratorStateMachineAttribute>() is not null)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken) && p.GetCustomAttribute<EnumeratorCancellationAttribute>() is null))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
}
