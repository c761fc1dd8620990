using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuditAggregator.Simulators.Tests.DocSpace;

/// <summary>The audit-trail routes: the 20 newest, paging after filtering, the filter semantics and the item shape.</summary>
public class DocSpaceAuditTrailTests
{
    private static DocSpaceSimulatorOptions Options(Action<DocSpaceSimulatorOptions>? configure = null)
    {
        var options = new DocSpaceSimulatorOptions { Now = Clients.Now };
        configure?.Invoke(options);
        return options;
    }

    private static List<JsonElement> Items(JsonElement body) => body.GetProperty("response").EnumerateArray().ToList();

    private static List<long> Ids(JsonElement body) => Items(body).Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static async Task<List<long>> WalkAsync(HttpClient http, string query, int count)
    {
        var ids = new List<long>();
        for (var start = 0; ; start += count)
        {
            var page = Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?{query}&startIndex={start}&count={count}"));
            ids.AddRange(page);
            if (page.Count < count)
            {
                return ids;
            }
        }
    }

    [Fact]
    public async Task AuditLast_Returns20NewestNewestFirst()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditLastPath);
        Assert.Equal(sim.Data.Audit.NewestFirst().Take(20).Select(r => r.Id), Ids(body));
        Assert.Equal(20, body.GetProperty("count").GetInt32());
        Assert.Equal(0, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AuditFilter_PagesAfterFiltering_FullPagesThenEveryMatchExactlyOnce()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var alice = SimulatedUsers.All[0].DocSpaceUserId!.Value;
        var expected = sim.Data.Audit.NewestFirst().Where(r => r.UserId == alice).Select(r => r.Id).ToList();
        Assert.True(expected.Count > 100, $"alice has {expected.Count} audit events");

        var first = Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?userId={alice}&startIndex=0&count=50"));
        Assert.Equal(50, first.Count);
        Assert.All(first, i => Assert.Equal(alice, i.GetProperty("userId").GetGuid()));
        Assert.Equal(expected, await WalkAsync(http, $"userId={alice}", 50));
    }

    [Fact]
    public async Task AuditFilter_TimeWindowInThePast_IsAnsweredFromStartIndex0()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var (from, to) = (Clients.Now.AddDays(-20), Clients.Now.AddDays(-19));
        var expected = sim.Data.AuditEventsBetween(from, to).Reverse().Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await WalkAsync(http, $"from={Clients.Iso(from)}&to={Clients.Iso(to)}", 20));
    }

    [Theory]
    [InlineData("FileUploaded")]
    [InlineData("5011")]
    [InlineData("fileuploaded")]
    public async Task AuditFilter_ActionByNameOrNumber_KeepsThatCodeOnly(string action)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var expected = sim.Data.Audit.NewestFirst().Where(r => r.Action == "5011").Take(100).Select(r => r.Id);
        var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?action={action}");
        Assert.Equal(expected, Ids(body));
        Assert.All(Items(body), i => Assert.Equal(5011, i.GetProperty("actionId").GetInt32()));
    }

    [Fact]
    public async Task AuditFilter_ActionWithTarget_MatchesTheWholeStoredTargetOnly()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var moved = Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?action=FileMoved&count=1")).Single();
        var target = moved.GetProperty("target").EnumerateArray().Select(t => t.GetString()!).ToArray();
        Assert.Equal(2, target.Length);
        var id = moved.GetProperty("id").GetInt64();

        var whole = Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?action=5015&target={string.Join(',', target)}"));
        var fileOnly = Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?action=5015&target={target[0]}"));
        Assert.Contains(id, whole);
        Assert.DoesNotContain(id, fileOnly);
    }

    [Fact]
    public async Task AuditFilter_EntryTypeWithTarget_MatchesASubstringOfTheTarget_AndAloneFiltersNothing()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var unfiltered = Ids(await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditFilterPath));
        Assert.Equal(unfiltered, Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?entryType=Room")));
        Assert.Equal(unfiltered, Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?target=1301")));

        // Folder 1301 (Production/Inbound) is the destination of moves and copies (entries File, Folder) and the
        // subject of folder events; files never match a folder filter however their id reads.
        var items = Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?entryType=Folder&target=1301"));
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.Contains(2, i.GetProperty("entries").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Contains(i.GetProperty("target").EnumerateArray(), t => t.GetString()!.Contains("1301", StringComparison.Ordinal));
        });
        Assert.Contains(items, i => i.GetProperty("actionId").GetInt32() is 5013 or 5015);
    }

    [Fact]
    public async Task AuditFilter_ActionType_KeepsThatKindOfChange()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var items = Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?actionType=Download"));
        Assert.Equal(100, items.Count);
        Assert.All(items, i => Assert.Equal(12, i.GetProperty("actionType").GetInt32()));
        Assert.Contains(items, i => i.GetProperty("actionId").GetInt32() == 5009);
    }

    [Fact]
    public async Task AuditFilter_ModuleTypeWithoutAction_Is500_AndIgnoredBesideAnAction()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        using var crash = await http.GetAsync($"{DocSpaceSimulator.AuditFilterPath}?moduleType=Files");
        Assert.Equal(500, (int)crash.StatusCode);
        Assert.Equal("System.NullReferenceException", (await Clients.JsonAsync(crash)).GetProperty("error").GetProperty("type").GetString());

        var withAction = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?moduleType=Rooms&action=FileUploaded");
        Assert.All(Items(withAction), i => Assert.Equal(5011, i.GetProperty("actionId").GetInt32()));
    }

    [Fact]
    public async Task AuditFilter_ProductType_IsNotRead()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        Assert.Equal(
            Ids(await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditFilterPath)),
            Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?productType=Login")));
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=101")]
    [InlineData("actionType=Teleport")]
    [InlineData("action=NotAnAction")]
    [InlineData("from=2025-06-01T00:00:00")]
    public async Task AuditFilter_InvalidParameter_Is400InSuccessEnvelope(string query)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync($"{DocSpaceSimulator.AuditFilterPath}?{query}");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(1, (await Clients.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AuditFilter_Items_HaveTheVendorShape()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var items = new List<JsonElement>();
        for (var start = 0; start < 600; start += 100)
        {
            items.AddRange(Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?startIndex={start}&count=100")));
        }

        Assert.DoesNotContain(items, i => i.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null));
        Assert.All(items, i =>
        {
            Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+03:00$"), i.GetProperty("date").GetString()!);
            Assert.Equal(2, i.GetProperty("product").GetInt32());
            Assert.Matches(new Regex("^(Rooms: (Production|Finance|Marketing|Shared)|My documents|Files)$"), i.GetProperty("context").GetString()!);
            Assert.All(i.GetProperty("entries").EnumerateArray(), e => Assert.Contains(e.GetInt32(), new[] { 1, 2, 25 }));
        });
        var record = sim.Data.Audit[sim.Data.Audit.Count - 1];
        var newest = items[0];
        Assert.Equal(record.Time, DateTimeOffset.Parse(newest.GetProperty("date").GetString()!, CultureInfo.InvariantCulture));
        Assert.All(items.Where(i => i.TryGetProperty("target", out _)), i =>
            Assert.All(i.GetProperty("target").EnumerateArray(), t => Assert.Matches("^[0-9]+$", t.GetString()!)));
        var uploads = items.Where(i => i.GetProperty("actionId").GetInt32() == 5011).ToList();
        Assert.NotEmpty(uploads);
        Assert.All(uploads, i => Assert.StartsWith("File Uploaded: ", i.GetProperty("action").GetString(), StringComparison.Ordinal));
        Assert.Contains(uploads, i => !i.TryGetProperty("browser", out _));
        Assert.Contains(items, i => !i.TryGetProperty("target", out _) && i.GetProperty("actionId").GetInt32() == 5061);
    }

    [Fact]
    public async Task AuditFilter_EnumsAsNames_WritesEnumNames()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options(o => o.AuditEnumsAsNames = true));
        using var http = Clients.DocSpace(sim);
        var upload = Items(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?action=FileUploaded&count=1")).Single();
        Assert.Equal("FileUploaded", upload.GetProperty("actionId").GetString());
        Assert.Equal("Upload", upload.GetProperty("actionType").GetString());
        Assert.Equal("Documents", upload.GetProperty("product").GetString());
        Assert.Equal("Files", upload.GetProperty("location").GetString());
        Assert.Equal(["File"], upload.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AuditFilter_NewEventsBetweenPages_ShiftTheWindowSoTheNextPageRepeats()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options(o => o.AppendBeforeEachPage = 3));
        using var http = Clients.DocSpace(sim);
        var first = Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?startIndex=0&count=10"));
        var second = Ids(await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?startIndex=10&count=10"));
        Assert.Equal(3, first.Intersect(second).Count());
        Assert.Equal(sim.Data.Audit.InitialCount + 6, sim.Data.Audit.Count);
        Assert.Equal(sim.Data.Login.InitialCount, sim.Data.Login.Count);
    }

    [Fact]
    public async Task AuditFilter_Fields_PrunesItemProperties()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditFilterPath + "?count=5&fields=id,actionId,target");
        Assert.All(Items(body), i => Assert.Subset(new HashSet<string> { "id", "actionId", "target" }, i.EnumerateObject().Select(p => p.Name).ToHashSet()));
    }
}
