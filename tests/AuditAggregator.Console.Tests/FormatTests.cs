using System.Text.Json;
using System.Text.RegularExpressions;
using AuditAggregator.ConsoleApp.Tests.Support;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed partial class FormatTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private static readonly string[] DocumentedFields =
    [
        "id", "source", "vendor", "stream", "sourceId", "time", "offset", "category", "action", "outcome", "actor", "ip",
        "userAgent", "location", "resource", "vendorAction", "vendorActionName", "details",
    ];

    private Task<ConsoleRun> ExportAsync(string format) =>
        InProcess.RunAsync(["export", "--format", format, .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

    [Fact]
    public async Task Export_Jsonl_EachLineParsesIntoTheDocumentedFieldsNewestFirst()
    {
        var run = await ExportAsync("jsonl");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = JsonLines.Parse(run.Stdout);
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To).Count, events.Count);
        string? previousTime = null;
        foreach (var e in events)
        {
            Assert.Equal(DocumentedFields.Order(), e.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(["id", "login", "name"], e.GetProperty("actor").EnumerateObject().Select(p => p.Name).Order());
            var time = e.GetProperty("time").GetString()!;
            Assert.Matches(IsoUtc(), time);
            Assert.Equal($"{e.GetProperty("source").GetString()}:{e.GetProperty("stream").GetString()}:{e.GetProperty("sourceId").GetString()}", e.GetProperty("id").GetString());
            Assert.Contains(e.GetProperty("outcome").GetString(), (string[])["success", "failure", "unknown"]);
            Assert.True(AuditActions.IsKnown(e.GetProperty("action").GetString()!));
            Assert.True(previousTime is null || string.CompareOrdinal(previousTime, time) >= 0, "newest first");
            previousTime = time;

            // And each line is exactly what the library reads back.
            Assert.Equal(e.GetProperty("id").GetString(), AuditEventJson.Deserialize(e.GetRawText()).Id);
        }
    }

    [Fact]
    public async Task Export_Csv_HasAHeaderAndOneQuotedRowPerEvent()
    {
        var run = await ExportAsync("csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Csv.Parse(run.Stdout);
        Assert.Equal(["time", "source", "stream", "id", "category", "action", "outcome", "actor_id", "actor_name", "actor_login", "ip", "resource", "vendor_action", "vendor_action_name", "user_agent", "location"], rows[0]);
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To), rows.Skip(1).Select(r => r[3]).ToHashSet());
        Assert.All(rows, r => Assert.Equal(16, r.Count));
        Assert.EndsWith("\r\n", run.Stdout, StringComparison.Ordinal);

        // User agents and locations hold commas ("Berlin, Germany"), so quoting is exercised.
        Assert.Contains(rows.Skip(1), r => r[15].Contains(',', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Berlin, Germany", "\"Berlin, Germany\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Quote_Field_FollowsRfc4180(string? field, string expected) =>
        Assert.Equal(expected, global::AuditAggregator.ConsoleApp.Output.CsvEventWriter.Quote(field));

    [Fact]
    public async Task Export_Ocsf_MapsAuthenticationFilesAndAccountsToTheirClasses()
    {
        var run = await ExportAsync("ocsf");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = JsonLines.Parse(run.Stdout);
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To).Count, events.Count);
        foreach (var e in events)
        {
            var action = e.GetProperty("unmapped").GetProperty("action").GetString();
            var classUid = e.GetProperty("class_uid").GetInt32();
            var activity = e.GetProperty("activity_id").GetInt32();
            Assert.Equal((classUid * 100L) + activity, e.GetProperty("type_uid").GetInt64());
            Assert.True(e.GetProperty("time").GetInt64() > 1_700_000_000_000);
            switch (action)
            {
                case "login":
                    Assert.Equal((3002, 1), (classUid, activity));
                    Assert.Equal(e.GetProperty("status").GetString() == "Failure" ? 2 : 1, e.GetProperty("status_id").GetInt32());
                    Assert.True(e.TryGetProperty("user", out _));
                    break;
                case "logout":
                    Assert.Equal((3002, 2), (classUid, activity));
                    break;
                case "upload":
                    Assert.Equal((6006, 1), (classUid, activity));
                    Assert.True(FileIsPathOrTitle(e.GetProperty("metadata").GetProperty("log_name").GetString(), e.GetProperty("file").GetProperty("path").GetString()));
                    break;
                case "download":
                    Assert.Equal((6006, 2), (classUid, activity));
                    break;
                case "user-update" or "user-create" or "user-delete":
                    Assert.Equal(3001, classUid);
                    break;
            }
        }

        Assert.Contains(events, e => e.GetProperty("class_uid").GetInt32() == 3002 && e.GetProperty("status_id").GetInt32() == 2);
        Assert.Contains(events, e => e.GetProperty("class_uid").GetInt32() == 6006);
    }

    /// <summary>ExaVault names a file by its path; the DocSpace audit trail only by its title (the record holds no path).</summary>
    private static bool FileIsPathOrTitle(string? stream, string? file) =>
        stream == "audit" ? !string.IsNullOrWhiteSpace(file) && !file.StartsWith('/') : file?.StartsWith('/') == true;

    [Fact]
    public async Task Export_Ecs_WritesEventCategoryTypeOutcomeUserSourceAndFile()
    {
        var run = await ExportAsync("ecs");

        Assert.True(run.ExitCode == 0, run.ToString());
        var documents = JsonLines.Parse(run.Stdout);
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To).Count, documents.Count);
        foreach (var d in documents)
        {
            var ev = d.GetProperty("event");
            Assert.Matches(IsoUtc(), d.GetProperty("@timestamp").GetString()!);
            Assert.Contains(ev.GetProperty("outcome").GetString(), (string[])["success", "failure", "unknown"]);
            if (ev.GetProperty("action").GetString() == "login")
            {
                Assert.Equal("authentication", ev.GetProperty("category")[0].GetString());
                Assert.Equal("start", ev.GetProperty("type")[0].GetString());
                Assert.True(d.GetProperty("user").TryGetProperty("name", out _));
            }

            if (ev.GetProperty("action").GetString() == "upload")
            {
                Assert.Equal("file", ev.GetProperty("category")[0].GetString());
                Assert.Equal("creation", ev.GetProperty("type")[0].GetString());
                Assert.True(FileIsPathOrTitle(d.GetProperty("auditaggregator").GetProperty("stream").GetString(), d.GetProperty("file").GetProperty("path").GetString()));
            }

            if (d.TryGetProperty("source", out var source) && source.TryGetProperty("ip", out var ip))
            {
                Assert.True(System.Net.IPAddress.TryParse(ip.GetString(), out _), $"source.ip must be an address: {ip}");
            }
        }

        Assert.Contains(documents, d => d.TryGetProperty("source", out var s) && s.TryGetProperty("ip", out _));
    }

    [Fact]
    public async Task Export_Table_ShowsAHeaderAndOneRowPerEvent()
    {
        var run = await ExportAsync("table");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StdoutLines;
        Assert.Single(lines, l => l.Contains("Time (UTC)", StringComparison.Ordinal));
        var rows = lines.Count(l => RowStart().IsMatch(l));
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To).Count, rows);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("")]
    [InlineData("compare")]
    public async Task Table_NotToATerminal_HasNoBlankOrPaddedLines(string command)
    {
        var run = await InProcess.RunAsync([.. command.Length > 0 ? [command] : Array.Empty<string>(), .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n')[..^1];
        Assert.True(lines.Length > 10, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(lines[0]), "the output starts with a blank line");
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
        if (command == "export")
        {
            // The table is laid out in blocks of 200 rows: they join without a blank line between them.
            Assert.DoesNotContain(lines, string.IsNullOrWhiteSpace);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    public async Task Export_SourceFailsBeforeAnyEvent_LeavesStdoutEmpty(string format)
    {
        var run = await InProcess.RunAsync(
            ["export", "--format", format, .. Worlds.Window, "--docspace-url", fixture.World.DocSpace.BaseUri.ToString(), "--docspace-token", "sk-revoked-0000"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("docspace", run.StderrLines.Last(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("csv", "time,source,stream,id,")]
    [InlineData("table", "Time (UTC)")]
    public async Task Export_NoEventsInTheWindow_WritesTheHeaderAlone(string format, string header)
    {
        var run = await InProcess.RunAsync(["export", "--format", format, "--from", "2020-01-01", "--to", "2020-01-02", .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(header, run.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.Single(run.StdoutLines, l => !l.TrimStart().StartsWith('\u2500') && l.Trim().Length > 0);
    }

    [Fact]
    public async Task Compare_Json_CountsEverySourceEventAndEveryPerson()
    {
        var run = await InProcess.RunAsync(["compare", "--format", "json", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        var expected = Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To);
        var docspace = report.GetProperty("sources").GetProperty("docspace");
        var exavault = report.GetProperty("sources").GetProperty("exavault");
        Assert.Equal(expected.Count(id => id.StartsWith("docspace:", StringComparison.Ordinal)), docspace.GetProperty("events").GetInt64());
        Assert.Equal(expected.Count(id => id.StartsWith("exavault:", StringComparison.Ordinal)), exavault.GetProperty("events").GetInt64());
        Assert.Equal(docspace.GetProperty("events").GetInt64(), docspace.GetProperty("outcomes").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(exavault.GetProperty("events").GetInt64(), exavault.GetProperty("categories").EnumerateObject().Sum(p => p.Value.GetInt64()));
        var perPerson = report.GetProperty("people").EnumerateArray()
            .SelectMany(p => p.GetProperty("sources").EnumerateObject())
            .Sum(s => s.Value.GetProperty("events").GetInt64());
        Assert.Equal(expected.Count - report.GetProperty("unattributedEvents").GetInt64(), perPerson);
    }

    [Fact]
    public async Task Compare_Json_PutsEachPersonsDocSpaceFileActivityBesideTheirExaVaultActivity()
    {
        var run = await InProcess.RunAsync(["compare", "--format", "json", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var people = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("people").EnumerateArray().ToList();
        long Sum(string source, string field) => people
            .Select(p => p.GetProperty("sources"))
            .Where(s => s.TryGetProperty(source, out _))
            .Sum(s => s.GetProperty(source).GetProperty(field).GetInt64());
        var fields = new[] { "uploads", "downloads", "deletes", "shares" };

        // Every field is counted for both products, and the trail's file events are joined to the ExaVault user.
        Assert.All(fields, f => Assert.True(Sum("docspace", f) > 0 && Sum("exavault", f) > 0, $"{f}: docspace {Sum("docspace", f)}, exavault {Sum("exavault", f)}"));
        Assert.Contains(people, p => p.GetProperty("sources").TryGetProperty("docspace", out var d) && d.GetProperty("uploads").GetInt64() > 0
            && p.GetProperty("sources").TryGetProperty("exavault", out var e) && e.GetProperty("uploads").GetInt64() > 0);

        // A person's DocSpace uploads are exactly the trail's upload events of that person in the window.
        var uploads = fixture.World.DocSpace.Data.AuditEventsBetween(Worlds.From, Worlds.To.AddSeconds(-1)).Count(r => r.Action is "5011" or "5012" or "5099");
        Assert.Equal(uploads, Sum("docspace", "uploads"));
    }

    [Fact]
    public async Task Compare_Table_ShowsFileActivityPerPersonAndSource()
    {
        var run = await InProcess.RunAsync(["compare", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("File activity across sources", run.Stdout, StringComparison.Ordinal);
        Assert.All(new[] { "Uploads", "Downloads", "Deletes", "Shares" }, h => Assert.Contains(h, run.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_Table_ShowsSourcesPeopleAndTheBurstDefinition()
    {
        var run = await InProcess.RunAsync(["compare", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Events per source", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("People across sources", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("5 or more failed logins", run.Stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex IsoUtc();

    [GeneratedRegex(@"^\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} ")]
    private static partial Regex RowStart();
}
