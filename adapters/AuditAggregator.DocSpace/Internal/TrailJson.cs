using System.Globalization;
using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The value readers of <see cref="TrailPageParser"/> that the login records do not need: enums as numbers or
/// names, and lists.
/// </summary>
internal static class TrailJson
{
    /// <summary>
    /// A number, a numeric string, or a name: a known name becomes its code, an unknown one is kept as the name.
    /// </summary>
    public static void ReadActionId(ref Utf8JsonReader reader, ref TrailFields fields)
    {
        fields.ActionId = null;
        fields.ActionName = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            fields.ActionId = LoginJson.ReadActionId(ref reader);
            return;
        }

        var text = reader.GetString()!;
        if (text.Length > 0 && LoginJson.IsJsonInteger(Encoding.ASCII.GetBytes(text)) && int.TryParse(text, CultureInfo.InvariantCulture, out var number))
        {
            fields.ActionId = number;
        }
        else if (TrailActionTable.CodeOf(text) is { } code)
        {
            fields.ActionId = code;
        }
        else if (text.Length > 0)
        {
            fields.ActionName = text;
        }
    }

    public static string? ReadEnum(ref Utf8JsonReader reader, Utf8StringCache strings, Func<long, string> name, string what) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt64(out var value) ? name(value) : throw new JsonException($"'{what}' is not an integer."),
        JsonTokenType.String => strings.GetString(ref reader),
        _ => throw new JsonException($"'{what}' is a {reader.TokenType}, not a number or a name."),
    };

    /// <summary>Reads a list of strings, numbers or names as one comma-joined text, or <see langword="null"/> when empty.</summary>
    public static string? ReadList(ref Utf8JsonReader reader, Utf8StringCache strings, Func<long, string>? name, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        LoginJson.Expect(ref reader, JsonTokenType.StartArray, what);
        string? first = null;
        List<string>? rest = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = reader.TokenType switch
            {
                JsonTokenType.String => strings.GetString(ref reader),
                JsonTokenType.Number when reader.TryGetInt64(out var value) => name is null ? value.ToString(CultureInfo.InvariantCulture) : name(value),
                JsonTokenType.Null => null,
                _ => throw new JsonException($"An item of '{what}' is a {reader.TokenType}."),
            };
            if (item is null)
            {
                continue;
            }

            if (first is null)
            {
                first = item;
            }
            else
            {
                (rest ??= []).Add(item);
            }
        }

        return rest is null ? first : string.Join(',', [first!, .. rest]);
    }
}
