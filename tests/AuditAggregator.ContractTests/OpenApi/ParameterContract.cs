using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// One declared parameter, with a check that a value sent on the wire has the declared type, format and range.
/// </summary>
/// <param name="Name">The name, exact case.</param>
/// <param name="In">Where it goes: query, header, path or cookie.</param>
/// <param name="Required">Whether it must be sent.</param>
/// <param name="Schema">The parameter's schema, references resolved.</param>
internal sealed partial record ParameterContract(string Name, string In, bool Required, JsonObject Schema)
{
    /// <summary>Gets the declared type, such as <c>integer</c> or <c>string</c>.</summary>
    public string? Type => (string?)Schema["type"];

    /// <summary>Gets the declared format, such as <c>date-time</c>, <c>int32</c> or <c>uuid</c>.</summary>
    public string? Format => (string?)Schema["format"];

    /// <summary>Describes why <paramref name="value"/> does not conform, or returns null when it does.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problem = Type switch
        {
            "integer" => CheckInteger(value),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "is not a number",
            "boolean" => value is "true" or "false" ? null : "is not true or false",
            "string" or null => CheckString(value),
            _ => $"has the unsupported declared type '{Type}'",
        };
        problem ??= CheckEnum(value);
        return problem is null ? null : $"{In} parameter '{Name}'='{value}' {problem} (declared {Type}{(Format is null ? "" : "/" + Format)})";
    }

    private string? CheckInteger(string value)
    {
        if (!IntegerText().IsMatch(value) || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return "is not an integer";
        }

        if (Format == "int32" && number is < int.MinValue or > int.MaxValue)
        {
            return "is outside int32";
        }

        if (Schema["minimum"] is JsonValue min && number < (long)min)
        {
            return $"is below the minimum {min}";
        }

        if (Schema["maximum"] is JsonValue max && number > (long)max)
        {
            return $"is above the maximum {max}";
        }

        return null;
    }

    private string? CheckString(string value) => Format switch
    {
        // RFC 3339 section 5.6: a date-time always carries 'Z' or a numeric offset.
        "date-time" => DateTimeText().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "is not an RFC 3339 date-time with a zone ('Z' or +hh:mm)",
        "uuid" => Guid.TryParseExact(value, "D", out _) ? null : "is not a uuid",
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "is not an absolute URI",
        _ => null,
    };

    private string? CheckEnum(string value)
    {
        if (Schema["enum"] is not JsonArray values)
        {
            return null;
        }

        return values.Any(v => string.Equals(v?.ToString(), value, StringComparison.Ordinal))
            ? null
            : "is not one of the declared enum values";
    }

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeText();
}
