namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// The built collector sample (<c>dotnet audit-collector.dll</c> in its own build output), whose <c>silo</c>
/// command the cluster tests run as processes.
/// </summary>
/// <remarks>It runs from its own folder, with its own dependencies: this test project's output holds a different set.</remarks>
internal static class CollectorProgram
{
    public static IReadOnlyList<string> Command
    {
        get
        {
            var baseDirectory = AppContext.BaseDirectory;
            var root = new DirectoryInfo(baseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AuditAggregator.sln")))
            {
                root = root.Parent;
            }

            Assert.True(root is not null, $"no AuditAggregator.sln above {baseDirectory}");
            var configuration = new DirectoryInfo(baseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
            var path = Path.Combine(root.FullName, "samples", "AuditAggregator.Collector", "bin", configuration, "net10.0", "audit-collector.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build samples/AuditAggregator.Collector ({configuration}) first.");
            return ["dotnet", path];
        }
    }
}
