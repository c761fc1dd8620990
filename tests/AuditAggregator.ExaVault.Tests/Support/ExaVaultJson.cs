using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ExaVault.Tests.Support;

/// <summary>
/// Builds ExaVault bodies in the contract's shape, and reads the fixtures: the vendor's published
/// document and example bodies, the same files as the contract tests' <c>Contracts/</c>.
/// </summary>
internal static class ExaVaultJson
{
    public static readonly Instant Newest = Instant.FromUtc(2025, 6, 2, 11, 0, 0);

    public static string Page(IReadOnlyCollection<string> entries) =>
        $$"""{"responseStatus":200,"totalResults":0,"returnedResults":{{entries.Count}},"data":[{{string.Join(',', entries)}}]}""";

    public static string Page(params string[] entries) => Page((IReadOnlyCollection<string>)entries);

    public static string Session(long id, Instant created, string operation = "STOR", string username = "jdoe", string status = "-") =>
        $$"""
        {"type":"sessionActivity","id":{{id}},"attributes":{"created":"{{Format(created)}}","sessionId":"s-{{id}}","ipAddress":"203.0.113.24","username":"{{username}}","operation":"{{operation}}","protocol":"web","status":"{{status}}","fileName":"/Production/file-{{id}}.csv","fileSource":"","bytesTransferred":{{id * 10}},"duration":1} }
        """;

    public static string SessionAttributes(long id, string attributesJson) =>
        $$"""{"type":"sessionActivity","id":{{id}},"attributes":{{attributesJson}}}""";

    public static string Webhook(long id, Instant created, int status = 200, string username = "jdoe") =>
        $$"""
        {"type":"webhookActivity","id":{{id}},"attributes":{"webhookId":311,"webhookFormat":"v2","accountId":"7","attemptId":"a-{{id}}","resend":false,"created":"{{Format(created)}}","endpointUrl":"https://example.com/hook","event":"resources.upload","status":{{status}},"response":"OK","ipAddress":"203.0.113.24","resourcePath":"/Production/file-{{id}}.csv","username":"{{username}}","details":{"protocol":"web"} } }
        """;

    public static string WebhookAttributes(long id, string attributesJson) =>
        $$"""{"type":"webhookActivity","id":{{id}},"attributes":{{attributesJson}}}""";

    public static string Error(int status, string code, string detail) =>
        $$"""{"responseStatus":{{status}},"errors":[{"code":"{{code}}","detail":"{{detail}}"}]}""";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
