using System.Globalization;
using AuditAggregator.Benchmarks.Micro;
using AuditAggregator.Benchmarks.Sizes;
using BenchmarkDotNet.Reports;

namespace AuditAggregator.Benchmarks.Reporting;

/// <summary>
/// Prints the performance targets as ratios of figures from the same run, one line per target, and writes them next
/// to BenchmarkDotNet's own reports.
/// </summary>
internal static class TargetReport
{
    public static void Print(IEnumerable<Summary> summaries)
    {
        var figures = new Dictionary<(string Type, string Method), (double MeanNs, double Bytes)>();
        string? resultsDirectory = null;
        foreach (var summary in summaries)
        {
            resultsDirectory ??= summary.ResultsDirectoryPath;
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is { } statistics)
                {
                    var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } b ? (double)b : double.NaN;
                    figures[(report.BenchmarkCase.Descriptor.Type.Name, report.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = (statistics.Mean, bytes);
                }
            }
        }

        var sizes = EventSize.Measure();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Retained AuditEvent size (deep copy): DocSpace {sizes.DocSpace:N0} B, ExaVault session {sizes.Sessions:N0} B, ExaVault webhook {sizes.Webhooks:N0} B"),
        };
        AddPage(lines, figures, nameof(DocSpacePageBenchmarks), "DocSpace page (100)", 100, sizes.DocSpace);
        AddPage(lines, figures, nameof(ExaVaultSessionPageBenchmarks), "ExaVault session page (1,000)", 1000, sizes.Sessions);
        AddPage(lines, figures, nameof(ExaVaultWebhookPageBenchmarks), "ExaVault webhook page (1,000)", 1000, sizes.Webhooks);
        if (figures.TryGetValue((nameof(MergeBenchmarks), nameof(MergeBenchmarks.Merge)), out var merge))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Merge of 3 sources: {60_000 / (merge.MeanNs / 1e9):N0} events/s, {merge.Bytes / 60_000:N1} B/event"));
        }

        Console.WriteLine();
        Console.WriteLine("// * Performance targets (ratios from this run) *");
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        if (resultsDirectory is not null)
        {
            File.WriteAllLines(Path.Combine(resultsDirectory, "issue7-targets.txt"), lines);
        }
    }

    private static void AddPage(
        List<string> lines,
        Dictionary<(string Type, string Method), (double MeanNs, double Bytes)> figures,
        string type,
        string label,
        int events,
        double eventSize)
    {
        if (!figures.TryGetValue((type, "BareReader"), out var floor)
            || !figures.TryGetValue((type, "ParseAndMap"), out var adapter)
            || !figures.TryGetValue((type, "Naive"), out var naive))
        {
            return;
        }

        var ofFloor = floor.MeanNs / adapter.MeanNs;
        var fasterThanNaive = naive.MeanNs / adapter.MeanNs;
        var lessThanNaive = naive.Bytes / adapter.Bytes;
        var perEvent = adapter.Bytes / events;
        var ofSize = perEvent / eventSize;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: parse+map {events / (adapter.MeanNs / 1e9):N0} events/s = {ofFloor:P1} of the bare reader ({events / (floor.MeanNs / 1e9):N0}/s) [target >= 50%: {Verdict(ofFloor >= 0.5)}]"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {fasterThanNaive:N2}x faster than naive ({events / (naive.MeanNs / 1e9):N0}/s) [target >= 3x: {Verdict(fasterThanNaive >= 3)}]"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: allocates {lessThanNaive:N2}x less than naive ({adapter.Bytes:N0} B vs {naive.Bytes:N0} B per page) [target >= 3x: {Verdict(lessThanNaive >= 3)}]"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {perEvent:N0} B allocated per event = {ofSize:N2}x the {eventSize:N0} B AuditEvent [target <= 2x: {Verdict(ofSize <= 2)}]"));
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
