using System.Text.Json;
using AuditAggregator.Simulators.Hosting.Internal;
using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Writes audit-trail pages: the success envelope around AuditEventDto items in the DTO's property order, nulls
/// omitted, the enums as numbers (the contract) or, when asked, as names.
/// </summary>
internal static class AuditWriter
{
    public static async Task WritePageAsync(HttpContext context, IReadOnlyList<AuditEntry> items, TimeSpan offset, bool enumsAsNames, ISet<string>? fields)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("response");
            foreach (var item in items)
            {
                WriteItem(writer, item, offset, enumsAsNames, fields);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", items.Count);
            DocSpaceWriter.WriteTail(writer, context, 0, 200);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteItem(Utf8JsonWriter writer, AuditEntry item, TimeSpan offset, bool names, ISet<string>? fields)
    {
        writer.WriteStartObject();
        if (DocSpaceWriter.Wanted(fields, "id"))
        {
            writer.WriteNumber("id", item.Id);
        }

        if (DocSpaceWriter.Wanted(fields, "date"))
        {
            Span<char> buffer = stackalloc char[33];
            writer.WriteString("date", buffer[..DocSpaceWriter.FormatDate(item.Time, offset, buffer)]);
        }

        DocSpaceWriter.WriteOptional(writer, fields, "user", item.User);
        if (DocSpaceWriter.Wanted(fields, "userId"))
        {
            writer.WriteString("userId", item.UserId);
        }

        DocSpaceWriter.WriteOptional(writer, fields, "action", item.Action);
        var code = item.Code;
        WriteEnum(writer, fields, "actionId", code.Code, names ? code.Name : null);
        DocSpaceWriter.WriteOptional(writer, fields, "ip", item.Ip);
        DocSpaceWriter.WriteOptional(writer, fields, "country", item.Country);
        DocSpaceWriter.WriteOptional(writer, fields, "city", item.City);
        DocSpaceWriter.WriteOptional(writer, fields, "browser", item.Browser);
        DocSpaceWriter.WriteOptional(writer, fields, "platform", item.Platform);
        DocSpaceWriter.WriteOptional(writer, fields, "page", item.Page);
        WriteEnum(writer, fields, "actionType", code.ActionType, names ? AuditEnums.ActionTypes[code.ActionType] : null);
        WriteEnum(writer, fields, "product", AuditActions.Documents, names ? AuditEnums.Products[AuditActions.Documents] : null);
        WriteEnum(writer, fields, "location", code.Location, names ? AuditEnums.Locations[code.Location] : null);
        if (item.Target is { } target && DocSpaceWriter.Wanted(fields, "target"))
        {
            writer.WriteStartArray("target");
            foreach (var id in target)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        if (DocSpaceWriter.Wanted(fields, "entries"))
        {
            writer.WriteStartArray("entries");
            foreach (var entry in code.Entries)
            {
                if (names)
                {
                    writer.WriteStringValue(AuditEnums.Entries[entry]);
                }
                else
                {
                    writer.WriteNumberValue(entry);
                }
            }

            writer.WriteEndArray();
        }

        DocSpaceWriter.WriteOptional(writer, fields, "context", item.Context);
        writer.WriteEndObject();
    }

    private static void WriteEnum(Utf8JsonWriter writer, ISet<string>? fields, string name, int number, string? asName)
    {
        if (!DocSpaceWriter.Wanted(fields, name))
        {
            return;
        }

        if (asName is null)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteString(name, asName);
        }
    }
}
