using Microsoft.Extensions.Options;
using Npgsql;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// Validates <see cref="PostgreSqlAuditOptions"/>: a connection string that parses, a plain schema name, a checkpoint name.
/// </summary>
internal sealed partial class PostgreSqlAuditOptionsValidator : IValidateOptions<PostgreSqlAuditOptions>
{
    public static void ThrowIfInvalid(PostgreSqlAuditOptions options)
    {
        var result = new PostgreSqlAuditOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgreSqlAuditOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, PostgreSqlAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("PostgreSqlAuditOptions.ConnectionString is required (for example Host=db;Database=audit;Username=collector;Password=...).");
        }
        else if (!Parses(options.ConnectionString))
        {
            // The parser's own message may quote the text, password included: never pass it on.
            failures.Add("PostgreSqlAuditOptions.ConnectionString does not parse: an unknown keyword or a malformed value.");
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add("PostgreSqlAuditOptions.Schema must be letters, digits and underscores, not start with a digit, and have at most 63 characters.");
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointName))
        {
            failures.Add("PostgreSqlAuditOptions.CheckpointName is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Parses(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex SchemaName();
}
