using AuditAggregator.Testing;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace AuditAggregator.Tests.Conventions;

/// <summary>
/// The house rules, checked by reflection over the core library (NodaTime's ConsistencyTest).
/// </summary>
public class ConventionTests
{
    private static readonly Assembly Core = typeof(AuditEvent).Assembly;

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var open = Core.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_AreNotInInternalNamespaces()
    {
        var leaked = Core.GetExportedTypes().Where(t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true).Select(t => t.FullName);

        Assert.Empty(leaked);
    }

    [Fact]
    public void AsyncMethods_EndInAsyncAndTakeTheTokenLast()
    {
        var problems = new List<string>();
        foreach (var method in Core.GetExportedTypes().Where(t => !typeof(Delegate).IsAssignableFrom(t)).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
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

    [Fact]
    public void AsyncIterators_MarkTheirTokenWithEnumeratorCancellation()
    {
        var missing = ConventionChecks.AsyncIteratorsWithoutEnumeratorCancellation(Core);

        Assert.Empty(missing);
    }

    [Fact]
    public void LibrarySources_DoNotReadTheWallClockOrBlock()
    {
        var root = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "src"));
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => System.Text.RegularExpressions.Regex.IsMatch(x.line, @"DateTime(Offset)?\.(Utc)?Now|\.Result\b|\.Wait\(\)|Thread\.Sleep"))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}");

        Assert.Empty(offenders);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
