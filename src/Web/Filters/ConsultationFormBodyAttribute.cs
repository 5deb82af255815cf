using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PiriSite.Web.Options;

namespace PiriSite.Web.Filters;

/// <summary>
/// Reads a consultation post before anything else does (the antiforgery check included), for two reasons:
/// <list type="bullet">
/// <item>a body larger than <see cref="ConsultationOptions.MaxRequestBytes"/> is refused with 413;</item>
/// <item>the form is decoded as UTF-8 with bytes that are not UTF-8 turned into U+FFFD, so the validator can
/// tell the person which field could not be read. ASP.NET Core's own reader keeps such bytes as literal
/// "%FF" text, and refuses a NUL byte with a bare 400, which would lose everything the person typed.</item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConsultationFormBodyAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<IOptions<ConsultationOptions>>().Value.MaxRequestBytes;

        if (http.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (!http.Request.HasFormContentType
            || !string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return; // anything else goes to the framework's reader, and on to validation
        }

        var body = await ReadAtMostAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(Parse(body)));
    }

    /// <summary>The whole body, or null when it is longer than the limit (a body sent without a declared length).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static FormCollection Parse(byte[] body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        // Latin-1 maps each byte to one char, so raw (unencoded) UTF-8 bytes survive to the UTF-8 decoding below.
        foreach (var pair in Encoding.Latin1.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
            fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }

        return new FormCollection(fields);
    }

    // Percent-decoding to bytes, then UTF-8 with the replacement character for anything that is not UTF-8.
    private static string Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < encoded.Length && char.IsAsciiHexDigit(encoded[i + 1]) && char.IsAsciiHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
