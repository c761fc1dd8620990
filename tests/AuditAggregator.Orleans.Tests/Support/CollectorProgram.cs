namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// The built collector sample (<c>dotnet audit-collector.dll</c>), whose <c>silo</c> command the cluster tests run as processes.
/// </summary>
internal static class CollectorProgram
{
    public static IReadOnlyList<string> Command
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "audit-collector.dll");
            Assert.True(File.Exists(path), $"{path} is missing: the test project references the collector sample, so building it copies the program.");
            return ["dotnet", path];
        }
    }
}
