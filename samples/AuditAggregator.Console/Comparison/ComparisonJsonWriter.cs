using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// Writes the comparison as one JSON document (<c>--format json</c>, indented) or one line (<c>--format jsonl</c>).
/// Shape: <c>{ window, definitions, sources: { name: { vendor, events, categories, outcomes, actions } },
/// people: [ { person, name, flags, sources: { name: { logins, failedLogins, logouts, distinctIps, firstSeen,
/// lastSeen, identifiers } }, failedLoginBursts: [ { start, end, failures } ] } ], unattributedEvents }</c>.
/// </summary>
internal static class ComparisonJsonWriter
{
    public static void Write(TextWriter output, ComparisonReport report, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteReport(json, report);
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteReport(Utf8JsonWriter json, ComparisonReport report)
    {
        json.WriteStartObject();
        json.WriteStartObject("window");
        json.WriteString("from", Iso(report.From));
        json.WriteString("to", Iso(report.To));
        json.WriteEndObject();
        json.WriteStartObject("definitions");
        json.WriteString("failedLoginBurst", ComparisonReport.BurstDefinition);
        json.WriteString("identity", "ExaVault username; a DocSpace actor maps through the identity map (user id, login, name), else its login; keys compare ignoring case");
        json.WriteString("identityMap", report.IdentityNote);
        json.WriteEndObject();

        json.WriteStartObject("sources");
        foreach (var source in report.Sources)
        {
            json.WriteStartObject(source.Name);
            json.WriteString("vendor", source.Vendor);
            json.WriteNumber("events", source.Events);
            WriteCounts(json, "categories", source.Categories);
            WriteCounts(json, "outcomes", source.Outcomes);
            WriteCounts(json, "actions", source.Actions);
            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WriteStartArray("people");
        foreach (var person in report.People)
        {
            WritePerson(json, person);
        }

        json.WriteEndArray();
        json.WriteNumber("unattributedEvents", report.Unattributed);
        json.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter json, PersonReport report)
    {
        var person = report.Person;
        json.WriteStartObject();
        json.WriteString("person", person.Key);
        if (person.DisplayName is { } name)
        {
            json.WriteString("name", name);
        }
        else
        {
            json.WriteNull("name");
        }

        json.WriteStartArray("flags");
        foreach (var flag in report.Flags)
        {
            json.WriteStringValue(flag);
        }

        json.WriteEndArray();
        json.WriteStartObject("sources");
        foreach (var (source, tally) in person.Sources)
        {
            json.WriteStartObject(source);
            json.WriteNumber("events", tally.Events);
            json.WriteNumber("logins", tally.Logins);
            json.WriteNumber("failedLogins", tally.FailedLogins);
            json.WriteNumber("logouts", tally.Logouts);
            json.WriteNumber("uploads", tally.Uploads);
            json.WriteNumber("downloads", tally.Downloads);
            json.WriteNumber("deletes", tally.Deletes);
            json.WriteNumber("shares", tally.Shares);
            json.WriteNumber("distinctIps", tally.DistinctIps);
            json.WriteString("firstSeen", tally.FirstSeen is { } first ? Iso(first) : null);
            json.WriteString("lastSeen", tally.LastSeen is { } last ? Iso(last) : null);
            json.WriteStartArray("identifiers");
            foreach (var identifier in tally.Identifiers)
            {
                json.WriteStringValue(identifier);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("failedLoginBursts");
        foreach (var burst in person.Bursts.Bursts)
        {
            json.WriteStartObject();
            json.WriteString("start", Iso(burst.Start));
            json.WriteString("end", Iso(burst.End));
            json.WriteNumber("failures", burst.Failures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, SortedDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
