using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace AuditAggregator.Testing;

/// <summary>
/// Approves an assembly's public surface, as PublicApiGenerator prints it, against a checked-in
/// <c>PublicAPI.approved.txt</c>.
/// </summary>
public static class PublicApi
{
    // No namespace is denied: the libraries' registration extensions live in Microsoft.Extensions.DependencyInjection,
    // which the generator leaves out by default. Assembly attributes (InternalsVisibleTo, TargetFramework) are not API.
    private static readonly ApiGeneratorOptions Options = new()
    {
        DenyNamespacePrefixes = [],
        IncludeAssemblyAttributes = false,
    };

    /// <summary>Gets the public API of <paramref name="assembly"/> as C# declarations, reference nullability included.</summary>
    /// <param name="assembly">The assembly to describe.</param>
    /// <returns>The declarations, with <c>\n</c> line ends.</returns>
    public static string Describe(Assembly assembly) => assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Compares the assembly with the approved file beside the calling test; writes a .received.txt and fails on a difference.</summary>
    /// <param name="assembly">The assembly to approve.</param>
    /// <param name="approvedFileName">The approved file's name, beside the calling test.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    public static void AssertApproved(Assembly assembly, string approvedFileName = "PublicAPI.approved.txt", [CallerFilePath] string callerFile = "")
    {
        var approvedPath = Path.Combine(Path.GetDirectoryName(callerFile)!, approvedFileName);
        var actual = Describe(assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        var receivedPath = approvedPath.Replace(".approved.", ".received.", StringComparison.Ordinal);
        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var added = actual.Split('\n').Except(approved.Split('\n')).Take(20);
        var removed = approved.Split('\n').Except(actual.Split('\n')).Take(20);
        throw new InvalidOperationException(
            $"The public API of {assembly.GetName().Name} changed. Review {receivedPath} and copy it over {approvedPath} if the change is intended.\n" +
            $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}");
    }
}
