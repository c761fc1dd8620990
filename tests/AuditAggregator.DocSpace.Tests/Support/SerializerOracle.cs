using System.Globalization;
using System.Text.Json;
using AuditAggregator.DocSpace.Internal;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// The slow, obvious reading of a page that the fast parser must agree with: the source-generated serializer into
/// <see cref="LoginRecord"/>s, then the adapter's one mapping, <see cref="LoginEventMapper.Build"/>.
/// </summary>
internal static class SerializerOracle
{
    public static List<AuditEvent> Read(byte[] body, string source = DocSpaceSourceNames.Source) =>
        JsonSerializer.Deserialize(body, TestJson.Default.LoginRecordEnvelope)!.Response!.Select(r => Map(r, source)).ToList();

    public static AuditEvent Map(LoginRecord record, string source = DocSpaceSourceNames.Source)
    {
        var time = LoginEventMapper.ParseDate(record.Date, record.Id, source);
        var fields = new LoginFields
        {
            Id = record.Id,
            Time = time.ToInstant(),
            Offset = time.Offset,
            UserId = record.UserId is { } id && id != Guid.Empty ? id.ToString("D", CultureInfo.InvariantCulture) : null,
            User = record.User,
            Login = record.Login,
            Sentence = record.Action,
            ActionId = record.ActionId,
            Ip = record.Ip,
            Country = record.Country,
            City = record.City,
            Browser = record.Browser,
            Platform = record.Platform,
            Page = record.Page,
            Extra = record.AdditionalProperties?.Select(p => new KeyValuePair<string, AuditValue>(p.Key, AuditValue.FromJsonElement(p.Value))).ToList(),
        };
        return LoginEventMapper.Build(ref fields, parts: null, source);
    }
}
