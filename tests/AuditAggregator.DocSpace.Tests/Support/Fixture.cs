using System.Net;
using System.Text;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// Recorded vendor bodies from the Fixtures folder.
/// </summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static HttpResponseMessage Response(string name, HttpStatusCode status, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(Read(name), Encoding.UTF8, mediaType) };
}
