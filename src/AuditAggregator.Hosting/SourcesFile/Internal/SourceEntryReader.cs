using System.Globalization;
using System.Text.Json;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// Reads one entry of the <c>sources</c> array into a definition, or reports why it cannot. Values of secret keys are
/// never repeated in a message.
/// </summary>
internal sealed partial class SourceEntryReader(SourcesFileParser file, JsonElement entry, int index)
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private string _label = "#" + index.ToString(CultureInfo.InvariantCulture);
    private int _errors;

    /// <summary>Gets the entry's valid name, or <see langword="null"/>.</summary>
    public string? Name { get; private set; }

    public AuditSourceDefinition? Read()
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            Error(null, """must be an object such as {"name": "acme-docspace", "vendor": "docspace", ...}.""");
            return null;
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (!_values.TryAdd(property.Name, property.Value))
            {
                Error(property.Name, "is given twice.");
            }
        }

        ReadName();
        var vendor = ReadVendor();
        foreach (var key in _values.Keys.Where(k => !SourceKeys.Of(vendor).Contains(k)))
        {
            Error(key, vendor is null
                ? "is not a key of any source."
                : $"is not a key of a {vendor} source; it takes {string.Join(", ", SourceKeys.Of(vendor))}.");
        }

        var url = ReadUrl();
        if (vendor is null || url is null || Name is null || _errors > 0)
        {
            // Still look at the credential keys, so that every missing variable is reported in one go.
            _ = vendor == DocSpaceSourceNames.Vendor ? ReadDocSpaceCredential() : null;
            _ = vendor == ExaVaultSourceNames.Vendor ? ReadExaVaultCredential() : null;
            ReadSettings(vendor);
            return null;
        }

        return vendor == DocSpaceSourceNames.Vendor ? BuildDocSpace(url) : BuildExaVault(url);
    }

    private DocSpaceSourceDefinition? BuildDocSpace(Uri url)
    {
        var credential = ReadDocSpaceCredential();
        var settings = ReadSettings(DocSpaceSourceNames.Vendor);
        return credential is null || _errors > 0 ? null : new DocSpaceSourceDefinition(Name!, url, credential)
        {
            PageSize = settings.PageSize,
            MaxPages = settings.MaxPages,
            MaxRequestsPerSecond = settings.Rate,
            MaxRetryAttempts = settings.Retries,
            MaxConcurrentRequests = settings.Concurrent,
            IncludeRawRecord = settings.Raw,
        };
    }

    private ExaVaultSourceDefinition? BuildExaVault(Uri url)
    {
        var credential = ReadExaVaultCredential();
        var settings = ReadSettings(ExaVaultSourceNames.Vendor);
        var streams = ReadStreams();
        return credential is not var (apiKey, accessToken) || streams is null || _errors > 0 ? null : new ExaVaultSourceDefinition(Name!, url, apiKey, accessToken)
        {
            PageSize = settings.PageSize,
            MaxPages = settings.MaxPages,
            MaxRequestsPerSecond = settings.Rate,
            MaxRetryAttempts = settings.Retries,
            MaxConcurrentRequests = settings.Concurrent,
            IncludeRawRecord = settings.Raw,
            Streams = streams.Value,
        };
    }

    private void ReadName()
    {
        var name = Text(SourceKeys.Name, secret: false, required: true);
        if (name is null)
        {
            return;
        }

        if (!AuditSourceRegistration.IsValidName(name))
        {
            var shown = name.Length <= 80 ? name : name[..80] + "...";
            Error(SourceKeys.Name, $"'{shown}' is not a valid source name: use 1 to {AuditSourceRegistration.MaxNameLength} lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
            return;
        }

        Name = name;
        _label = name;
    }

    private string? ReadVendor()
    {
        var vendor = Text(SourceKeys.Vendor, secret: false, required: true);
        if (vendor is null || SourceKeys.Vendors.Contains(vendor))
        {
            return vendor;
        }

        var shown = vendor.Length <= 40 ? vendor : vendor[..40] + "...";
        Error(SourceKeys.Vendor, $"'{shown}' is not a vendor this version reads; use {string.Join(" or ", SourceKeys.Vendors)}.");
        return null;
    }

    private Uri? ReadUrl()
    {
        var text = Text(SourceKeys.Url, secret: false, required: true);
        if (text is null)
        {
            return null;
        }

        var problem = AddressRules.Check(text, out var url);
        if (problem is not null)
        {
            Error(SourceKeys.Url, problem);
            return null;
        }

        return url;
    }

    private Settings ReadSettings(string? vendor)
    {
        var maxPage = vendor is null ? int.MaxValue : SourceKeys.MaxPageSize(vendor);
        return new Settings(
            Number(SourceKeys.PageSize, 1, maxPage, vendor is null ? "a page size" : $"a page size; {vendor} serves at most {maxPage:N0} events a page"),
            Number(SourceKeys.MaxPages, 1, int.MaxValue, "a number of pages, at least 1"),
            Number(SourceKeys.MaxRequestsPerSecond, 1, int.MaxValue, "a number of requests a second, at least 1"),
            Number(SourceKeys.MaxRetryAttempts, 0, 100, "a number of retries, 0 to 100"),
            Number(SourceKeys.MaxConcurrentRequests, 1, 64, "a number of pages fetched at once, 1 to 64"),
            Flag(SourceKeys.IncludeRawRecord));
    }

    private int? Number(string key, int min, int max, string what)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        int? number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when TextOf(key, value, secret: false) is { } text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (number is not { } result || result < min || result > max)
        {
            Error(key, string.Create(CultureInfo.InvariantCulture, $"must be {what} (a whole number from {min:N0}{(max == int.MaxValue ? " up" : $" to {max:N0}")})."));
            return null;
        }

        return result;
    }

    private bool Flag(string key)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(key, "must be true or false.");
            return false;
        }

        return value.GetBoolean();
    }

    private string? Text(string key, bool secret, bool required)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            if (required)
            {
                Error(key, "is required.");
            }

            return null;
        }

        return TextOf(key, value, secret);
    }

    private string? TextOf(string key, JsonElement value, bool secret)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(key, "must be a string.");
            return null;
        }

        var expansion = VariableText.Expand(value.GetString()!, file.Variables);
        if (expansion.Error is { } error)
        {
            Error(key, error);
            return null;
        }

        if (string.IsNullOrWhiteSpace(expansion.Value))
        {
            Error(key, "is empty.");
            return null;
        }

        if (secret && !expansion.UsedVariable)
        {
            file.Warn(_label, key, """holds a secret written inline; put it in an environment variable and write "${NAME}" instead, so that the file can be shared.""");
        }

        return expansion.Value;
    }

    private void Error(string? key, string description)
    {
        _errors++;
        file.Error(_label, key, description);
    }

    private readonly record struct Settings(int? PageSize, int? MaxPages, int? Rate, int? Retries, int? Concurrent, bool Raw);
}
