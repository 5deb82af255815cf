using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PiriSite.Web.Filters;

/// <summary>
/// Reads a consultation post before anything else does (the antiforgery check included), for three reasons:
/// <list type="bullet">
/// <item>only <c>application/x-www-form-urlencoded</c> is accepted (what the site's forms send, with or without
/// consultation.js); anything else, multipart included, is refused with 415 before a byte is read, so no other
/// body reader (with its own, far larger limits) ever sees a consultation post;</item>
/// <item>a body larger than <see cref="ConsultationOptions.MaxRequestBytes"/> is refused with 413, whether it
/// declares its length or arrives chunked (counted as read here, and capped by the server too);</item>
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

        // The server's own cap as well (Kestrel answers 413 past it), for whatever reads the body after this.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!IsUrlEncodedForm(http.Request.ContentType))
        {
            Refuse(context, StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        if (http.Request.ContentLength > limit)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadAtMostAsync(http.Request.Body, limit, http.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null; // the server's cap met first: the same refusal, not an unhandled error
        }

        if (body is null)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(Parse(body)));
    }

    // The error page is rendered by re-executing this same request: an empty form keeps MVC's model binding there
    // from reading the refused body after all (all of a multipart one, or the rest of a chunked one).
    private static void Refuse(AuthorizationFilterContext context, int statusCode)
    {
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Result = new StatusCodeResult(statusCode);
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && string.Equals(mediaType.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

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
