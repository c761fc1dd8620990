using AuditAggregator.Testing;
using System.Reflection;

namespace AuditAggregator.Tests.Conventions;

/// <summary>
/// The house rules, checked by reflection over the core library (NodaTime's ConsistencyTest).
/// </summary>
/// <remarks>The wall-clock and file-length checks read every library under <c>src</c>, not only the core's.</remarks>
public sealed class ConventionTests() : LibraryConventionTests(typeof(AuditEvent).Assembly, "src")
{
    [Fact]
    public void AsyncMethods_EndInAsyncAndTakeTheTokenLast()
    {
        var problems = new List<string>();
        foreach (var method in Library.GetExportedTypes().Where(t => !typeof(Delegate).IsAssignableFrom(t)).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var returnsAsync = typeof(Task).IsAssignableFrom(method.ReturnType)
                || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var g && (g == typeof(ValueTask<>) || g == typeof(IAsyncEnumerable<>)))
                || method.ReturnType == typeof(ValueTask);
            if (!returnsAsync)
            {
                continue;
            }

            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                problems.Add($"{method.DeclaringType!.Name}.{method.Name} does not end in Async");
            }

            var parameters = method.GetParameters();
            var tokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
            if (tokenIndex < 0)
            {
                problems.Add($"{method.DeclaringType!.Name}.{method.Name} takes no CancellationToken");
            }
            else if (tokenIndex != parameters.Length - 1)
            {
                problems.Add($"{method.DeclaringType!.Name}.{method.Name} does not take the CancellationToken last");
            }
        }

        Assert.Empty(problems);
    }
}
