using System.Globalization;

namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>Folder and file names for file operations.</summary>
internal static class Paths
{
    public static IReadOnlyList<string> Folders { get; } =
        ["/Production/Inbound", "/Production/Outbound", "/Finance/Reports", "/Marketing/Assets", "/Shared/Partners"];

    public static string Folder(ulong hash) => Folders[Mix.Below(hash, Folders.Count)];

    public static string File(ulong hash, DateTimeOffset time)
    {
        var n = (int)((hash >> 8) % 900) + 100;
        return Mix.Below(hash >> 20, 5) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"report-{time:yyyy-MM-dd}.csv"),
            1 => string.Create(CultureInfo.InvariantCulture, $"invoice-{n}.pdf"),
            2 => string.Create(CultureInfo.InvariantCulture, $"logo-{n}.png"),
            3 => string.Create(CultureInfo.InvariantCulture, $"contract-{n}.docx"),
            _ => string.Create(CultureInfo.InvariantCulture, $"backup-{n}.zip"),
        };
    }
}
