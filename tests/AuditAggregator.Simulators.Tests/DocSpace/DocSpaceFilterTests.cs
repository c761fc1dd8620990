using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuditAggregator.Simulators.Tests.DocSpace;

public class DocSpaceFilterTests
{
    private static DocSpaceSimulatorOptions Options(Action<DocSpaceSimulatorOptions>? configure = null)
    {
        var options = new DocSpaceSimulatorOptions { Now = Clients.Now };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Filter_Envelope_CountIsPageSizeAndNoTotal()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.FilterPath + "?startIndex=0&count=25");
        Assert.Equal(25, body.GetProperty("response").GetArrayLength());
        Assert.Equal(25, body.GetProperty("count").GetInt32());
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("GET", body.GetProperty("links")[0].GetProperty("action").GetString());
        Assert.False(body.TryGetProperty("total", out _));
        Assert.False(body.TryGetProperty("nextPage", out _));
        var first = body.GetProperty("response")[0];
        Assert.Equal(sim.Data.Login[sim.Data.Login.Count - 1].Id, first.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Filter_DefaultCountIs100_AndCountOver100Is400()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.FilterPath);
        Assert.Equal(100, body.GetProperty("count").GetInt32());
        using var tooMany = await http.GetAsync(DocSpaceSimulator.FilterPath + "?count=101");
        Assert.Equal(400, (int)tooMany.StatusCode);
    }

    [Fact]
    public async Task Filter_PagingBeforeFiltering_FilteredPageShortWhileOlderMatchesExist()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var log = sim.Data.Login;
        var alice = SimulatedUsers.All[0].DocSpaceUserId!.Value;
        var newest100 = log.NewestFirst().Take(100).ToList();
        var aliceInWindow = newest100.Count(r => r.UserId == alice);

        var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?userId={alice}&startIndex=0&count=100");
        var items = body.GetProperty("response").EnumerateArray().ToList();
        Assert.Equal(aliceInWindow, items.Count);
        Assert.True(items.Count < 100);
        Assert.All(items, i => Assert.Equal(alice, i.GetProperty("userId").GetGuid()));
        Assert.True(log.NewestFirst().Skip(100).Any(r => r.UserId == alice), "older matches exist");
    }

    [Fact]
    public async Task Filter_TimeWindowInThePast_WithStartIndex0_ReturnsNothing()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var from = Clients.Iso(Clients.Now.AddDays(-20));
        var to = Clients.Iso(Clients.Now.AddDays(-19));
        var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?from={from}&to={to}&startIndex=0&count=100");
        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.NotEmpty(sim.Data.EventsBetween(Clients.Now.AddDays(-20), Clients.Now.AddDays(-19)));
    }

    [Fact]
    public async Task Filter_ActionByNameOrNumber_FiltersTheWindow()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var expected = sim.Data.Login.NewestFirst().Take(100).Count(r => r.Action == "1000");
        var byName = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?action=LoginSuccess");
        var byNumber = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?action=1000");
        Assert.Equal(expected, byName.GetProperty("count").GetInt32());
        Assert.Equal(expected, byNumber.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("from=2025-06-01T00:00:00")]
    [InlineData("to=2025-06-01T00:00:00+03:00")]
    [InlineData("from=yesterday")]
    [InlineData("userId=not-a-guid")]
    [InlineData("startIndex=-1")]
    public async Task Filter_InvalidParameter_Is400InSuccessEnvelopeWithStatus1(string query)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync($"{DocSpaceSimulator.FilterPath}?{query}");
        Assert.Equal(400, (int)response.StatusCode);
        var body = await Clients.JsonAsync(response);
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(400, body.GetProperty("response").GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("response").GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Filter_PercentEncodedPlusOffset_IsAccepted()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync($"{DocSpaceSimulator.FilterPath}?from=2025-06-01T00:00:00%2B03:00");
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(3, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+03:00$")]
    [InlineData(0, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$")]
    [InlineData(-5, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}-05:00$")]
    public async Task Filter_Date_IsPortalLocalWithSevenDigitsAndOffset(int hours, string pattern)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options(o => o.PortalOffset = TimeSpan.FromHours(hours)));
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.FilterPath + "?count=5");
        var first = body.GetProperty("response")[0];
        var date = first.GetProperty("date").GetString()!;
        Assert.Matches(new Regex(pattern), date);
        var expected = sim.Data.Login[sim.Data.Login.Count - 1].Time;
        Assert.Equal(expected, DateTimeOffset.Parse(date, CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(hours), DateTimeOffset.Parse(date, CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public async Task Filter_NullProperties_AreOmittedNotNull()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var items = new List<JsonElement>();
        for (var start = 0; start < 500; start += 100)
        {
            var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?startIndex={start}&count=100");
            items.AddRange(body.GetProperty("response").EnumerateArray());
        }

        Assert.DoesNotContain(items, i => i.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null));
        var api = items.Where(i => i.GetProperty("actionId").GetInt32() == 1010).ToList();
        Assert.NotEmpty(api);
        Assert.All(api, i => Assert.False(i.TryGetProperty("browser", out _)));
        Assert.Contains(items, i => !i.TryGetProperty("city", out _) && i.TryGetProperty("country", out _));
        Assert.Contains(items, i => !i.TryGetProperty("user", out _) && i.TryGetProperty("login", out _));
    }

    [Fact]
    public async Task Filter_Fields_PrunesItemProperties()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.FilterPath + "?count=10&fields=id,date,actionId");
        Assert.All(body.GetProperty("response").EnumerateArray(), i =>
            Assert.Equal(["id", "date", "actionId"], i.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.Equal(10, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Filter_FieldsAsHeader_IsIgnored()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        http.DefaultRequestHeaders.Add("fields", "id");
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.FilterPath + "?count=1");
        Assert.True(body.GetProperty("response")[0].TryGetProperty("login", out _));
    }

    [Fact]
    public async Task Last_Returns20NewestNewestFirst()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);
        var ids = body.GetProperty("response").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(sim.Data.Login.NewestFirst().Take(20).Select(r => r.Id), ids);
        Assert.Equal(20, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Filter_PagingTheWholeLogAndFilteringOnTheClient_MatchesExpectedEventsForAWindow()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var from = Clients.Now.AddDays(-3);
        var to = Clients.Now.AddDays(-1);
        var got = new List<long>();
        for (var start = 0; ; start += 100)
        {
            var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?startIndex={start}&count=100");
            var items = body.GetProperty("response").EnumerateArray().ToList();
            got.AddRange(items
                .Where(i => DateTimeOffset.Parse(i.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) is var d && d >= from && d <= to)
                .Select(i => i.GetProperty("id").GetInt64()));
            if (items.Count < 100 || DateTimeOffset.Parse(items[^1].GetProperty("date").GetString()!, CultureInfo.InvariantCulture) < from)
            {
                break;
            }
        }

        var expected = sim.Data.EventsBetween(from, to).Select(r => r.Id).Reverse().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, got);
    }

    [Fact]
    public async Task Filter_AppendBeforeEachPage_ShiftsOffsetsSoPagesOverlap()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options(o => o.AppendBeforeEachPage = 3));
        using var http = Clients.DocSpace(sim);
        var page1 = await Ids(http, 0);
        var page2 = await Ids(http, 10);
        Assert.Equal(page1[^3..], page2[..3]);
        Assert.Equal(2506, sim.Data.Login.Count);
        Assert.True(page2[0] < page1[0]);
    }

    [Fact]
    public async Task Filter_DataAppendBetweenPages_NewEventsAtTheHead()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(Options());
        using var http = Clients.DocSpace(sim);
        var page1 = await Ids(http, 0);
        sim.Data.Append(4);
        var head = await Ids(http, 0);
        var page2 = await Ids(http, 10);
        Assert.Equal(page1[^4..], page2[..4]);
        Assert.True(head[0] > page1[0]);
    }

    private static async Task<long[]> Ids(HttpClient http, int startIndex)
    {
        var body = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?startIndex={startIndex}&count=10");
        return body.GetProperty("response").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
    }
}
