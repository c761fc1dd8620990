using System.Globalization;
using NodaTime;
using Spectre.Console;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// Renders the comparison as tables: the sources side by side (events by category, outcome and action), then every
/// person with one row per source they appear in, then each person's file activity per source (uploads, downloads,
/// deletes, shares), then the failed-login bursts.
/// </summary>
internal static class ComparisonTableRenderer
{
    public static void Render(IAnsiConsole console, ComparisonReport report)
    {
        console.Write(new Rule($"[bold]Comparison[/] {Day(report.From)} to {Day(report.To)} (UTC)") { Justification = Justify.Left });
        console.Write(SourcesTable(report));
        console.Write(PeopleTable(report));
        console.Write(FileActivityTable(report));
        var bursts = BurstsTable(report);
        if (bursts.Rows.Count > 0)
        {
            console.Write(bursts);
        }

        console.Write(new Text(string.Create(
            CultureInfo.InvariantCulture,
            $"People are joined by equal login or e-mail (ignoring case) and by {report.IdentityNote}; {report.Unattributed:N0} events name nobody. Burst: {ComparisonReport.BurstDefinition}.")));
        console.WriteLine();
    }

    private static Table SourcesTable(ComparisonReport report)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Events per source") };
        table.AddColumn("");
        foreach (var source in report.Sources)
        {
            table.AddColumn(new TableColumn(source.Name).RightAligned());
        }

        table.AddRow([new Markup("[bold]events[/]"), .. report.Sources.Select(s => new Markup($"[bold]{Count(s.Events)}[/]"))]);
        AddSection(table, report, "category", s => s.Categories);
        AddSection(table, report, "outcome", s => s.Outcomes);
        AddSection(table, report, "action", s => s.Actions);
        return table;
    }

    private static void AddSection(Table table, ComparisonReport report, string label, Func<SourceTally, SortedDictionary<string, long>> counts)
    {
        var keys = report.Sources.SelectMany(s => counts(s).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            table.AddRow([new Text($"{label}: {key}"), .. report.Sources.Select(s => new Text(Count(counts(s).GetValueOrDefault(key))))]);
        }
    }

    private static Table PeopleTable(ComparisonReport report)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("People across sources") };
        foreach (var header in new[] { "Person", "Name", "Source", "Logins", "Failed", "Logouts", "IPs", "First seen", "Last seen", "Flags" })
        {
            var column = new TableColumn(header);
            if (header is "Logins" or "Failed" or "Logouts" or "IPs")
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        foreach (var person in report.People)
        {
            var first = true;
            foreach (var (source, tally) in person.Person.Sources)
            {
                table.AddRow(
                    new Text(first ? person.Person.Key : string.Empty),
                    new Text(first ? person.Person.DisplayName ?? string.Empty : string.Empty),
                    new Text(source),
                    new Text(Count(tally.Logins)),
                    new Text(Count(tally.FailedLogins), tally.FailedLogins > 0 ? new Style(Color.Red) : Style.Plain),
                    new Text(Count(tally.Logouts)),
                    new Text(Count(tally.DistinctIps)),
                    new Text(Minute(tally.FirstSeen)),
                    new Text(Minute(tally.LastSeen)),
                    new Text(first ? string.Join(", ", person.Flags) : string.Empty, new Style(Color.Yellow)));
                first = false;
            }
        }

        return table;
    }

    private static Table FileActivityTable(ComparisonReport report)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("File activity across sources") };
        table.AddColumn("Person");
        table.AddColumn("Source");
        foreach (var header in new[] { "Uploads", "Downloads", "Deletes", "Shares" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var person in report.People)
        {
            var first = true;
            foreach (var (source, tally) in person.Person.Sources)
            {
                table.AddRow(
                    first ? person.Person.Key : string.Empty,
                    source,
                    Count(tally.Uploads),
                    Count(tally.Downloads),
                    Count(tally.Deletes),
                    Count(tally.Shares));
                first = false;
            }
        }

        return table;
    }

    private static Table BurstsTable(ComparisonReport report)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Failed-login bursts") };
        table.AddColumn("Person");
        table.AddColumn(new TableColumn("Failures").RightAligned());
        table.AddColumn("From");
        table.AddColumn("To");
        foreach (var person in report.People)
        {
            foreach (var burst in person.Person.Bursts.Bursts)
            {
                table.AddRow(person.Person.Key, Count(burst.Failures), Second(burst.Start), Second(burst.End));
            }
        }

        return table;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(Instant instant) => instant.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Minute(Instant? instant) => instant?.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Second(Instant instant) => instant.ToString("uuuu-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
