namespace PiriSite.Domain.Content;

public static class PhoneNumber
{
    /// <summary>
    /// Turns a North American number as people write it, "(833) 600-0029", into "tel:+18336000029".
    /// Numbers already written with a leading "+" keep their own country code.
    /// </summary>
    public static string ToTelUri(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (phone.TrimStart().StartsWith('+'))
        {
            return "tel:+" + digits;
        }

        return digits.Length == 10 ? "tel:+1" + digits : "tel:+" + digits;
    }
}
