using System.Globalization;
using System.Text;

namespace PiriSite.Domain.Consultations;

/// <summary>
/// What the words of a request say about it: a web link, the vocabulary of marketing pitches, or a description
/// written mostly in a script the firm does not read. Robots are caught earlier (the honeypot, the fill time);
/// these catch people and scripts that fill the form in properly to advertise.
/// </summary>
/// <remarks>
/// Precision matters more than recall: a frightened person whose relative is detained must not land in the
/// quarantine. So each signal is narrow on purpose. A link is only a scheme, "www.", or a bare domain whose ending
/// cannot be an ordinary word run on after a full stop ("detenido.es urgente"); government sites a client may cite
/// (uscis.gov, justice.gov/eoir, sre.gob.mx) and e-mail addresses never count. Phrases are whole words, and only
/// the pitch forms of words a client may use about their own life: "online casino", not "casino" (people work in
/// casinos); "SEO services", not "SEO" (a Korean surname); "we are a marketing agency", not "marketing agency" (an
/// employer sponsoring a worker may be one); "crypto investment", not "crypto".
/// </remarks>
public static class SpamSignals
{
    /// <summary>A description with fewer letters than this is never judged by its script.</summary>
    public const int MinimumLettersForLanguage = 30;

    /// <summary>The first signal that applies to the name or description, or <see cref="SpamVerdict.NotSpam"/>.</summary>
    public static SpamVerdict Judge(string? fullName, string? description)
    {
        if (ContainsLink(description) || ContainsLink(fullName))
        {
            return SpamVerdict.ContainsLink;
        }

        if (ContainsSpamPhrase(description) || ContainsSpamPhrase(fullName))
        {
            return SpamVerdict.SpamPhrases;
        }

        // Only the description: a client's name may well be written in their own script.
        return IsMostlyNonLatin(description) ? SpamVerdict.UnexpectedLanguage : SpamVerdict.NotSpam;
    }

    /// <summary>
    /// Whether <paramref name="verdict"/> judges the request's words (a link, a pitch, a script) rather than how the
    /// form was sent (a robot): a judgement about words can be wrong about a real person, so the firm is still told.
    /// </summary>
    public static bool IsContentSignal(SpamVerdict verdict) =>
        verdict is SpamVerdict.ContainsLink or SpamVerdict.SpamPhrases or SpamVerdict.UnexpectedLanguage;

    /// <summary>A web link other than to a government site: http(s)://, www., or a bare domain (example.com, bit.ly/x).</summary>
    public static bool ContainsLink(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var word in text.ToLowerInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsLink(word.Trim(EdgePunctuation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A phrase of search-engine, marketing, casino or crypto pitches, in English, Spanish or French.</summary>
    public static bool ContainsSpamPhrase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = Words(text);
        return s_phrases.Any(phrase => words.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>
    /// More than half the letters are in a script other than Latin (Cyrillic, Chinese, Arabic…), once there are at
    /// least <see cref="MinimumLettersForLanguage"/> letters. Accented Latin (é, ñ, ư) is Latin.
    /// </summary>
    public static bool IsMostlyNonLatin(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int letters = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                letters++;
                if (!IsLatin(rune.Value))
                {
                    other++;
                }
            }
        }

        return letters >= MinimumLettersForLanguage && other * 2 > letters;
    }

    private static bool IsLatin(int c) =>
        c is <= 0x024F // Basic Latin, Latin-1, Latin Extended-A and -B
            or (>= 0x0250 and <= 0x02AF) // IPA extensions
            or (>= 0x1D00 and <= 0x1DBF) // phonetic extensions
            or (>= 0x1E00 and <= 0x1EFF) // Latin Extended Additional (Vietnamese)
            or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F)
            or (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A); // full-width Latin

    private static bool IsLink(string word)
    {
        if (word.Length < 4)
        {
            return false;
        }

        // A scheme anywhere in the word ("visit:https://…" included).
        var scheme = word.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && (word[..scheme].EndsWith("http", StringComparison.Ordinal) || word[..scheme].EndsWith("https", StringComparison.Ordinal)))
        {
            return !IsGovernment(HostOf(word[(scheme + 3)..], out _));
        }

        // An e-mail address (or "mailto:") is how a person asks to be answered, not a link.
        if (word.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var www = word.IndexOf("www.", StringComparison.Ordinal);
        if (www == 0 || (www > 0 && !char.IsAsciiLetterOrDigit(word[www - 1])))
        {
            return !IsGovernment(HostOf(word[(www + 4)..], out _));
        }

        var host = HostOf(word, out var path);

        var labels = host.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return false;
        }

        var ending = labels[^1];
        if (IsGovernment(host) || (s_allowedBareHosts.Contains(host) && path.Length == 0))
        {
            return false;
        }

        // "example.com" on its own is a link; "detenido.es" may be a missing space, so it needs a path ("site.es/oferta").
        return s_linkEndings.Contains(ending) || (s_wordLikeEndings.Contains(ending) && path.Length >= 2);
    }

    private static string HostOf(string rest, out string path)
    {
        var end = rest.IndexOfAny(['/', '?', '#', ':']);
        path = end < 0 ? "" : rest[(end + 1)..];
        return (end < 0 ? rest : rest[..end]).TrimEnd('.');
    }

    // *.gov, *.mil, *.gob.mx, *.gouv.fr, *.gov.co, *.gc.ca: a client may cite the agency handling their case.
    private static bool IsGovernment(string host)
    {
        var labels = host.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        var last = labels[^1];
        var beforeLast = labels[^2];
        return last is "gov" or "mil" or "gob"
            || (last.Length == 2 && beforeLast is "gov" or "gob" or "gouv" or "mil" or "gc");
    }

    // The whole description as lowercase words without accents, one space apart and around: " primera pagina de google ".
    private static string Words(string text)
    {
        var words = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        return words[^1] == ' ' ? words.ToString() : words.Append(' ').ToString();
    }

    private static readonly char[] WordSeparators =
        [' ', '\t', '\r', '\n', ',', ';', '(', ')', '[', ']', '{', '}', '<', '>', '"', '\'', '«', '»', '“', '”', '‘', '’', '|', '\u00A0'];

    private static readonly char[] EdgePunctuation = ['.', ',', '!', '?', ':', ';', '¡', '¿', '*', '-', '…'];

    // Domain endings that are not words in English, Spanish or French, so "something.com" is a link even without a path.
    private static readonly HashSet<string> s_linkEndings = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "info", "biz", "io", "co", "ru", "su", "cn", "ly", "xyz", "top", "icu", "pw", "tk", "ml",
        "ga", "cf", "gq", "uk", "mx", "br", "fr", "ht", "online", "website", "shop", "store", "club", "agency", "digital",
        "marketing", "tech", "blog", "casino", "bet", "xxx",
    };

    // Endings that are also words ("es", "me", "de", "la", "in", "us", "live", "today"…): a link only with a path.
    private static readonly HashSet<string> s_wordLikeEndings = new(StringComparer.Ordinal)
    {
        "es", "me", "de", "la", "to", "in", "it", "is", "no", "us", "do", "be", "at", "so", "am", "an", "as", "by", "go",
        "my", "on", "ca", "tv", "cc", "ws", "ai", "eu", "site", "app", "dev", "page", "pro", "live", "news", "today",
        "world", "work", "win", "fun", "media", "link", "click", "services", "solutions", "company", "space", "vip",
    };

    // Named on their own (no path), these are how people talk, not links: the end of an address written out
    // ("juan at gmail.com"), or where they found the firm ("I saw your ad on Facebook.com").
    private static readonly HashSet<string> s_allowedBareHosts = new(StringComparer.Ordinal)
    {
        "gmail.com", "hotmail.com", "hotmail.es", "hotmail.fr", "outlook.com", "outlook.es", "live.com", "msn.com",
        "yahoo.com", "yahoo.es", "yahoo.fr", "yahoo.com.mx", "icloud.com", "aol.com", "protonmail.com", "proton.me",
        "wa.me", "facebook.com", "instagram.com", "youtube.com", "google.com", "tiktok.com", "whatsapp.com",
    };

    // Whole words, lowercase and without accents (matched against Words(text)). Each one is a pitch, not a life.
    private static readonly string[] s_phrases = new[]
    {
        // English: search engines and websites
        "backlink", "backlinks", "link building", "linkbuilding", "guest post", "guest posts", "guest posting",
        "sponsored post", "sponsored posts", "domain authority", "rank your website", "rank your site",
        "rank your business", "rank your law firm", "ranking your website", "first page of google",
        "first page on google", "page one of google", "google first page", "google s first page", "top of google",
        "rank on google", "rank higher on google", "ranking on google", "rankings on google", "google ranking",
        "google rankings", "increase your traffic", "increase your website traffic", "increase website traffic",
        "boost your traffic", "more traffic to your website", "drive traffic to your website", "organic traffic",
        "website traffic", "web design services", "website design services", "web development services",
        "website development services", "redesign your website", "search engine optimization",
        "search engine optimisation", "search engine ranking", "search engine rankings", "seo services", "seo service",
        "seo expert", "seo experts", "seo agency", "seo company", "seo specialist", "seo optimization",
        "seo optimisation", "seo ranking", "seo rankings", "seo audit", "seo package", "seo packages", "seo strategy",
        "seo campaign", "seo friendly", "seo results", "your seo", "improve seo", "our seo", "local seo",
        "white hat seo", "digital marketing services", "we are a marketing agency", "we are a digital marketing agency",
        "our marketing agency", "lead generation services", "grow your business", "grow your law firm",
        "grow your practice", "more clients for your", "google my business", "google business profile",
        "local citations",

        // English: casinos, crypto, pills
        "online casino", "casino online", "casino bonus", "crypto casino", "free spins", "crypto investment",
        "cryptocurrency investment", "bitcoin investment", "invest in bitcoin", "invest in crypto",
        "invest in cryptocurrency", "crypto trading platform", "crypto signals", "forex signals", "binary options",
        "viagra", "cialis",

        // Spanish
        "posicionamiento web", "posicionamiento en google", "posicionamiento seo", "posicionar su web",
        "posicionar su sitio", "posicionar su pagina", "posicionar tu web", "posicionar tu sitio", "posicionar tu pagina",
        "primera pagina de google", "primeras posiciones de google", "primeros lugares de google", "enlaces de calidad",
        "construccion de enlaces", "articulo patrocinado", "articulos patrocinados", "publicacion patrocinada",
        "post patrocinado", "trafico web", "trafico organico", "aumentar el trafico", "aumentar su trafico",
        "aumentar tu trafico", "servicios seo", "servicios de seo", "agencia seo", "experto seo", "expertos en seo",
        "estrategia seo", "servicios de diseno web", "servicios de marketing digital", "somos una agencia de marketing",
        "nuestra agencia de marketing", "mas clientes para su", "casino en linea", "giros gratis",
        "inversion en bitcoin", "inversion en criptomonedas", "invertir en bitcoin", "invertir en criptomonedas",

        // French
        "referencement", "premiere page de google", "premiere page google", "netlinking", "article sponsorise",
        "articles sponsorises", "augmenter votre trafic", "augmenter le trafic", "trafic de votre site",
        "trafic organique", "services seo", "agence seo", "expert seo", "consultant seo", "votre seo", "strategie seo",
        "services de conception web", "services de creation de site", "services de marketing digital",
        "services de marketing numerique", "nous sommes une agence de marketing", "notre agence de marketing",
        "plus de clients pour votre", "casino en ligne", "tours gratuits", "investissement en bitcoin",
        "investissement crypto", "investir en bitcoin", "investir dans le bitcoin", "investir en crypto",
        "investir dans la crypto",
    }.Select(p => $" {p} ").Distinct(StringComparer.Ordinal).ToArray();
}
