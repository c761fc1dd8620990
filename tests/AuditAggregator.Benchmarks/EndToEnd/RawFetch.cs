using System.Diagnostics;
using System.Globalization;

namespace AuditAggregator.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e-raw</c>, the transport floor: a plain <see cref="HttpClient"/> loop over one keep-alive connection that
/// fetches the same pages as the export, one after another, reads each body and discards it. Runs in a process of its
/// own, like the console, and times only its loop (its start-up is not counted against it).
/// </summary>
internal static class RawFetch
{
    public const string Verb = "e2e-raw";
    public const string ResultPrefix = "RAW ";

    // Arguments: header-name header-value [url-prefix page-count page-size]... ; page i is url-prefix + offset.
    public static async Task<int> RunAsync(string[] args)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        http.DefaultRequestHeaders.TryAddWithoutValidation(args[0], args[1]);
        if (args[0] == "ev-api-key")
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("ev-access-token", args[2]);
            args = [args[0], args[1], .. args[3..]];
        }

        var buffer = new byte[1 << 16];
        long bytes = 0;
        var requests = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 2; i + 2 < args.Length; i += 3)
        {
            var pages = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            var size = int.Parse(args[i + 2], CultureInfo.InvariantCulture);
            for (var page = 0; page < pages; page++)
            {
                using var response = await http.GetAsync(new Uri(args[i] + ((long)page * size).ToString(CultureInfo.InvariantCulture)), HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }

                requests++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{stopwatch.Elapsed.TotalSeconds:F3} {requests} {bytes}"));
        return 0;
    }
}
