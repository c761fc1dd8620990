using System.Net;

namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// Checks a source's address: absolute http(s), no user information, query or fragment, and HTTPS unless the host is
/// loopback. Descriptions show the host at most, never the whole text (it might carry a password).
/// </summary>
internal static class AddressRules
{
    public static string? Check(string text, out Uri? url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            url = null;
            return "is not an absolute http(s) address such as https://acme.onlyoffice.eu.";
        }

        if (url.UserInfo.Length > 0)
        {
            return "must not carry a user name or password; give the credential in its own key.";
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return "must not carry a query or a fragment.";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            return $"uses plain http to {url.Host}, which would send the credential unencrypted; use https (plain http only to a loopback address such as 127.0.0.1).";
        }

        return null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
